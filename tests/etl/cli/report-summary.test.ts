import { describe, expect, it } from 'vitest';
import { reportSummaryTable } from '../../../etl/cli/report-summary.ts';
import { parseCityConfig } from '../../../etl/config/city-config.ts';
import type { Report } from '../../../etl/reports/report-schema.ts';
import { FIXTURE_REPORT } from '../reports/html/report-fixture.ts';

const city = parseCityConfig(JSON.stringify({ cities: [{ code: '440300', name: '深圳市', programme_start_year: 2024 }] }), 'cities.json').cities[0]!;

describe('the run summary table rounds like the reports', () => {
  it('rounds half away from zero on the exact decimal: 亿元 from the exact quotient, percentages moved on the decimal', () => {
    const indicators = FIXTURE_REPORT.indicators;
    const report: Report = {
      ...FIXTURE_REPORT,
      indicators: {
        ...indicators,
        ip_transfer_licence_count: { ...indicators.ip_transfer_licence_count, ytd: 1234567, yoy_growth: 0.1235 },
        pledge_amount_cny: { ...indicators.pledge_amount_cny, ytd: 100500000 },
        gi_output_value_cny: { ...indicators.gi_output_value_cny, ytd: 123456789012.35 },
      },
      patent_intensive: { ...FIXTURE_REPORT.patent_intensive, share_of_gdp: 0.00145 },
    };
    const [header, , row] = reportSummaryTable([{ city, key: 'k', report }]).split('\n');
    const cells = row!.split(/\s{2,}/);
    const column = (name: string) => cells[header!.split(/\s{2,}/).indexOf(name)];
    expect(column('transfers+licences YTD')).toBe('1,234,567');
    expect(column('YoY')).toBe('12.4%'); // (0.1235 * 100).toFixed(1) was 12.3
    expect(column('pledges YTD (亿元)')).toBe('1.01'); // (100500000 / 1e8).toFixed(2) was 1.00
    expect(column('GI output YTD (亿元)')).toBe('1,234.57');
    expect(column('of GDP')).toBe('0.15%'); // (0.00145 * 100).toFixed(2) was 0.14
  });

  it('prints a growth that rounds to zero without a sign', () => {
    const indicators = FIXTURE_REPORT.indicators;
    const report: Report = { ...FIXTURE_REPORT, indicators: { ...indicators, ip_transfer_licence_count: { ...indicators.ip_transfer_licence_count, yoy_growth: -0.00004 } } };
    const [header, , row] = reportSummaryTable([{ city, key: 'k', report }]).split('\n');
    expect(row!.split(/\s{2,}/)[header!.split(/\s{2,}/).indexOf('YoY')]).toBe('0.0%');
  });
});
