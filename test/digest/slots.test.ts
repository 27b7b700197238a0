/**
 * When a digest falls due: wall-clock slots in the workspace's time zone, across daylight-saving
 * changes (Europe/London in March and October, America/New_York) and a half-hour offset
 * (Asia/Kolkata); and DIGEST_CRON as the scheduler reads it.
 */
import { describe, expect, it } from 'vitest';
import { DigestCronError, readDigestCron } from '../../src/adapters/scheduling/digest-cron.js';
import { latestSlot, localInstant, slotWeek, weeklySchedule } from '../../src/core/digest/slots.js';
import { weekEndingAt } from '../../src/core/digest/period.js';

const iso = (date: Date | undefined) => date?.toISOString();
const MONDAY_9 = weeklySchedule(1, '09:00');

describe('local times as instants', () => {
  it.each([
    ['Europe/London', '2026-03-27', 9, '2026-03-27T09:00:00.000Z'],
    ['Europe/London', '2026-03-30', 9, '2026-03-30T08:00:00.000Z'],
    ['Europe/London', '2026-10-23', 9, '2026-10-23T08:00:00.000Z'],
    ['Europe/London', '2026-10-26', 9, '2026-10-26T09:00:00.000Z'],
    ['America/New_York', '2026-03-06', 9, '2026-03-06T14:00:00.000Z'],
    ['America/New_York', '2026-03-09', 9, '2026-03-09T13:00:00.000Z'],
    ['Asia/Kolkata', '2026-03-30', 9, '2026-03-30T03:30:00.000Z'],
  ])('%s %s %i:00 is %s', (zone, date, hour, expected) => {
    expect(iso(localInstant(date, hour, 0, 0, zone))).toBe(expected);
  });

  it('a time inside the spring gap comes out as clocks that skip forward show it; a doubled autumn time as its first occurrence', () => {
    // 29 March 2026: London clocks go from 01:00 GMT to 02:00 BST, so 01:30 does not exist.
    expect(iso(localInstant('2026-03-29', 1, 30, 0, 'Europe/London'))).toBe('2026-03-29T01:30:00.000Z');
    // 25 October 2026: 01:30 happens at 00:30 UTC (BST) and again at 01:30 UTC (GMT).
    expect(iso(localInstant('2026-10-25', 1, 30, 0, 'Europe/London'))).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('the latest slot', () => {
  it('Mondays 09:00 in London is 09:00 UTC before the March change and 08:00 UTC after it', () => {
    expect(iso(latestSlot(MONDAY_9, 'Europe/London', new Date('2026-03-30T07:59:59Z'))?.at)).toBe('2026-03-23T09:00:00.000Z');
    const slot = latestSlot(MONDAY_9, 'Europe/London', new Date('2026-03-30T08:00:00Z'));
    expect(iso(slot?.at)).toBe('2026-03-30T08:00:00.000Z');
    expect(slot && slotWeek(slot)).toBe('2026-W14');
  });

  it('and back to 09:00 UTC after the October change', () => {
    expect(iso(latestSlot(MONDAY_9, 'Europe/London', new Date('2026-10-26T08:59:00Z'))?.at)).toBe('2026-10-19T08:00:00.000Z');
    expect(iso(latestSlot(MONDAY_9, 'Europe/London', new Date('2026-10-26T09:00:00Z'))?.at)).toBe('2026-10-26T09:00:00.000Z');
  });

  it('New York moves from 14:00 to 13:00 UTC on the second Sunday of March', () => {
    expect(iso(latestSlot(MONDAY_9, 'America/New_York', new Date('2026-03-08T12:00:00Z'))?.at)).toBe('2026-03-02T14:00:00.000Z');
    expect(iso(latestSlot(MONDAY_9, 'America/New_York', new Date('2026-03-09T13:00:00Z'))?.at)).toBe('2026-03-09T13:00:00.000Z');
  });

  it('Kolkata (UTC+05:30, no daylight saving) is 03:30 UTC', () => {
    expect(iso(latestSlot(MONDAY_9, 'Asia/Kolkata', new Date('2026-03-30T03:29:59Z'))?.at)).toBe('2026-03-23T03:30:00.000Z');
    expect(iso(latestSlot(MONDAY_9, 'Asia/Kolkata', new Date('2026-03-30T03:30:00Z'))?.at)).toBe('2026-03-30T03:30:00.000Z');
  });

  it('belongs to the ISO week of its local date, even when that is another UTC day', () => {
    // Monday 00:30 in Kolkata is still Sunday in UTC.
    const slot = latestSlot(weeklySchedule(1, '00:30'), 'Asia/Kolkata', new Date('2026-03-29T20:00:00Z'));
    expect(slot).toMatchObject({ date: '2026-03-30' });
    expect(iso(slot?.at)).toBe('2026-03-29T19:00:00.000Z');
    expect(slot && slotWeek(slot)).toBe('2026-W14');
  });

  it('a schedule with seconds finds the last second that has passed', () => {
    const { schedule } = readDigestCron('*/5 * * * * *');
    expect(iso(latestSlot(schedule, 'UTC', new Date('2026-03-30T10:00:07.500Z'))?.at)).toBe('2026-03-30T10:00:05.000Z');
  });

  it('has none when the schedule names no day in the last week', () => {
    const { schedule } = readDigestCron('0 9 1 1 *');
    expect(latestSlot(schedule, 'UTC', new Date('2026-03-30T10:00:00Z'))).toBeUndefined();
  });
});

describe('the period a digest reports on', () => {
  it('is the seven local days up to the digest, 167 hours across the March change', () => {
    const period = weekEndingAt(new Date('2026-03-30T08:00:00Z'), 'Europe/London');
    expect(iso(period.from)).toBe('2026-03-23T09:00:00.000Z');
    expect(period).toMatchObject({ firstDay: '2026-03-23', lastDay: '2026-03-30', endDay: '2026-03-30' });
    expect(period.to.getTime() - period.from.getTime()).toBe(167 * 3_600_000);
  });
});

describe('DIGEST_CRON', () => {
  it('a five-field expression ticks every minute, one with seconds every second', () => {
    expect(readDigestCron('0 9 * * 1')).toMatchObject({
      tickPattern: '0 * * * * *',
      schedule: { hours: [9], minutes: [0], daysOfWeek: [1] },
    });
    expect(readDigestCron('*/5 * * * * *').tickPattern).toBe('* * * * * *');
    expect(readDigestCron('0 9 * * 7').schedule.daysOfWeek).toEqual([0]);
  });

  it('is refused with a message that says how to write it', () => {
    expect(() => readDigestCron('every monday')).toThrow(DigestCronError);
    expect(() => readDigestCron('every monday')).toThrow(/"0 9 \* \* 1" for Mondays at 09:00/);
    expect(() => readDigestCron('0 9 L * *')).toThrow(/L, W or #/);
  });
});
