/**
 * The week a digest reports on: the seven local days up to the moment it is issued (its slot, or
 * now for a preview or a manual send). Consecutive weekly digests therefore cover time without a
 * gap or an overlap, whatever day and hour a workspace chose.
 */
import { addDays } from '../domain/dates.js';
import type { IsoDate } from '../domain/shared.js';
import type { TimeRange } from '../ports.js';
import { sameTimeDaysBefore, wallClock } from './slots.js';

export interface DigestPeriod extends TimeRange {
  /** Local dates of the first and the last day the period touches, for headings. */
  readonly firstDay: IsoDate;
  readonly lastDay: IsoDate;
  /** The local date the period ends on: "today" for what is due or overdue. */
  readonly endDay: IsoDate;
}

export const PERIOD_DAYS = 7;

export function weekEndingAt(end: Date, timeZone: string): DigestPeriod {
  const from = sameTimeDaysBefore(end, PERIOD_DAYS, timeZone);
  const endClock = wallClock(end, timeZone);
  const midnight = endClock.hour === 0 && endClock.minute === 0 && endClock.second === 0;
  return {
    from,
    to: end,
    firstDay: wallClock(from, timeZone).date,
    // A period ending at midnight does not touch the day that midnight starts.
    lastDay: midnight ? addDays(endClock.date, -1) : endClock.date,
    endDay: endClock.date,
  };
}

const clockText = (instant: Date, timeZone: string): string => {
  const clock = wallClock(instant, timeZone);
  return `${clock.date} ${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}`;
};

/**
 * The period as every digest names it (heading, notification text, preview), exact to the minute
 * because it runs from the digest's time to the same time a week later: "2026-11-23 09:00 to
 * 2026-11-30 09:00". A period from midnight to midnight is named by its days ("2026-11-23 to
 * 2026-11-29"). The zone is named where the digest says "Times are in …".
 */
export function describePeriod(period: DigestPeriod, timeZone: string): string {
  const from = wallClock(period.from, timeZone);
  const to = wallClock(period.to, timeZone);
  const midnight = (clock: typeof from) => clock.hour === 0 && clock.minute === 0 && clock.second === 0;
  if (midnight(from) && midnight(to)) return `${period.firstDay} to ${period.lastDay}`;
  return `${clockText(period.from, timeZone)} to ${clockText(period.to, timeZone)}`;
}

/** The seven days before `period`, for "the change against last week". */
export const weekBefore = (period: DigestPeriod, timeZone: string): DigestPeriod => weekEndingAt(period.from, timeZone);
