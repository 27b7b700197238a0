/** Small formatting helpers shared by the web pages. */
import { zoneFormatter } from '../../core/domain/dates.js';

const NUMBER = new Intl.NumberFormat('en-US');

export const count = (n: number): string => NUMBER.format(n);

/** `at_risk` → `at risk`. */
export const words = (value: string): string => value.replace(/_/g, ' ');

/** `2026-11-24 10:00 UTC`: short, unambiguous, the same for every reader. */
export const utcMinute = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** Local date and time in the workspace's zone, e.g. `2026-11-24 11:00`. */
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

/** At most `max` characters, with an ellipsis when cut between whole characters. */
export { truncate as excerpt } from '../../core/truncate.js';

export const plural = (n: number, one: string, many: string): string => `${count(n)} ${n === 1 ? one : many}`;
