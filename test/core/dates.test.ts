import { describe, expect, it } from 'vitest';
import { addDays, dateInZone, dayRangeInZone, isoWeek, parseIsoDate, startOfDayInZone } from '../../src/core/domain/dates.js';

describe('dates in a workspace time zone', () => {
  it('finds the calendar date of an instant in a zone', () => {
    expect(dateInZone(new Date('2026-11-24T23:30:00Z'), 'Europe/Oslo')).toBe('2026-11-25');
    expect(dateInZone(new Date('2026-11-24T23:30:00Z'), 'America/New_York')).toBe('2026-11-24');
    expect(dateInZone(new Date('2026-11-24T18:45:00Z'), 'Asia/Kolkata')).toBe('2026-11-25');
  });

  it('starts days at local midnight across daylight-saving changes', () => {
    expect(startOfDayInZone('2026-03-29', 'Europe/London').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(startOfDayInZone('2026-03-30', 'Europe/London').toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(startOfDayInZone('2026-10-25', 'Europe/London').toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(startOfDayInZone('2026-10-26', 'Europe/London').toISOString()).toBe('2026-10-26T00:00:00.000Z');
    expect(startOfDayInZone('2026-01-01', 'Asia/Kolkata').toISOString()).toBe('2025-12-31T18:30:00.000Z');
  });

  it('makes inclusive date ranges half-open instant ranges', () => {
    const range = dayRangeInZone('2026-03-01', '2026-03-31', 'Europe/Oslo');
    expect(range.from.toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(range.to.toISOString()).toBe('2026-03-31T22:00:00.000Z');
  });

  it('numbers ISO weeks, including the year boundary', () => {
    expect(isoWeek('2026-11-24')).toBe('2026-W48');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2025-12-29')).toBe('2026-W01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('accepts only real calendar dates', () => {
    expect(parseIsoDate('2028-02-29', 'date')).toBe('2028-02-29');
    expect(() => parseIsoDate('2026-02-29', 'due date')).toThrow('"2026-02-29" is not a valid due date');
    expect(() => parseIsoDate('29.02.2026', 'due date')).toThrow(/YYYY-MM-DD/);
  });
});

describe('digest schedule in words', () => {
  it('puts the weekly shape in words and shows anything else as written', async () => {
    const { describeCron } = await import('../../src/core/domain/schedule.js');
    expect(describeCron('0 9 * * 1')).toBe('Mondays at 09:00');
    expect(describeCron('30 7 * * 5')).toBe('Fridays at 07:30');
    expect(describeCron('0 0 9 * * 0')).toBe('Sundays at 09:00');
    expect(describeCron('*/5 * * * *')).toBe('cron "*/5 * * * *"');
  });
});
