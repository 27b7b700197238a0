/**
 * The period of an export, as people write it: `2026-Q1`, `2026-01-01..2026-03-31`, `2026-03`,
 * `2026`, `last-quarter`, `this-month`, `last-30-days`… Dates are calendar days in the workspace's
 * time zone, both ends included. Relative periods are resolved once, when the export is asked for.
 */
import { addDays, parseIsoDate } from '../domain/dates.js';
import type { IsoDate } from '../domain/shared.js';
import { DomainError } from '../errors.js';

export interface Period {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export const PERIOD_EXAMPLES =
  '2026-Q1, 2026-01-01..2026-03-31, 2026-03, 2026, this-month, last-month, this-quarter, last-quarter, this-year, last-year or last-30-days';

const pad = (n: number): string => String(n).padStart(2, '0');
const monthStart = (year: number, month: number): IsoDate => `${year}-${pad(month)}-01`;
/** Last day of a month; `month` may run past 12 or below 1 and rolls the year. */
function monthEnd(year: number, month: number): IsoDate {
  const next = new Date(Date.UTC(year, month, 1));
  return addDays(next.toISOString().slice(0, 10), -1);
}
const monthPeriod = (year: number, month: number): Period => {
  const first = new Date(Date.UTC(year, month - 1, 1));
  return {
    from: monthStart(first.getUTCFullYear(), first.getUTCMonth() + 1),
    to: monthEnd(first.getUTCFullYear(), first.getUTCMonth() + 1),
  };
};
const quarterPeriod = (year: number, quarter: number): Period => {
  const first = monthPeriod(year, (quarter - 1) * 3 + 1);
  const last = monthPeriod(year, (quarter - 1) * 3 + 3);
  return { from: first.from, to: last.to };
};
const yearPeriod = (year: number): Period => ({ from: `${year}-01-01`, to: `${year}-12-31` });

function invalid(raw: string, why: string): DomainError {
  return new DomainError('input.invalid', `"${raw}" is not a period I understand: ${why} Write it as ${PERIOD_EXAMPLES}.`, 'period');
}

/** Parses `raw` relative to `today` (a date in the workspace's zone). */
export function parsePeriod(raw: string, today: IsoDate): Period {
  const text = raw.trim();
  if (text === '') throw new DomainError('input.invalid', `Say which period to export, e.g. ${PERIOD_EXAMPLES}.`, 'period');
  const word = text.toLowerCase().replace(/[\s_]+/g, '-');
  const [year, month] = today.split('-').map(Number) as [number, number];
  const quarter = Math.floor((month - 1) / 3) + 1;

  const range = /^(\d{4}-\d{2}-\d{2})\s*(?:\.\.|–|—|\bto\b|\s-\s)\s*(\d{4}-\d{2}-\d{2})$/i.exec(text);
  if (range) {
    const from = parseDate(range[1] ?? '', raw);
    const to = parseDate(range[2] ?? '', raw);
    if (from > to) throw invalid(raw, `it starts (${from}) after it ends (${to}); swap the dates.`);
    return { from, to };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const day = parseDate(text, raw);
    return { from: day, to: day };
  }
  const yearFirst = /^(\d{4})-?q([1-4])$/.exec(word);
  if (yearFirst) return quarterPeriod(Number(yearFirst[1]), Number(yearFirst[2]));
  const quarterFirst = /^q([1-4])-?(\d{4})$/.exec(word);
  if (quarterFirst) return quarterPeriod(Number(quarterFirst[2]), Number(quarterFirst[1]));
  if (/^\d{4}-?q\d+$/.test(word) || /^q\d+-?\d{4}$/.test(word)) throw invalid(raw, 'a year has quarters Q1 to Q4.');
  const monthMatch = /^(\d{4})-(\d{2})$/.exec(word);
  if (monthMatch) {
    const m = Number(monthMatch[2]);
    if (m < 1 || m > 12) throw invalid(raw, 'months run from 01 to 12.');
    return monthPeriod(Number(monthMatch[1]), m);
  }
  if (/^\d{4}$/.test(word)) return yearPeriod(Number(word));
  const lastDays = /^(?:last|past)-(\d{1,4})-days?$/.exec(word);
  if (lastDays) {
    const days = Number(lastDays[1]);
    if (days < 1 || days > 3660) throw invalid(raw, 'give from 1 to 3660 days.');
    return { from: addDays(today, -(days - 1)), to: today };
  }
  switch (word) {
    case 'today':
      return { from: today, to: today };
    case 'this-month':
      return monthPeriod(year, month);
    case 'last-month':
    case 'previous-month':
      return monthPeriod(year, month - 1);
    case 'this-quarter':
      return quarterPeriod(year, quarter);
    case 'last-quarter':
    case 'previous-quarter':
      return quarter === 1 ? quarterPeriod(year - 1, 4) : quarterPeriod(year, quarter - 1);
    case 'this-year':
      return yearPeriod(year);
    case 'last-year':
    case 'previous-year':
      return yearPeriod(year - 1);
    default:
      throw invalid(raw, 'it is not a date range, a month, a quarter, a year or a relative period.');
  }
}

function parseDate(text: string, raw: string): IsoDate {
  try {
    return parseIsoDate(text, 'date');
  } catch {
    throw invalid(raw, `${text} is not a date in the calendar.`);
  }
}

/** `2026-01-01..2026-03-31`: how a period is written into links and file names. */
export const periodText = (period: Period): string => `${period.from}..${period.to}`;
