import { describe, expect, it } from 'vitest';
import { coverageOfSpan } from '../../../etl/reports/coverage.ts';
import { monthlyTrend, trendStart } from '../../../etl/reports/monthly-trend.ts';

describe('monthlyTrend', () => {
  const trend = monthlyTrend({
    cityCode: '440300',
    programmeStartYear: 2024,
    period: '2025-06',
    coverage: {
      pledges: coverageOfSpan('2023-09', '2025-05'),
      programme_records: coverageOfSpan('2023-01', '2025-06'),
    },
    series: {
      pledge_amount_cny: [
        { month: '2023-08', value: '5.00' }, // outside coverage: not shown
        { month: '2023-10', value: '1000000.50' },
        { month: '2025-05', value: '7.25' },
      ],
      operation_centre_count: [
        { month: '2023-12', value: '1.00' }, // before the programme start
        { month: '2024-02', value: '2.00' },
      ],
    },
  });

  it('covers the 24 months ending with the report month', () => {
    expect(trendStart('2025-06')).toBe('2023-07');
    expect(trend.months[0]).toBe('2023-07');
    expect(trend.months[23]).toBe('2025-06');
    expect(trend.months).toHaveLength(24);
  });

  it('gives null outside coverage and a true 0 inside it', () => {
    expect(trend.values.pledge_amount_cny.slice(0, 5)).toEqual([null, null, 0, 1000000.5, 0]);
    expect(trend.values.pledge_amount_cny.slice(22)).toEqual([7.25, null]);
  });

  it('gives null before the programme start for cumulative indicators', () => {
    // 2023-12 is index 5, 2024-01 index 6, 2024-02 index 7.
    expect(trend.values.operation_centre_count.slice(5, 8)).toEqual([null, 0, 2]);
  });

  it('gives null everywhere for an indicator without governing data', () => {
    expect(trend.values.patent_intensive_value_added_cny.every((value) => value === null)).toBe(true);
    expect(trend.values.gi_output_value_cny.every((value) => value === null)).toBe(true);
  });
});
