import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/core/audit/period.js';

const TODAY = '2026-11-24';

describe('export periods, as people write them', () => {
  it.each([
    ['2026-Q1', '2026-01-01', '2026-03-31'],
    ['q4 2025', '2025-10-01', '2025-12-31'],
    ['2026q2', '2026-04-01', '2026-06-30'],
    ['2026-01-01..2026-03-31', '2026-01-01', '2026-03-31'],
    ['2026-01-01 to 2026-01-15', '2026-01-01', '2026-01-15'],
    ['2026-01-01 – 2026-01-15', '2026-01-01', '2026-01-15'],
    ['2026-02', '2026-02-01', '2026-02-28'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2025', '2025-01-01', '2025-12-31'],
    ['2026-03-05', '2026-03-05', '2026-03-05'],
    ['this-month', '2026-11-01', '2026-11-30'],
    ['Last month', '2026-10-01', '2026-10-31'],
    ['this_quarter', '2026-10-01', '2026-12-31'],
    ['last-quarter', '2026-07-01', '2026-09-30'],
    ['this-year', '2026-01-01', '2026-12-31'],
    ['last-year', '2025-01-01', '2025-12-31'],
    ['last-30-days', '2026-10-26', '2026-11-24'],
  ])('%s → %s..%s', (raw, from, to) => {
    expect(parsePeriod(raw, TODAY)).toEqual({ from, to });
  });

  it('wraps last month and last quarter across the new year', () => {
    expect(parsePeriod('last-month', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(parsePeriod('last-quarter', '2026-02-01')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
  });

  it.each([
    ['2026-Q5', 'a year has quarters Q1 to Q4.'],
    ['2026-13', 'months run from 01 to 12.'],
    ['2026-02-30', '2026-02-30 is not a date in the calendar.'],
    ['2026-03-31..2026-01-01', 'it starts (2026-03-31) after it ends (2026-01-01); swap the dates.'],
    ['next week', 'it is not a date range, a month, a quarter, a year or a relative period.'],
    ['last-0-days', 'give from 1 to 3660 days.'],
  ])('explains what is wrong with "%s"', (raw, why) => {
    expect(() => parsePeriod(raw, TODAY)).toThrow(
      `"${raw}" is not a period I understand: ${why} Write it as 2026-Q1, 2026-01-01..2026-03-31`,
    );
  });

  it('asks for a period when none is given', () => {
    expect(() => parsePeriod('  ', TODAY)).toThrow('Say which period to export, e.g. 2026-Q1');
  });
});
