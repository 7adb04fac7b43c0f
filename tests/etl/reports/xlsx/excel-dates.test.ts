import { describe, expect, it } from 'vitest';
import { firstOfMonth, firstOfYear } from '../../../../etl/reports/xlsx/excel-dates.ts';

describe('Excel dates', () => {
  it('gives the first of the month or of the year at midnight UTC', () => {
    expect(firstOfMonth('2025-06').toISOString()).toBe('2025-06-01T00:00:00.000Z');
    expect(firstOfYear('2024').toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(firstOfYear(2023).toISOString()).toBe('2023-01-01T00:00:00.000Z');
  });

  it('refuses what is not a month or a year, naming it', () => {
    expect(() => firstOfMonth('2025-13')).toThrow('"2025-13" is not a month: expected YYYY-MM');
    expect(() => firstOfYear('2024-06')).toThrow('"2024-06" is not a year');
  });
});
