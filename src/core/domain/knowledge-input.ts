/**
 * Turns raw field values (from a command, a form or a spreadsheet row) into checked knowledge
 * fields. One place, so every way in accepts and refuses the same things with the same words.
 * Whether linked requirements exist is checked by the use case (it needs the store).
 */
import type { Fields, KnowledgeField } from '../commands/grammar.js';
import { DomainError } from '../errors.js';
import { addDays, parseIsoDate } from './dates.js';
import { KNOWLEDGE_KINDS, type KnowledgeKind } from './knowledge.js';
import { parsePerson } from './person.js';
import { HORIZONS, type Horizon, parseRequirementId } from './requirement.js';
import { parseLink } from './requirement-input.js';
import type { Actor, IsoDate, PersonRef } from './shared.js';
import { MAX_SHORT_TEXT_LENGTH, MAX_TEXT_LENGTH, cleanOptionalText, cleanText, oneOf } from './text.js';

export interface KnowledgeValues {
  title: string;
  kind: KnowledgeKind;
  date: IsoDate;
  link?: string;
  fileName?: string;
  customers?: string;
  horizon: Horizon;
  owner?: PersonRef;
  requirementIds: string[];
  summary?: string;
}

/** `REQ-4,REQ-9` or `REQ-4 REQ-9` → canonical ids, each once; a malformed id is refused. */
export function parseRequirementIds(raw: string | undefined, field = 'requirements'): string[] {
  const ids = (raw ?? '')
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((part) => {
      const id = parseRequirementId(part);
      if (!id) throw new DomainError('input.invalid', `"${part}" is not a requirement id. Ids look like REQ-12.`, field);
      return id;
    });
  return [...new Set(ids)];
}

/**
 * Checked values for a new record. `today` is the workspace's date: a record is about a study or
 * document that exists, so its date cannot be in the future.
 */
export function knowledgeValues(
  fields: Fields<KnowledgeField>,
  actor: Pick<Actor, 'id' | 'name' | 'workspaceId'>,
  today: IsoDate,
  options: { readonly ownerDefaultsToActor?: boolean } = {},
): KnowledgeValues {
  if (!fields.title?.trim()) {
    throw new DomainError('input.invalid', 'Give the record a title, e.g. "Q3 end-user survey".', 'title');
  }
  const title = cleanText(fields.title, { field: 'title', max: MAX_SHORT_TEXT_LENGTH });
  if (!fields.kind?.trim()) {
    throw new DomainError('input.invalid', `Say what kind of source it is: kind:${KNOWLEDGE_KINDS.join('|')}.`, 'kind');
  }
  const kind = oneOf(fields.kind, KNOWLEDGE_KINDS, 'kind');
  const date = fields.date?.trim() ? parseIsoDate(fields.date, 'date') : today;
  if (date > today) {
    throw new DomainError(
      'input.invalid',
      `The date ${date} is in the future. Give the day the study was finished or the document published (today at the latest).`,
      'date',
    );
  }
  if (date < addDays(today, -365 * 100)) {
    throw new DomainError('input.invalid', `The date ${date} is more than a hundred years ago. Check the year.`, 'date');
  }
  const link = fields.link?.trim() ? parseLink(fields.link) : undefined;
  const fileName = cleanOptionalText(fields.file, { field: 'file', max: MAX_SHORT_TEXT_LENGTH });
  if (!link && !fileName) {
    throw new DomainError(
      'input.invalid',
      'Say where the source can be read: link:https://… (or file:"report.pdf" for a file kept elsewhere).',
      'link',
    );
  }
  const customers = cleanOptionalText(fields.customers, { field: 'customers', max: MAX_SHORT_TEXT_LENGTH * 2 });
  const horizon = fields.horizon?.trim() ? oneOf(fields.horizon, HORIZONS, 'horizon') : 'current';
  // Whoever records a source in chat owns it unless they name someone; an import names owners or none.
  const owner = fields.owner?.trim()
    ? parsePerson(fields.owner, actor, 'owner')
    : options.ownerDefaultsToActor === false
      ? undefined
      : parsePerson('me', actor, 'owner');
  const summary = cleanOptionalText(fields.summary, { field: 'summary', max: MAX_TEXT_LENGTH, multiline: true });
  return {
    title,
    kind,
    date,
    ...(link ? { link } : {}),
    ...(fileName ? { fileName } : {}),
    ...(customers ? { customers } : {}),
    horizon,
    ...(owner ? { owner } : {}),
    requirementIds: parseRequirementIds(fields.requirements),
    ...(summary ? { summary } : {}),
  };
}
