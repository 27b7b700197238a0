/**
 * DIGEST_CRON, read with node-cron's own parser: the default weekly schedule as the core's
 * expanded fields, and how often the ticker must look (every minute, or every second when the
 * expression names several seconds).
 */
import cron from 'node-cron';
import type { ScheduleFields } from '../../core/digest/slots.js';

export class DigestCronError extends Error {
  override readonly name = 'DigestCronError';
}

const numbers = (values: readonly (number | string)[], field: string, cronText: string): number[] => {
  if (values.some((value) => typeof value !== 'number')) {
    throw new DigestCronError(
      `DIGEST_CRON "${cronText}" uses ${field} markers (L, W or #) that the weekly digest does not support: name the weekday and time, e.g. "0 9 * * 1" for Mondays at 09:00.`,
    );
  }
  return values as number[];
};

export interface DigestCron {
  readonly schedule: ScheduleFields;
  /** The ticker's own expression: as often as the schedule can name a moment. */
  readonly tickPattern: string;
}

export function readDigestCron(expression: string): DigestCron {
  const text = expression.trim();
  if (!cron.validate(text)) {
    throw new DigestCronError(
      `DIGEST_CRON "${text}" is not a cron expression node-cron accepts: use 5 fields (minute hour day month weekday) or 6 (seconds first), e.g. "0 9 * * 1" for Mondays at 09:00.`,
    );
  }
  const fields = cron.parse(text);
  const seconds = numbers(fields.second, 'second', text);
  const schedule: ScheduleFields = {
    seconds,
    minutes: numbers(fields.minute, 'minute', text),
    hours: numbers(fields.hour, 'hour', text),
    daysOfMonth: numbers(fields.dayOfMonth, 'day-of-month', text),
    months: numbers(fields.month, 'month', text),
    // node-cron gives Sunday as 0 already; 7 is folded in case a version does not.
    daysOfWeek: [...new Set(numbers(fields.dayOfWeek, 'weekday', text).map((day) => day % 7))],
  };
  return { schedule, tickPattern: seconds.length === 1 ? `${seconds[0]} * * * * *` : '* * * * * *' };
}
