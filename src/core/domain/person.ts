import { DomainError } from '../errors.js';
import type { Actor, PersonRef } from './shared.js';
import { MAX_SHORT_TEXT_LENGTH, cleanText } from './text.js';

/**
 * Reads a person as typed in a command: a platform mention (`<@U123>` or `<@U123|Dana>`, which the
 * adapters produce from Slack and Teams mentions), `me`, or a plain name or e-mail (`@dana`,
 * `dana@example.com`) for people not linked to a platform account, e.g. in imports.
 */
export function parsePerson(raw: string, actor: Pick<Actor, 'id' | 'name'>, field: string): PersonRef {
  const text = raw.trim();
  const mention = /^<@([A-Za-z0-9:._-]{1,128})(?:\|([^>]{0,100}))?>$/.exec(text);
  if (mention) {
    const name = mention[2]?.trim();
    return name ? { id: mention[1], name } : { id: mention[1] };
  }
  if (text.toLowerCase() === 'me' || text.toLowerCase() === '@me') {
    return actor.name ? { id: actor.id, name: actor.name } : { id: actor.id };
  }
  if (text.startsWith('<')) {
    throw new DomainError('input.invalid', `I couldn't read "${text}" as a person for ${field}. Mention them with @.`, field);
  }
  return { name: cleanText(text.replace(/^@/, ''), { field, max: MAX_SHORT_TEXT_LENGTH }) };
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
