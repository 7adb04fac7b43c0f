import { describe, expect, it } from 'vitest';
import {
  addMonths,
  latestCompleteYear,
  monthIndex,
  monthOfDate,
  monthToDate,
  monthsInRange,
  parsePeriod,
} from '../../../etl/reports/period.ts';

describe('parsePeriod', () => {
  it('accepts YYYY-MM', () => {
    expect(parsePeriod('2025-06')).toBe('2025-06');
  });
  it.each(['2025-6', '2025-00', '2025-13', '202506', '2025-06-01', ''])('rejects %j, naming it', (bad) => {
    expect(() => parsePeriod(bad)).toThrow(`period ${JSON.stringify(bad)} is not a month: expected YYYY-MM with month 01-12`);
  });
  it('names what the value is for', () => {
    expect(() => parsePeriod('June', '--period')).toThrow('--period "June" is not a month');
  });
});

describe('month arithmetic', () => {
  it('crosses year boundaries both ways', () => {
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2024-12', 1)).toBe('2025-01');
    expect(addMonths('2025-06', -12)).toBe('2024-06');
    expect(addMonths('2025-06', -30)).toBe('2022-12');
  });
  it('counts months inclusively', () => {
    expect(monthsInRange('2024-01', '2025-06')).toBe(18);
    expect(monthsInRange('2024-01', '2024-01')).toBe(1);
    expect(monthsInRange('2024-02', '2024-01')).toBe(0);
    expect(monthIndex('2024-01') - monthIndex('2023-12')).toBe(1);
  });
  it('the latest complete year is the period year only in December', () => {
    expect(latestCompleteYear('2025-12')).toBe(2025);
    expect(latestCompleteYear('2025-11')).toBe(2024);
  });
  it('converts between months and DATEs', () => {
    expect(monthToDate('2025-06')).toBe('2025-06-01');
    expect(monthOfDate('2025-06-01')).toBe('2025-06');
    expect(() => monthOfDate('06/2025')).toThrow('date "06/2025" is not a date: expected YYYY-MM-DD');
  });
});
