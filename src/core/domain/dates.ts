import { DomainError } from '../errors.js';
import type { IsoDate, IsoTimestamp } from './shared.js';

const DAY_MS = 86_400_000;

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

// Building an Intl formatter costs far more than using one (about a tenth of a millisecond, on
// every command and digest line), and a process sees few time zones: keep them, per use and zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The formatter `make` builds for this use and zone, built once. */
export function zoneFormatter(use: string, timeZone: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  const key = `${use}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = make();
    if (formatters.size > 2_000) formatters.clear();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** The calendar date (`YYYY-MM-DD`) that `instant` falls on in `timeZone`. */
export function dateInZone(instant: Date, timeZone: string): IsoDate {
  // en-CA formats as YYYY-MM-DD.
  return zoneFormatter(
    'date',
    timeZone,
    () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
  ).format(instant);
}

/** Local date and time in `timeZone`, e.g. `2026-11-24 11:00` (for tables whose heading names the zone). */
export function localMinute(iso: string, timeZone: string): string {
  const formatter = zoneFormatter(
    'local-minute',
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  );
  const parts = formatter.formatToParts(new Date(iso));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/**
 * A moment as a person reads it: in the workspace's zone, with the zone named, e.g.
 * `2026-11-24 11:00 Europe/Oslo` (`2026-11-24 10:00 UTC` for a workspace on UTC).
 */
export const zoneMinute = (iso: string, timeZone: string): string => `${localMinute(iso, timeZone)} ${timeZone}`;

/** Offset of `timeZone` from UTC at `instant`, in minutes (Europe/London in summer: +60). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const formatter = zoneFormatter(
    'offset',
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
  );
  const parts = formatter.formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant local midnight starts `date` in `timeZone` (correct across daylight-saving changes). */
export function startOfDayInZone(date: IsoDate, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(year, month - 1, day);
  // Two passes settle the offset even when midnight itself is near a transition.
  let guess = naive - zoneOffsetMinutes(new Date(naive), timeZone) * 60_000;
  guess = naive - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess);
}

/** Inclusive date range → half-open instant range `[from, to)` in the workspace's zone. */
export function dayRangeInZone(from: IsoDate, to: IsoDate, timeZone: string): { from: Date; to: Date } {
  return { from: startOfDayInZone(from, timeZone), to: startOfDayInZone(addDays(to, 1), timeZone) };
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Parses a strict `YYYY-MM-DD` that exists in the calendar. */
export function parseIsoDate(raw: string, field: string): IsoDate {
  const text = raw.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const valid =
    match !== null && new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).toISOString().slice(0, 10) === text;
  if (!valid) {
    throw new DomainError('input.invalid', `"${text}" is not a valid ${field}. Write the date as YYYY-MM-DD, e.g. 2026-03-31.`, field);
  }
  return text;
}

/** ISO 8601 week of a calendar date, e.g. `2026-W48`. */
export function isoWeek(date: IsoDate): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(year, month - 1, day));
  const weekday = utc.getUTCDay() || 7;
  utc.setUTCDate(utc.getUTCDate() + 4 - weekday); // Thursday of the same week decides the year
  const weekYear = utc.getUTCFullYear();
  const week = Math.ceil(((utc.getTime() - Date.UTC(weekYear, 0, 1)) / DAY_MS + 1) / 7);
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

export const toIso = (instant: Date): IsoTimestamp => instant.toISOString();
