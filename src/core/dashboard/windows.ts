/**
 * The time windows the dashboard reads. Every figure and table reads one bounded window (twelve
 * weeks of checks, a range of evidence days), never a whole history, so a workspace with years of
 * evidence costs what its recent weeks cost.
 */
import { addDays, dateInZone, dayRangeInZone, isoWeek, parseIsoDate } from '../domain/dates.js';
import type { IsoDate, WorkspaceId } from '../domain/shared.js';
import { DomainError } from '../errors.js';
import type { CoreDeps, TimeRange } from '../ports.js';
import { workspaceTimeZone } from '../use-cases/workspaces.js';

/** How many weeks the trend shows, the current one included. */
export const TREND_WEEKS = 12;

export interface WeekWindow {
  /** ISO week, e.g. `2026-W48`. */
  readonly week: string;
  /** Monday and Sunday, in the workspace's time zone. */
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly range: TimeRange;
}

export interface TrendWindow {
  readonly timeZone: string;
  readonly today: IsoDate;
  /** Oldest first; the last one is the current week. */
  readonly weeks: readonly WeekWindow[];
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly range: TimeRange;
}

/** Monday of the week `date` falls in. */
export function mondayOf(date: IsoDate): IsoDate {
  const weekday = (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(date, -weekday);
}

/** The last twelve weeks, Monday to Sunday, in the workspace's time zone. */
export async function trendWindow(
  deps: Pick<CoreDeps, 'clock' | 'workspaces' | 'defaultTimeZone'>,
  workspaceId: WorkspaceId,
): Promise<TrendWindow> {
  const timeZone = await workspaceTimeZone(deps, workspaceId);
  const today = dateInZone(deps.clock.now(), timeZone);
  const currentMonday = mondayOf(today);
  const weeks: WeekWindow[] = [];
  for (let back = TREND_WEEKS - 1; back >= 0; back--) {
    const from = addDays(currentMonday, -7 * back);
    const to = addDays(from, 6);
    weeks.push({ week: isoWeek(from), from, to, range: dayRangeInZone(from, to, timeZone) });
  }
  const from = weeks[0]?.from ?? currentMonday;
  const to = addDays(currentMonday, 6);
  return { timeZone, today, weeks, from, to, range: dayRangeInZone(from, to, timeZone) };
}

/** A table's date window: inclusive days in the workspace's time zone. */
export interface DayWindow {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly range: TimeRange;
}

export interface DayWindowRule {
  /** What the window holds, for messages ("evidence"). */
  readonly what: string;
  /** Days shown when the viewer gives none, ending today. */
  readonly defaultDays: number;
  /** Longest window one request may read. */
  readonly maxDays: number;
}

const daysBetween = (from: IsoDate, to: IsoDate): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * Reads `from`/`to` as typed by the viewer (either may be missing), checks them, and bounds the
 * window so that one request never reads more than `maxDays` days.
 */
export function dayWindow(
  raw: { readonly from?: string; readonly to?: string },
  today: IsoDate,
  timeZone: string,
  rule: DayWindowRule,
): DayWindow {
  const given = (value: string | undefined) => (value !== undefined && value.trim() !== '' ? value : undefined);
  const rawFrom = given(raw.from);
  const rawTo = given(raw.to);
  const to = rawTo
    ? parseIsoDate(rawTo, '"to" date')
    : rawFrom
      ? addDays(parseIsoDate(rawFrom, '"from" date'), rule.defaultDays - 1)
      : today;
  const from = rawFrom ? parseIsoDate(rawFrom, '"from" date') : addDays(to, -(rule.defaultDays - 1));
  if (from > to) {
    throw new DomainError('input.invalid', `The "from" date (${from}) is after the "to" date (${to}). Swap them.`, 'from');
  }
  const span = daysBetween(from, to) + 1;
  if (span > rule.maxDays) {
    throw new DomainError(
      'input.invalid',
      `The ${rule.what} window is ${span} days long; one page shows at most ${rule.maxDays} days. Choose a shorter period, e.g. ${addDays(to, -(rule.maxDays - 1))} to ${to}.`,
      'from',
    );
  }
  return { from, to, range: dayRangeInZone(from, to, timeZone) };
}
