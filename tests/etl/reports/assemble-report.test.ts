import { describe, expect, it } from 'vitest';
import { coverageOfSpan } from '../../../etl/reports/coverage.ts';
import { parseCityConfig } from '../../../etl/config/city-config.ts';
import { assembleReport } from '../../../etl/reports/assemble-report.ts';
import { INDICATOR_IDS } from '../../../etl/reports/indicators.ts';
import type { ReportInput } from '../../../etl/reports/report-inputs.ts';
import { reportJsonText, validateReport } from '../../../etl/reports/report-schema.ts';
import { rankedAlone } from '../../support/ranked-reports.ts';

const city = parseCityConfig(
  JSON.stringify({ cities: [{ code: '440300', name: '深圳市', programme_start_year: 2024, targets: { gi_output_value_cny: { kind: 'growth', value: 0.1 } } }] }),
  'cities.json',
).cities[0]!;

/** The manifest facts of an ingested source file; the tests override what they need. */
function file(dataset: 'pledges' | 'patent_events', name: string, shaDigit: string) {
  return { dataset, name, sha256: shaDigit.repeat(64), status: 'ingested' as const, ingestedAt: '2025-07-01T00:00:00.000Z', error: null };
}

const input: ReportInput = {
  city,
  period: '2025-06',
  generatedAt: '2025-07-05T02:00:00+08:00',
  classificationVersion: null,
  coverage: {
    patent_events: coverageOfSpan('2023-01', '2025-06'),
    trademark_events: coverageOfSpan('2023-01', '2025-06'),
    pledges: coverageOfSpan('2023-01', '2025-06'),
    gi_output: coverageOfSpan('2024-01', '2025-06'),
    programme_records: coverageOfSpan('2024-01', '2025-06'),
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
  quality: {
    cityRows: [
      { dataset: 'pledges', month: '2025-06', rows: 4 },
      { dataset: 'pledges', month: '2025-07', rows: 9 }, // after the report month: not counted
      { dataset: 'patent_events', month: '2022-12', rows: 2 }, // before coverage starts
      { dataset: 'patent_events', month: '2025-02', rows: 3 },
    ],
    files: [
      // Rejected whole, then followed by an ingested file: no longer outstanding.
      { ...file('pledges', '00-old-broken.csv', 'a'), status: 'file_rejected', ingestedAt: '2025-06-30T09:00:00.000Z', error: 'line 7: CSV syntax: a quote in an unquoted field', ingestSeq: 1, rowsRead: 0, rowsRejected: 0, rejectedByCity: [] },
      // Rejected whole after the last ingested file: the dataset's data stops before it.
      { ...file('pledges', '03-empty.csv', 'c'), status: 'file_rejected', ingestedAt: '2025-07-02T09:00:00.000Z', error: 'the file is empty: a header row is required', ingestSeq: 3, rowsRead: 0, rowsRejected: 0, rejectedByCity: [] },
      {
        ...file('pledges', '01-pledges.csv', 'b'),
        ingestedAt: '2025-07-01T09:00:00.000Z',
        rowsRead: 120,
        rowsRejected: 3,
        ingestSeq: 2,
        rejectedByCity: [
          { cityCode: '440300', month: '2025-06', rows: 2, rules: { required: 2, date_invalid: 1 } },
          { cityCode: '440300', month: '2025-08', rows: 5, rules: { required: 5 } }, // after the report month
          { cityCode: '310000', month: '2025-06', rows: 4, rules: { required: 4 } }, // another city
          { cityCode: null, month: null, rows: 1, rules: { city_code_unknown: 1 } },
        ],
      },
      { ...file('patent_events', 'events.csv', 'd'), rowsRead: 500, rowsRejected: 0, ingestSeq: 1, rejectedByCity: [] },
    ],
    lakeLastMonths: { pledges: '2025-07', patent_events: '2025-06' },
  },
  previousReport: null,
  revisionSources: [],
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
    expect(transfers.null_reasons).toEqual({ month_yoy_growth: 'zero_base', yoy_growth: 'zero_base', cagr_since_base: 'zero_base', cumulative: 'not_applicable', status: 'zero_base' });
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
    expect(report.indicators.patent_contract_turnover_cny.null_reasons).toEqual({
      month: 'no_data',
      month_yoy_growth: 'no_data',
      ytd: 'no_data',
      ytd_prev: 'no_data',
      yoy_growth: 'no_data',
      annual: { '2023': 'no_data', '2024': 'no_data' },
      cagr_since_base: 'no_data',
      cumulative: 'not_applicable',
      status: 'no_data',
    });
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
      null_reasons: {},
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
      null_reasons: {
        year: 'no_classification',
        method: 'no_classification',
        value_added_cny: 'no_classification',
        share_of_gdp: 'no_classification',
        growth: 'no_classification',
        cagr_since_base: 'no_classification',
      },
    });
    expect(report.classification_is_demonstration).toBeNull();
    expect(report.indicators.patent_intensive_value_added_cny.status).toBe('no_data');
  });

  it("gives the city's data quality for the report month, and the lake's totals apart", () => {
    const inferred = (first: string, last: string) => ({ first, last, runs: [{ first, last, basis: 'inferred' }] });
    const noRows = (coverage: unknown) => ({ rows_read: 0, rows_rejected: 0, latest_period: '2025-06', rows_counted: 0, rows_in_month: 0, rows_outside_coverage: 0, coverage, top_reject_reasons: [] });
    expect(report.data_quality).toEqual({
      scope: 'city',
      rows_read: 11, // pledges 4 + 2, patent_events 5
      rows_rejected: 2,
      by_dataset: {
        patent_events: {
          rows_read: 5,
          rows_rejected: 0,
          latest_period: '2025-06',
          rows_counted: 5,
          rows_in_month: 0,
          rows_outside_coverage: 2,
          coverage: inferred('2023-01', '2025-06'),
          top_reject_reasons: [],
        },
        trademark_events: noRows(inferred('2023-01', '2025-06')),
        pledges: {
          rows_read: 6,
          rows_rejected: 2,
          latest_period: '2025-06',
          rows_counted: 4,
          rows_in_month: 4,
          rows_outside_coverage: 0,
          coverage: inferred('2023-01', '2025-06'),
          top_reject_reasons: [
            { rule: 'required', rows: 2 },
            { rule: 'date_invalid', rows: 1 },
          ],
        },
        gi_output: noRows(inferred('2024-01', '2025-06')),
        programme_records: noRows(inferred('2024-01', '2025-06')),
      },
      lake: {
        rows_read: 620,
        rows_rejected: 3,
        rows_rejected_without_city: 1,
        by_dataset: {
          patent_events: { rows_read: 500, rows_rejected: 0, files: 1, latest_period: '2025-06', last_ingest_seq: 1, files_rejected_whole: [] },
          pledges: {
            rows_read: 120,
            rows_rejected: 3,
            files: 3,
            latest_period: '2025-07',
            last_ingest_seq: 3,
            files_rejected_whole: [{ file: '03-empty.csv', sha256: 'c'.repeat(64), rejected_at: '2025-07-02T09:00:00.000Z', reason: 'the file is empty: a header row is required' }],
          },
        },
      },
    });
  });

  it('lists every file rejected whole of a dataset nothing was ingested from, oldest first, then by name', () => {
    const rejected = (name: string, shaDigit: string, at: string) => ({
      ...file('pledges', name, shaDigit),
      status: 'file_rejected' as const,
      ingestedAt: at,
      error: null,
      ingestSeq: 1,
      rowsRead: 0,
      rowsRejected: 0,
      rejectedByCity: [],
    });
    const files = [
      rejected('b-second.csv', 'b', '2025-07-02T09:00:00.000Z'),
      rejected('c-first-too.csv', 'c', '2025-07-01T09:00:00.000Z'),
      rejected('a-first.csv', 'a', '2025-07-01T09:00:00.000Z'),
    ];
    const lake = assembleReport({ ...input, quality: { ...input.quality, files } }).data_quality.lake.by_dataset;
    expect(lake['pledges']?.files_rejected_whole).toEqual([
      { file: 'a-first.csv', sha256: 'a'.repeat(64), rejected_at: '2025-07-01T09:00:00.000Z', reason: 'rejected whole' },
      { file: 'c-first-too.csv', sha256: 'c'.repeat(64), rejected_at: '2025-07-01T09:00:00.000Z', reason: 'rejected whole' },
      { file: 'b-second.csv', sha256: 'b'.repeat(64), rejected_at: '2025-07-02T09:00:00.000Z', reason: 'rejected whole' },
    ]);
  });

  it('ends with the self-evaluation grid, after the revisions', () => {
    expect(Object.keys(report).slice(-2)).toEqual(['revisions', 'self_evaluation']);
    expect(report.self_evaluation).toMatchObject({ year: 2025, period: '2025-06', weights_source: 'default', total_points: 100 });
    // 3 centres since 2024-01 against 3 × 18/36 = 1.5 by June 2025: full points; the grid's actual is the report's cumulative.
    expect(report.self_evaluation.rows.find((row) => row.key === 'operation_centre_count')).toMatchObject({ actual: 3, target_to_date: 1.5, completion_rate: 2, score: 6.25 });
  });

  it("uses the city's configured self-evaluation weights", () => {
    const weights = { budget_execution: 10, ip_transfer_licence_count: 6.25, pledge_project_count: 6.25, sme_university_patent_count: 6.25, securitization_product_count: 6.25, patent_navigation_project_count: 6.25, ip_certified_entity_count: 6.25, ip_custody_sme_count: 6.25, operation_centre_count: 10.75, pledge_amount_cny: 7.5, patent_contract_turnover_cny: 7.5, patent_intensive_value_added_cny: 7.5, gi_output_value_cny: 7.5, satisfaction: 5.5 };
    const weighted = parseCityConfig(JSON.stringify({ cities: [{ code: '440300', name: '深圳市', programme_start_year: 2024, self_evaluation_weights: weights }] }), 'cities.json').cities[0]!;
    const grid = assembleReport({ ...input, city: weighted }).self_evaluation;
    expect(grid.weights_source).toBe('configured');
    expect(grid.rows.find((row) => row.key === 'operation_centre_count')).toMatchObject({ points: 10.75, score: 10.75 });
    expect(grid).toMatchObject({ total_points: 100, points_to_fill: 15.5 });
  });

  it('is deterministic: the same input gives byte-identical JSON', () => {
    const text = reportJsonText(rankedAlone(report));
    expect(reportJsonText(rankedAlone(assembleReport(input)))).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n  "schema_version": 1,\n  "city": {')).toBe(true);
  });

  it('GI output with no coverage of the year to date gives null totals', () => {
    const uncovered = assembleReport({ ...input, coverage: { ...input.coverage, gi_output: coverageOfSpan('2025-02', '2025-06') } });
    expect(uncovered.gi_output).toEqual({
      year: 2025,
      ytd_promotion_project_cny: null,
      ytd_all_cny: null,
      by_product: [],
      null_reasons: { ytd_promotion_project_cny: 'not_covered', ytd_all_cny: 'not_covered' },
    });
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
  const report = rankedAlone(assembleReport(input));
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

  it('rejects a self-evaluation figure that is null without a reason, and an unknown field', () => {
    const rows = report.self_evaluation.rows;
    const broken = rows.map((row) => (row.key === 'operation_centre_count' ? { ...row, score: null } : row));
    expect(() => validateReport({ ...report, self_evaluation: { ...report.self_evaluation, rows: broken } })).toThrow('self_evaluation.rows.8.null_reasons.score: score is null without a reason');
    expect(() => validateReport({ ...report, self_evaluation: { ...report.self_evaluation, total: 100 } })).toThrow('self_evaluation:');
  });

  it('rejects a missing indicator and an unknown field', () => {
    const { operation_centre_count: _dropped, ...rest } = report.indicators;
    expect(() => validateReport({ ...report, indicators: rest })).toThrow('indicators.operation_centre_count:');
    expect(() => validateReport(withIndicator('pledge_amount_cny', { montly: 1 }))).toThrow('indicators.pledge_amount_cny:');
  });
});
