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

/** The seven days before `period`, for "the change against last week". */
export const weekBefore = (period: DigestPeriod, timeZone: string): DigestPeriod => weekEndingAt(period.from, timeZone);
