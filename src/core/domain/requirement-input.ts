/**
 * Turns raw field values (from a command, a form or a spreadsheet row) into checked requirement
 * fields. One place, so every way in accepts and refuses the same things with the same words.
 */
import type { Fields, RequirementField } from './input-fields.js';
import { DomainError } from '../errors.js';
import { sourceRefsIn } from './knowledge.js';
import { FieldChecks } from './field-checks.js';
import { parsePerson } from './person.js';
import {
  DEFAULT_REVIEW_INTERVAL_DAYS,
  HORIZONS,
  type Horizon,
  MAX_REVIEW_INTERVAL_DAYS,
  REQUIREMENT_CATEGORIES,
  REQUIREMENT_TYPES,
  type RequirementCategory,
  type RequirementSource,
  type RequirementType,
} from './requirement.js';
import type { Actor, IsoDate, PersonRef } from './shared.js';
import { MAX_SHORT_TEXT_LENGTH, cleanOptionalText, cleanText, oneOf } from './text.js';

export interface RequirementValues {
  statement: string;
  customer: string;
  type: RequirementType;
  reference?: string;
  category: RequirementCategory;
  source?: RequirementSource;
  knowledgeIds?: string[];
  checkRefs?: string[];
  horizon: Horizon;
  owner?: PersonRef;
  reviewIntervalDays: number;
}

export const DEFAULT_CUSTOMER = 'All customers';

const UNIT_DAYS: Record<string, number> = { d: 1, w: 7, m: 30, y: 365 };

/**
 * `90`, `90d`, `12w`, `3m`, `1y` → days. A date is not an interval: it gets its own hint, and one
 * in the past says so (`today` is the workspace's date, when known).
 */
export function parseReviewInterval(raw: string, today?: IsoDate): number {
  const text = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const past = today !== undefined && text < today;
    throw new DomainError(
      'input.invalid',
      `${past ? `The review date ${text} is in the past: a review can only be due from today on. ` : `"${text}" is a date. `}review: says how often to review, e.g. review:30d, review:12w, review:6m or review:1y; the first review is then due that long from today.`,
      'review',
    );
  }
  const match = /^(\d{1,4})\s*(d|days?|w|weeks?|m|months?|y|years?)?$/i.exec(text);
  const days = match ? Number(match[1]) * (UNIT_DAYS[(match[2] ?? 'd')[0]?.toLowerCase() ?? 'd'] ?? 1) : Number.NaN;
  if (!Number.isInteger(days) || days < 1 || days > MAX_REVIEW_INTERVAL_DAYS) {
    throw new DomainError(
      'input.invalid',
      `"${text}" is not a review interval I understand. Use days, weeks, months or years between 1 day and 10 years, e.g. review:30d, review:12w, review:6m, review:1y.`,
      'review',
    );
  }
  return days;
}

/** Only web links: a `javascript:` or `file:` link in an audit record helps nobody. */
export function parseLink(raw: string, field = 'link'): string {
  const text =
    raw
      .trim()
      .replace(/^<(.*)>$/, '$1')
      .split('|')[0] ?? '';
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || text.length > 2000) {
    throw new DomainError('input.invalid', `"${raw.trim()}" is not a web link. Give a full address starting with https://.`, field);
  }
  return url.toString();
}

function parseSource(fields: Fields<RequirementField>): RequirementSource | undefined {
  const text = cleanOptionalText(fields.source, { field: 'source', max: MAX_SHORT_TEXT_LENGTH * 2 });
  const link = fields.link?.trim() ? parseLink(fields.link) : undefined;
  if (!text && !link) return undefined;
  return { ...(text ? { text } : {}), ...(link ? { link } : {}) };
}

type Actorish = Pick<Actor, 'id' | 'name' | 'workspaceId'>;

/** What a new requirement starts from before the given fields are applied. */
export const NEW_REQUIREMENT_DEFAULTS: RequirementValues = {
  statement: '',
  customer: DEFAULT_CUSTOMER,
  type: 'stated',
  category: 'other',
  horizon: 'current',
  reviewIntervalDays: DEFAULT_REVIEW_INTERVAL_DAYS,
};

/** A value the bot chose because none was given: named in the confirmation, never applied silently. */
export interface AppliedDefault {
  /** The option to type to change it, e.g. `customer`. */
  readonly option: string;
  /** The value as a person reads it, e.g. "All customers", "every 90 days". */
  readonly value: string;
}

/** The defaults a new requirement with these fields gets, in the order the confirmation names them. */
export function defaultsApplied(fields: Fields<RequirementField>): AppliedDefault[] {
  const missing = (field: RequirementField) => fields[field] === undefined || fields[field]?.trim() === '';
  return [
    ...(missing('customer') ? [{ option: 'customer', value: NEW_REQUIREMENT_DEFAULTS.customer }] : []),
    ...(missing('type') ? [{ option: 'type', value: NEW_REQUIREMENT_DEFAULTS.type }] : []),
    ...(missing('category') ? [{ option: 'category', value: NEW_REQUIREMENT_DEFAULTS.category }] : []),
    ...(missing('horizon') ? [{ option: 'horizon', value: NEW_REQUIREMENT_DEFAULTS.horizon }] : []),
    ...(missing('review') ? [{ option: 'review', value: `every ${NEW_REQUIREMENT_DEFAULTS.reviewIntervalDays} days` }] : []),
  ];
}

/** The owner a field names; `undefined` for "none" or blank, which mean "no owner". */
export function ownerFromField(raw: string, actor: Actorish): PersonRef | undefined {
  const text = raw.trim();
  return text === '' || text.toLowerCase() === 'none' ? undefined : parsePerson(text, actor, 'owner');
}

/**
 * Values for a new requirement, with defaults for what was not given. Every field is checked and
 * all refusals are thrown together; `today` (the workspace's date) lets past dates be named as such.
 */
export function requirementValuesForCreate(fields: Fields<RequirementField>, actor: Actorish, today?: IsoDate): RequirementValues {
  const checks = new FieldChecks();
  if (fields.statement === undefined || fields.statement.trim() === '') {
    checks.add(
      new DomainError(
        'input.invalid',
        'The requirement needs a statement: what the customer needs or expects, e.g. "Deliveries to Norway within 5 days".',
        'statement',
      ),
    );
  }
  // A blank statement is reported once, above, not again as "empty".
  const given = fields.statement?.trim() ? fields : { ...fields, statement: undefined };
  const values = checks.run(() => applyRequirementChanges(NEW_REQUIREMENT_DEFAULTS, given, actor, today));
  checks.throwIfAny();
  return values as RequirementValues;
}

/**
 * Applies the given fields over existing values; fields not given stay as they are. Every field
 * is checked before anything is refused, so all mistakes are reported together.
 */
export function applyRequirementChanges(
  base: RequirementValues,
  fields: Fields<RequirementField>,
  actor: Actorish,
  today?: IsoDate,
): RequirementValues {
  const checks = new FieldChecks();
  const next: RequirementValues = { ...base };
  const set = <K extends keyof RequirementValues>(key: K, value: () => RequirementValues[K]) => {
    checks.run(() => {
      next[key] = value();
    });
  };
  if (fields.statement !== undefined) set('statement', () => cleanText(fields.statement ?? '', { field: 'statement', multiline: true }));
  if (fields.customer !== undefined) {
    set('customer', () => cleanText(fields.customer ?? '', { field: 'customer', max: MAX_SHORT_TEXT_LENGTH }));
  }
  // A refused type is reported on its own; the reference rule below would only repeat it.
  const typeRefused =
    fields.type !== undefined && checks.run(() => (next.type = oneOf(fields.type ?? '', REQUIREMENT_TYPES, 'type'))) === undefined;
  if (fields.category !== undefined) set('category', () => oneOf(fields.category ?? '', REQUIREMENT_CATEGORIES, 'category'));
  if (fields.horizon !== undefined) set('horizon', () => oneOf(fields.horizon ?? '', HORIZONS, 'horizon'));
  if (fields.reference !== undefined) {
    checks.run(() => {
      const reference = cleanOptionalText(fields.reference, { field: 'reference', max: MAX_SHORT_TEXT_LENGTH });
      if (reference) next.reference = reference;
      else delete next.reference;
    });
  }
  if (fields.owner !== undefined) {
    checks.run(() => {
      const owner = ownerFromField(fields.owner ?? '', actor);
      if (owner) next.owner = owner;
      else delete next.owner;
    });
  }
  if (fields.review !== undefined) set('reviewIntervalDays', () => parseReviewInterval(fields.review ?? '', today));
  // `source:K-3,D-12` names customer-knowledge records and decision checks; any other source is a description.
  const refs = fields.source !== undefined ? sourceRefsIn(fields.source) : undefined;
  if (refs) {
    if (refs.knowledgeIds.length) next.knowledgeIds = refs.knowledgeIds;
    else delete next.knowledgeIds;
    if (refs.checkRefs.length) next.checkRefs = refs.checkRefs;
    else delete next.checkRefs;
  }
  if (fields.source !== undefined && !refs && fields.source.trim() === '') {
    delete next.knowledgeIds;
    delete next.checkRefs;
  }
  if ((fields.source !== undefined && !refs) || fields.link !== undefined) {
    checks.run(() => {
      const source = parseSource({
        source: fields.source !== undefined && !refs ? fields.source : base.source?.text,
        link: fields.link ?? base.source?.link,
      });
      if (source) next.source = source;
      else delete next.source;
    });
  }
  if (next.reference && next.type !== 'obligatory' && !typeRefused) {
    checks.add(
      new DomainError(
        'input.invalid',
        'A reference (ref:) is for obligatory requirements: the law, regulation or standard. Add type:obligatory, or leave the reference out.',
        'reference',
      ),
    );
  }
  checks.throwIfAny();
  return next;
}
