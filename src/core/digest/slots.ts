/**
 * When a workspace's weekly digest falls due. A schedule is a cron expression with every field
 * expanded to the values it matches (the scheduler parses DIGEST_CRON with node-cron; a workspace's
 * own `digest:"mon 09:00"` is built here). Slots are wall-clock times in the workspace's time zone,
 * turned into instants per day, so a daylight-saving change never moves a digest off 09:00 local.
 */
import { addDays, isoWeek, zoneFormatter } from '../domain/dates.js';
import type { IsoDate } from '../domain/shared.js';
import type { Workspace } from '../domain/workspace.js';

/** A cron schedule, every field expanded. Day-of-month and day-of-week must both match (as in node-cron). */
export interface ScheduleFields {
  readonly seconds: readonly number[];
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  /** 1–31. */
  readonly daysOfMonth: readonly number[];
  /** 1–12. */
  readonly months: readonly number[];
  /** 0 = Sunday … 6 = Saturday. */
  readonly daysOfWeek: readonly number[];
}

/** One moment the schedule names: the instant, and the local calendar date it falls on. */
export interface Slot {
  readonly at: Date;
  readonly date: IsoDate;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Weekday 1 (Monday) … 7 (Sunday) at local `HH:MM`, as `settings digest:"mon 09:00"` stores it. */
export function weeklySchedule(weekday: number, time: string): ScheduleFields {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return { seconds: [0], minutes: [minute], hours: [hour], daysOfMonth: range(1, 31), months: range(1, 12), daysOfWeek: [weekday % 7] };
}

/** The workspace's own weekday and time when it set them, else the default (DIGEST_CRON). */
export function scheduleOf(workspace: Workspace, fallback: ScheduleFields): ScheduleFields {
  const { digestWeekday, digestTime } = workspace.settings;
  return digestWeekday && digestTime ? weeklySchedule(digestWeekday, digestTime) : fallback;
}

interface WallClock {
  readonly date: IsoDate;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const formatterFor = (timeZone: string): Intl.DateTimeFormat =>
  zoneFormatter(
    'wall-clock',
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
  );

/** What a clock on the wall in `timeZone` shows at `instant`. */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '00';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
  };
}

const sameClock = (a: WallClock, b: WallClock) => a.date === b.date && a.hour === b.hour && a.minute === b.minute && a.second === b.second;

/** Offset of the zone from UTC at `instant`, in milliseconds. */
function offsetMs(instant: number, timeZone: string): number {
  const clock = wallClock(new Date(instant), timeZone);
  const [year, month, day] = clock.date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day, clock.hour, clock.minute, clock.second) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a wall clock in `timeZone` shows `date` `hour:minute:second`. The two offsets in force
 * a day before and a day after give the candidates. A time that exists twice (the autumn change)
 * comes out as its first occurrence; a time that does not exist (inside the spring gap) comes out
 * as the same distance past the start of the gap, as clocks that skip forward show it.
 */
export function localInstant(date: IsoDate, hour: number, minute: number, second: number, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(year, month - 1, day, hour, minute, second);
  const wanted: WallClock = { date, hour, minute, second };
  const before = naive - offsetMs(naive - 86_400_000, timeZone);
  const after = naive - offsetMs(naive + 86_400_000, timeZone);
  const valid = [before, after].filter((candidate) => sameClock(wallClock(new Date(candidate), timeZone), wanted));
  return new Date(valid.length > 0 ? Math.min(...valid) : before);
}

/** The same wall-clock time `days` calendar days earlier in `timeZone` (167 or 169 hours for a week across a change). */
export function sameTimeDaysBefore(instant: Date, days: number, timeZone: string): Date {
  const clock = wallClock(instant, timeZone);
  return localInstant(addDays(clock.date, -days), clock.hour, clock.minute, clock.second, timeZone);
}

function dayMatches(fields: ScheduleFields, date: IsoDate): boolean {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return fields.months.includes(month) && fields.daysOfMonth.includes(day) && fields.daysOfWeek.includes(weekday);
}

const descending = (values: readonly number[]) => [...new Set(values)].sort((a, b) => b - a);

/** The schedule's times of day, latest first, at or before `bound` when given. */
function* timesOfDayDescending(fields: ScheduleFields, bound?: WallClock): Generator<readonly [number, number, number]> {
  const minutes = descending(fields.minutes);
  const seconds = descending(fields.seconds);
  for (const hour of descending(fields.hours)) {
    if (bound && hour > bound.hour) continue;
    const hourCapped = bound !== undefined && hour === bound.hour;
    for (const minute of minutes) {
      if (hourCapped && minute > bound.minute) continue;
      const minuteCapped = hourCapped && minute === bound.minute;
      for (const second of seconds) {
        if (minuteCapped && second > bound.second) continue;
        yield [hour, minute, second];
      }
    }
  }
}

/**
 * The latest slot of the schedule at or before `now`, looking back at most `lookbackDays` local
 * days (a weekly schedule always has one within 7). Undefined when there is none in that window.
 */
export function latestSlot(fields: ScheduleFields, timeZone: string, now: Date, lookbackDays = 7): Slot | undefined {
  const today = wallClock(now, timeZone);
  for (let back = 0; back <= lookbackDays; back++) {
    const date = addDays(today.date, -back);
    if (!dayMatches(fields, date)) continue;
    for (const [hour, minute, second] of timesOfDayDescending(fields, back === 0 ? today : undefined)) {
      const at = localInstant(date, hour, minute, second, timeZone);
      // Near a daylight-saving change a wall-clock time can map to an instant after now.
      if (at.getTime() <= now.getTime()) return { at, date };
    }
  }
  return undefined;
}

/** The ISO week (in the workspace's time zone) a scheduled digest belongs to: at most one per week. */
export const slotWeek = (slot: Slot): string => isoWeek(slot.date);
