/**
 * An evidence entry's facts (`data`) and people as a person reads them: "field: value" lines with
 * words for field names, never raw JSON; people by name wherever any entry names them. Used by the
 * audit pack's summary.html and the dashboard's evidence table, so both read the same.
 */
import { zoneMinute } from '../domain/dates.js';
import type { EvidenceEntry, JsonValue } from '../domain/evidence.js';

export interface Fact {
  readonly label: string;
  readonly value: string;
}

/** `requirementId` → "requirement id", `due_on` → "due on". */
export const fieldWords = (key: string): string =>
  key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.]+/g, ' ')
    .toLowerCase()
    .trim();

const ENUM_WORD = /^[a-z]+(?:_[a-z]+)+$/;
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?Z$/;

function valueText(value: JsonValue, timeZone: string): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (TIMESTAMP.test(value)) return zoneMinute(value, timeZone);
    return ENUM_WORD.test(value) ? value.replace(/_/g, ' ') : value;
  }
  if (Array.isArray(value))
    return value
      .map((item) => valueText(item, timeZone))
      .filter(Boolean)
      .join(', ');
  return Object.entries(value)
    .map(([key, inner]) => (inner === null ? '' : `${fieldWords(key)} ${valueText(inner, timeZone)}`))
    .filter(Boolean)
    .join(', ');
}

/**
 * Every non-empty fact, one per field; nested objects become "field: inner value, inner value";
 * moments in the workspace's zone, named.
 */
export function readableFacts(data: { readonly [key: string]: JsonValue }, timeZone: string): Fact[] {
  return Object.entries(data)
    .map(([key, value]) => ({ label: fieldWords(key), value: valueText(value, timeZone) }))
    .filter((fact) => fact.value !== '');
}

/** "settings.changed" → "settings changed". */
export const entryTypeWords = (type: string): string => type.replace(/[._]/g, ' ');

/**
 * Names for the people who acted, from the entries that recorded a name (a command from the CLI
 * or an import may record only an id); linear in the number of entries.
 */
export function actorNames(entries: readonly EvidenceEntry[]): (entry: EvidenceEntry) => string {
  const names = new Map<string, string>();
  for (const entry of entries) {
    const name = entry.personal.actorName;
    if (typeof name === 'string' && name !== '' && !names.has(entry.actorId)) names.set(entry.actorId, name);
  }
  return (entry) => {
    if (entry.personal.actorName === null) return '[redacted]';
    return entry.personal.actorName || names.get(entry.actorId) || entry.actorId;
  };
}
