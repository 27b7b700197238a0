/**
 * Turns raw field values (from a command, a form or a spreadsheet row) into checked requirement
 * fields. One place, so every way in accepts and refuses the same things with the same words.
 */
import type { Fields, RequirementField } from './input-fields.js';
import { DomainError } from '../errors.js';
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
import type { Actor, PersonRef } from './shared.js';
import { MAX_SHORT_TEXT_LENGTH, cleanOptionalText, cleanText, oneOf } from './text.js';

export interface RequirementValues {
  statement: string;
  customer: string;
  type: RequirementType;
  reference?: string;
  category: RequirementCategory;
  source?: RequirementSource;
  horizon: Horizon;
  owner?: PersonRef;
  reviewIntervalDays: number;
}

export const DEFAULT_CUSTOMER = 'All customers';

const UNIT_DAYS: Record<string, number> = { d: 1, w: 7, m: 30, y: 365 };

/** `90`, `90d`, `12w`, `3m`, `1y` → days. */
export function parseReviewInterval(raw: string): number {
  const match = /^(\d{1,4})\s*(d|days?|w|weeks?|m|months?|y|years?)?$/i.exec(raw.trim());
  const days = match ? Number(match[1]) * (UNIT_DAYS[(match[2] ?? 'd')[0]?.toLowerCase() ?? 'd'] ?? 1) : Number.NaN;
  if (!Number.isInteger(days) || days < 1 || days > MAX_REVIEW_INTERVAL_DAYS) {
    throw new DomainError(
      'input.invalid',
      `"${raw.trim()}" is not a review interval I understand. Use days, weeks, months or years between 1 day and 10 years, e.g. review:30d, review:12w, review:6m, review:1y.`,
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

type Actorish = Pick<Actor, 'id' | 'name'>;

/** Values for a new requirement, with defaults for what was not given. */
export function requirementValuesForCreate(fields: Fields<RequirementField>, actor: Actorish): RequirementValues {
  if (fields.statement === undefined || fields.statement.trim() === '') {
    throw new DomainError(
      'input.invalid',
      'The requirement needs a statement: what the customer needs or expects, e.g. "Deliveries to Norway within 5 days".',
      'statement',
    );
  }
  return applyRequirementChanges(
    {
      statement: '',
      customer: DEFAULT_CUSTOMER,
      type: 'stated',
      category: 'other',
      horizon: 'current',
      reviewIntervalDays: DEFAULT_REVIEW_INTERVAL_DAYS,
    },
    fields,
    actor,
  );
}

/** Applies the given fields over existing values; fields not given stay as they are. */
export function applyRequirementChanges(base: RequirementValues, fields: Fields<RequirementField>, actor: Actorish): RequirementValues {
  const next: RequirementValues = { ...base };
  if (fields.statement !== undefined) next.statement = cleanText(fields.statement, { field: 'statement', multiline: true });
  if (fields.customer !== undefined) {
    next.customer = cleanText(fields.customer, { field: 'customer', max: MAX_SHORT_TEXT_LENGTH });
  }
  if (fields.type !== undefined) next.type = oneOf(fields.type, REQUIREMENT_TYPES, 'type');
  if (fields.category !== undefined) next.category = oneOf(fields.category, REQUIREMENT_CATEGORIES, 'category');
  if (fields.horizon !== undefined) next.horizon = oneOf(fields.horizon, HORIZONS, 'horizon');
  if (fields.reference !== undefined) {
    const reference = cleanOptionalText(fields.reference, { field: 'reference', max: MAX_SHORT_TEXT_LENGTH });
    if (reference) next.reference = reference;
    else delete next.reference;
  }
  if (fields.owner !== undefined) {
    if (fields.owner.trim() === '' || fields.owner.trim().toLowerCase() === 'none') delete next.owner;
    else next.owner = parsePerson(fields.owner, actor, 'owner');
  }
  if (fields.review !== undefined) next.reviewIntervalDays = parseReviewInterval(fields.review);
  if (fields.source !== undefined || fields.link !== undefined) {
    const source = parseSource({ source: fields.source ?? base.source?.text, link: fields.link ?? base.source?.link });
    if (source) next.source = source;
    else delete next.source;
  }
  if (next.reference && next.type !== 'obligatory') {
    throw new DomainError(
      'input.invalid',
      'A reference (ref:) is for obligatory requirements: the law, regulation or standard. Add type:obligatory, or leave the reference out.',
      'reference',
    );
  }
  return next;
}
