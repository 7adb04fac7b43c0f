import { describe, expect, it } from 'vitest';
import { parseCityConfig } from '../../../etl/config/city-config.ts';
import { assembleReport } from '../../../etl/reports/assemble-report.ts';
import { INDICATOR_IDS } from '../../../etl/reports/indicators.ts';
import type { ReportInput } from '../../../etl/reports/report-inputs.ts';
import { reportJsonText, validateReport } from '../../../etl/reports/report-schema.ts';

const city = parseCityConfig(
  JSON.stringify({ cities: [{ code: '440300', name: '深圳市', programme_start_year: 2024, targets: { gi_output_value_cny: { kind: 'growth', value: 0.1 } } }] }),
  'cities.json',
).cities[0]!;

const input: ReportInput = {
  city,
  period: '2025-06',
  generatedAt: '2025-07-05T02:00:00+08:00',
  classificationVersion: null,
  coverage: {
    patent_events: { firstMonth: '2023-01', lastMonth: '2025-06' },
    trademark_events: { firstMonth: '2023-01', lastMonth: '2025-06' },
    pledges: { firstMonth: '2023-01', lastMonth: '2025-06' },
    gi_output: { firstMonth: '2024-01', lastMonth: '2025-06' },
    programme_records: { firstMonth: '2024-01', lastMonth: '2025-06' },
  },
  series: {
    ip_transfer_licence_count: [
      { month: '2025-02', value: '3.00' },
      { month: '2025-06', value: '5.00' },
    ],
    pledge_amount_cny: [{ month: '2025-06', value: '1000000.50' }],
    gi_output_value_cny: [
      { month: '2024-03', value: '100.00' },
      { month: '2025-03', value: '150.25' },
    ],
    operation_centre_count: [{ month: '2024-09', value: '3.00' }],
  },
  transferFlows: [
    { month: '2025-02', ipKind: 'patent', eventType: 'transfer', flow: 'local', eventCount: 2 },
    { month: '2025-02', ipKind: 'trademark', eventType: 'licence', flow: 'inflow', eventCount: 1 },
    { month: '2025-06', ipKind: 'patent', eventType: 'licence', flow: 'outflow', eventCount: 4 },
    { month: '2025-06', ipKind: 'patent', eventType: 'transfer', flow: 'local', eventCount: 1 },
    { month: '2025-07', ipKind: 'patent', eventType: 'transfer', flow: 'local', eventCount: 9 }, // after the period
  ],
  giOutput: {
    monthly: [
      { giId: 'GI-002', giName: '南山荔枝', inPromotionProject: true, month: '2025-03', outputValueCny: '150.25', producerCount: 2 },
      { giId: 'GI-001', giName: '沙井蚝', inPromotionProject: false, month: '2025-01', outputValueCny: '80.10', producerCount: 1 },
      { giId: 'GI-001', giName: '沙井蚝', inPromotionProject: false, month: '2025-05', outputValueCny: '19.90', producerCount: 1 },
      { giId: 'GI-002', giName: '南山荔枝', inPromotionProject: true, month: '2024-03', outputValueCny: '100.00', producerCount: 1 },
    ],
    usersYearToDate: [
      { giId: 'GI-001', users: 1 },
      { giId: 'GI-002', users: 2 },
    ],
  },
  rowCounts: {
    pledges: { rowsRead: 120, rowsRejected: 3 },
    patent_events: { rowsRead: 500, rowsRejected: 0 },
  },
};

describe('assembleReport', () => {
  const report = assembleReport(input);

  it('carries the header fields', () => {
    expect(report.schema_version).toBe(1);
    expect(report.city).toEqual({ code: '440300', name: '深圳市' });
    expect(report.period).toBe('2025-06');
    expect(report.generated_at).toBe('2025-07-05T02:00:00+08:00');
    expect(report.classification_version).toBeNull();
  });

  it('has every indicator, in the contract order', () => {
    expect(Object.keys(report.indicators)).toEqual([...INDICATOR_IDS]);
  });

  it('computes the transfer indicator and its breakdown by direction', () => {
    const transfers = report.indicators.ip_transfer_licence_count;
    expect(transfers.month).toBe(5);
    expect(transfers.ytd).toBe(8);
    expect(transfers.ytd_prev).toBe(0);
    expect(transfers.yoy_growth).toBeNull(); // ytd_prev is 0
    expect(transfers.annual).toEqual({ '2023': 0, '2024': 0 });
    expect(transfers.cagr_since_base).toBeNull(); // annual[2023] is 0
    expect(transfers.status).toBe('no_data');
    expect(transfers.breakdown).toEqual({
      month: { local: 1, inflow: 0, outflow: 4 },
      ytd: { local: 3, inflow: 1, outflow: 4 },
    });
  });

  it('gives money in yuan to the fen and nulls where a dataset has no coverage', () => {
    expect(report.indicators.pledge_amount_cny.month).toBe(1000000.5);
    expect(report.indicators.pledge_amount_cny.unit).toBe('cny');
    expect(report.indicators.patent_contract_turnover_cny.ytd).toBeNull();
    expect(report.indicators.patent_contract_turnover_cny.status).toBe('no_data');
  });

  it('counts cumulative indicators since the programme start', () => {
    expect(report.indicators.operation_centre_count.cumulative).toBe(3);
    expect(report.indicators.operation_centre_count.status).toBe('met');
    expect(report.indicators.securitization_product_count.cumulative).toBe(0);
    expect(report.indicators.securitization_product_count.status).toBe('behind');
  });

  it('uses the configured GI target: YTD growth 0.5025 ≥ 0.1 is on_track', () => {
    const gi = report.indicators.gi_output_value_cny;
    expect(gi.ytd).toBe(150.25);
    expect(gi.ytd_prev).toBe(100);
    expect(gi.yoy_growth).toBe(0.5025);
    expect(gi.annual).toEqual({ '2023': null, '2024': 100 });
    expect(gi.target).toEqual({ kind: 'growth', value: 0.1 });
    expect(gi.status).toBe('on_track');
  });

  it('builds the gi_output section per product, sorted by gi_id; the promotion total equals the indicator', () => {
    expect(report.gi_output).toEqual({
      year: 2025,
      ytd_promotion_project_cny: 150.25,
      ytd_all_cny: 250.25,
      by_product: [
        { gi_id: 'GI-001', name: '沙井蚝', in_promotion_project: false, ytd_cny: 100, users: 1 },
        { gi_id: 'GI-002', name: '南山荔枝', in_promotion_project: true, ytd_cny: 150.25, users: 2 },
      ],
    });
  });

  it('has patent_intensive present with nulls when no classification is loaded, and says so', () => {
    expect(report.patent_intensive).toEqual({
      year: null,
      method: null,
      value_added_cny: null,
      share_of_gdp: null,
      growth: null,
      by_category: { '01': null, '02': null, '03': null, '04': null, '05': null, '06': null, '07': null },
      classification_version: null,
      classification_is_demonstration: null,
      gdp_cny: null,
      base_year: 2023,
      cagr_since_base: null,
      category_mix: { '01': null, '02': null, '03': null, '04': null, '05': null, '06': null, '07': null },
      enterprise_method: null,
      industry_method: null,
      difference_cny: null,
      national: null,
      notes: ['no patent-intensive classification is loaded (dataset patent_intensive_classification): no figure can be computed'],
    });
    expect(report.classification_is_demonstration).toBeNull();
    expect(report.indicators.patent_intensive_value_added_cny.status).toBe('no_data');
  });

  it('sums data quality and takes each latest period from coverage', () => {
    expect(report.data_quality).toEqual({
      rows_read: 620,
      rows_rejected: 3,
      by_dataset: {
        patent_events: { rows_read: 500, rows_rejected: 0, latest_period: '2025-06' },
        pledges: { rows_read: 120, rows_rejected: 3, latest_period: '2025-06' },
      },
    });
  });

  it('is deterministic: the same input gives byte-identical JSON', () => {
    const text = reportJsonText(report);
    expect(reportJsonText(assembleReport(input))).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n  "schema_version": 1,\n  "city": {')).toBe(true);
  });

  it('GI output with no coverage of the year to date gives null totals', () => {
    const uncovered = assembleReport({ ...input, coverage: { ...input.coverage, gi_output: { firstMonth: '2025-02', lastMonth: '2025-06' } } });
    expect(uncovered.gi_output).toEqual({ year: 2025, ytd_promotion_project_cny: null, ytd_all_cny: null, by_product: [] });
  });

  it('GI inputs that disagree are an error', () => {
    expect(() => assembleReport({ ...input, giOutput: { ...input.giOutput, usersYearToDate: [{ giId: 'GI-001', users: 1 }] } })).toThrow(
      'city 440300 gi_output GI-002: output reported in 2025 but no count of its users; the GI inputs disagree',
    );
  });

  it('rejects a generated_at without a time zone offset', () => {
    expect(() => assembleReport({ ...input, generatedAt: '2025-07-05 02:00' })).toThrow(
      /^report of city 440300 period 2025-06 breaks the report contract: generated_at: /,
    );
  });
});

describe('validateReport', () => {
  const report = assembleReport(input);
  const withIndicator = (id: string, patch: Record<string, unknown>) => ({
    ...report,
    indicators: { ...report.indicators, [id]: { ...report.indicators[id as 'pledge_amount_cny'], ...patch } },
  });

  it('rejects money not rounded to the fen', () => {
    expect(() => validateReport(withIndicator('pledge_amount_cny', { ytd: 0.1 + 0.2 }))).toThrow(
      'indicators.pledge_amount_cny.ytd: money must be rounded to 2 decimals',
    );
  });

  it('rejects a count with a fraction and a ratio with more than 6 decimals', () => {
    expect(() => validateReport(withIndicator('pledge_project_count', { month: 1.5 }))).toThrow('indicators.pledge_project_count.month:');
    expect(() => validateReport(withIndicator('pledge_project_count', { yoy_growth: 1 / 3 }))).toThrow(
      'indicators.pledge_project_count.yoy_growth: a ratio must be rounded to 6 decimals',
    );
  });

  it('rejects a missing indicator and an unknown field', () => {
    const { operation_centre_count: _dropped, ...rest } = report.indicators;
    expect(() => validateReport({ ...report, indicators: rest })).toThrow('indicators.operation_centre_count:');
    expect(() => validateReport(withIndicator('pledge_amount_cny', { montly: 1 }))).toThrow('indicators.pledge_amount_cny:');
  });
});
