/**
 * Whether a message opens by addressing a group of staff, as rules for them are written
 * ("Drivers: keys go back in the locker at the end of your duty"). Such a message counts as a
 * weak sign of an announcement (plain-signs.ts) and may speak to its audience ("you") without
 * closing the model's gate.
 */
import { TOKEN } from './word-features.js';

// A message that opens by addressing a group, as rules for staff do: "Drivers:", "Bin crews:",
// "Agents —", "Library assistants,", "Team,". Read on the text as written, capitalised: a chat
// nick ("eepberries:", "SpamapS:", "bob2:", "@someone") is often lower case, with inner capitals
// or digits; a group is a plural or a collective noun (GROUPS).
const ADDRESS =
  /^[^\w@]{0,3}(?:(?:[Hh]eads[- ]up|[Rr]eminder|[Aa]ttention|[Ii]mportant)\W{1,3})?((?:All |Our )?[A-Z][a-z]+(?: [a-z]+){0,3})(?: please note)? ?(?::|,|—|–| -) /;
const GROUPS = new Set([
  'team',
  'staff',
  'crew',
  'kitchen',
  'reception',
  'everyone',
  'everybody',
  'all',
  'chorus',
  'cast',
  'floor',
  'desk',
]);
const ROLE_PLURAL = /(?:er|or|ant|ent|ist|ian|ee)s$/;
const NOT_GROUPS = new Set(['thanks', 'yes', 'this', 'is', 'was', 'has', 'does', 'its', 'guys', 'anyways', 'perhaps', 'always', 'plus']);

/** The words addressing a group at the start of `text`, and how many ("Bin crews:", 2); undefined when none do. */
export function addressOf(text: string): { words: number; address: string } | undefined {
  const match = ADDRESS.exec(text);
  const group = match?.[1];
  if (!match || !group) return undefined;
  const space = group.lastIndexOf(' ');
  const last = group.slice(space + 1).toLowerCase();
  // One word alone must look like a person's role ("Drivers", "Agents"): plural nicks abound.
  const plural =
    last.length > 3 && last.endsWith('s') && !last.endsWith('ss') && !NOT_GROUPS.has(last) && (space >= 0 || ROLE_PLURAL.test(last));
  if (!plural && !GROUPS.has(last)) return undefined;
  return { words: match[0].match(TOKEN)?.length ?? 0, address: match[0].trim() };
}
