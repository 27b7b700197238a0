import { DomainError } from '../errors.js';
import type { Actor, PersonRef, Platform } from './shared.js';
import { MAX_SHORT_TEXT_LENGTH, cleanText } from './text.js';

/** The platform a workspace id belongs to (`slack:T1`, `teams:<tenant>`, `local`). */
export function platformOf(workspaceId: string): Platform | undefined {
  if (workspaceId.startsWith('slack:')) return 'slack';
  if (workspaceId.startsWith('teams:')) return 'teams';
  if (workspaceId === 'local' || workspaceId.startsWith('local:')) return 'local';
  return undefined;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a user id looks like on each platform: Slack member ids (`U…`, or `W…` on Enterprise
 * Grid), Teams user ids (`29:…`) and Microsoft Entra object ids, the playground's `local:name`.
 * A word that fits none of these is not a person of the workspace, whatever it says.
 */
const USER_ID: Record<Platform, (id: string) => boolean> = {
  slack: (id) => /^[UW][A-Z0-9_]{1,30}$/.test(id),
  teams: (id) => /^(?:29|8:orgid):[A-Za-z0-9._:-]{1,120}$/.test(id) || GUID.test(id),
  local: (id) => /^local:[a-z0-9._-]{1,60}$/i.test(id),
};

/** Whether `id` can be a person's id in this workspace (shape only: the platform vouches for mentions). */
export function isUserIdFor(workspaceId: string, id: string): boolean {
  const platform = platformOf(workspaceId);
  return platform ? USER_ID[platform](id) : /^[A-Za-z0-9:._-]{1,128}$/.test(id);
}

/** How to name a person on this platform, for refusals. */
export function howToNamePerson(workspaceId: string, field: string): string {
  switch (platformOf(workspaceId)) {
    case 'slack':
      return `Mention them with @ and pick them from the list Slack offers, e.g. ${field === 'owner' ? 'owner:' : ''}@Kim. On the command line or in a spreadsheet, give their Slack member ID instead (it starts with U or W, e.g. U0123ABCD; in Slack: their profile → ⋮ → Copy member ID).`;
    case 'teams':
      return `Mention them with @ and pick them from the list Teams offers, e.g. ${field === 'owner' ? 'owner:' : ''}@Kim. On the command line or in a spreadsheet, give their Microsoft Entra object ID instead (e.g. 0b5d2f3a-1c4e-4f6a-9b8d-2e7c5a1f3d90, shown in the Entra admin center).`;
    case 'local':
      return `Mention them with @, e.g. ${field === 'owner' ? 'owner:' : ''}@kim (the playground knows @dana and @kim). On the command line or in a spreadsheet, write local:kim.`;
    default:
      return 'Mention them with @ and pick them from the list your chat offers.';
  }
}

const refuse = (why: string, actor: Pick<Actor, 'workspaceId'>, field: string): DomainError =>
  new DomainError('input.invalid', `${why} ${howToNamePerson(actor.workspaceId, field)}`, field);

export interface PersonOptions {
  /**
   * For finding records (a list filter, "reassign from"), not for storing a person: plain names
   * are then allowed, because records imported before owners were checked may carry one.
   */
  readonly lookup?: boolean;
}

/**
 * Reads a person as given: a platform mention (`<@U123>` or `<@U123|Dana>`, which the adapters
 * produce from Slack and Teams mentions), `me`, or a platform user id (`U0123ABCD`, an Entra object
 * id, `local:kim`: what the command line and spreadsheets carry). Anything else names nobody the
 * bot can reach, so it is refused with a hint rather than stored as a name that looks like a person.
 */
export function parsePerson(
  raw: string,
  actor: Pick<Actor, 'id' | 'name' | 'workspaceId'>,
  field: string,
  options: PersonOptions = {},
): PersonRef {
  const text = raw.trim();
  const mention = /^<@([^|>\s]{1,128})(?:\|([^>]{0,100}))?>$/.exec(text);
  if (mention) {
    const id = mention[1] ?? '';
    if (!isUserIdFor(actor.workspaceId, id)) {
      throw refuse(`"${text}" is not a person of this workspace, so I can't use it for ${field}.`, actor, field);
    }
    const name = mention[2]?.trim();
    return name ? { id, name } : { id };
  }
  if (text.toLowerCase() === 'me' || text.toLowerCase() === '@me') {
    // At the command line "me" is the operator, who is nobody in the chat workspace.
    if (!isUserIdFor(actor.workspaceId, actor.id) && !options.lookup) {
      throw refuse(`"${text}" here is you at the command line, not a person of the workspace, so it can't be the ${field}.`, actor, field);
    }
    return actor.name ? { id: actor.id, name: actor.name } : { id: actor.id };
  }
  if (isUserIdFor(actor.workspaceId, text)) return { id: text };
  if (options.lookup && text !== '' && !text.startsWith('<')) {
    return { name: cleanText(text.replace(/^@/, ''), { field, max: MAX_SHORT_TEXT_LENGTH }) };
  }
  if (/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(text.replace(/^<mailto:([^|>]*)(\|[^>]*)?>$/, '$1'))) {
    throw refuse(
      `I can't use an e-mail address for ${field}: the bot does not ask the platform for people's e-mail addresses, so it could not tell who "${text}" is.`,
      actor,
      field,
    );
  }
  const shown = text.length > 60 ? `${text.slice(0, 59)}…` : text;
  throw refuse(
    text === ''
      ? `Say who for ${field}.`
      : `"${shown}" is not a person I can find in this workspace, so reminders for ${field} could never reach them.`,
    actor,
    field,
  );
}

/** A person as plain text for logs, CSV and the CLI. */
export function personLabel(person: PersonRef | undefined): string {
  if (!person) return '';
  if (person.name && person.id) return `${person.name} (${person.id})`;
  return person.name ?? person.id ?? '';
}

/** Two references name the same person when their ids match, or, without ids, their names do. */
export function samePerson(a: PersonRef | undefined, b: PersonRef): boolean {
  if (!a) return false;
  if (a.id && b.id) return a.id === b.id;
  return !a.id && !b.id && (a.name ?? '').toLowerCase() === (b.name ?? '').toLowerCase();
}
