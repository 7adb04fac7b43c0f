/**
 * A report for the renderer tests, assembled by the real assembleReport from hand-written inputs
 * (so it always keeps the current contract), and a variant with patent-intensive figures.
 */
import { parseCityConfig } from '../../../../etl/config/city-config.ts';
import { assembleReport } from '../../../../etl/reports/assemble-report.ts';
import { coverageOfSpan } from '../../../../etl/reports/coverage.ts';
import type { ReportInput } from '../../../../etl/reports/report-inputs.ts';
import type { Report } from '../../../../etl/reports/report-schema.ts';
import type { PeriodPeers } from '../../../../etl/reports/peers/period-peers.ts';
import { periodPeersOf, rankedAlone } from '../../../support/ranked-reports.ts';

const city = parseCityConfig(
  JSON.stringify({ cities: [{ code: '440300', name: '深圳市', programme_start_year: 2024, base_year: 2023, contacts: ['ip@example.gov.cn'] }] }),
  'cities.json',
).cities[0]!;

const covered = coverageOfSpan('2023-01', '2025-06');

/** The manifest facts of an ingested source file; the fixture overrides what it needs. */
function ingested(dataset: 'pledges' | 'patent_events', name: string, shaDigit: string) {
  return { dataset, name, sha256: shaDigit.repeat(64), status: 'ingested' as const, ingestedAt: '2025-07-05T02:00:00.000Z', error: null };
}

export const FIXTURE_INPUT: ReportInput = {
  city,
  period: '2025-06',
  generatedAt: '2025-07-05T02:00:00+08:00',
  classificationVersion: null,
  coverage: {
    patent_events: covered,
    trademark_events: covered,
    pledges: covered,
    tech_contracts: covered,
    // GI output starts mid-trend: the months before are gaps, not zeros.
    gi_output: coverageOfSpan('2024-01', '2025-06'),
    programme_records: covered,
  },
  series: {
    ip_transfer_licence_count: [
      { month: '2023-07', value: '4.00' },
      { month: '2024-06', value: '9.00' },
      { month: '2025-02', value: '3.00' },
      { month: '2025-06', value: '1234.00' },
    ],
    pledge_amount_cny: [
      { month: '2024-06', value: '250000000.00' },
      { month: '2025-06', value: '123456789.50' },
    ],
    patent_contract_turnover_cny: [{ month: '2025-05', value: '45678.90' }],
    gi_output_value_cny: [
      { month: '2024-03', value: '100.00' },
      { month: '2025-03', value: '150.25' },
    ],
    operation_centre_count: [{ month: '2024-09', value: '3.00' }],
  },
  transferFlows: [
    { month: '2025-06', ipKind: 'patent', eventType: 'transfer', flow: 'local', eventCount: 1000 },
    { month: '2025-06', ipKind: 'patent', eventType: 'licence', flow: 'inflow', eventCount: 234 },
    { month: '2025-02', ipKind: 'trademark', eventType: 'licence', flow: 'outflow', eventCount: 3 },
  ],
  giOutput: {
    monthly: [
      { giId: 'GI-002', giName: '南山荔枝', inPromotionProject: true, month: '2025-03', outputValueCny: '150.25', producerCount: 2 },
      { giId: 'GI-001', giName: '沙井蚝<b>', inPromotionProject: false, month: '2025-01', outputValueCny: '80.10', producerCount: 1 },
    ],
    usersYearToDate: [
      { giId: 'GI-001', users: 1 },
      { giId: 'GI-002', users: 2 },
    ],
  },
  quality: {
    cityRows: [
      { dataset: 'pledges', month: '2025-06', rows: 40 },
      { dataset: 'patent_events', month: '2025-06', rows: 300 },
    ],
    files: [
      { ...ingested('pledges', '01-pledges.csv', 'a'), rowsRead: 1200, rowsRejected: 3, ingestSeq: 1, rejectedByCity: [{ cityCode: '440300', month: '2025-05', rows: 3, rules: { required: 3 } }] },
      { ...ingested('patent_events', 'events.csv', 'b'), rowsRead: 5000, rowsRejected: 0, ingestSeq: 1, rejectedByCity: [] },
      // A later delivery that could not be read: the report must say pledges stop before it.
      {
        ...ingested('pledges', '02-pledges-<2025-07>.csv', 'f'),
        status: 'file_rejected',
        ingestedAt: '2025-07-06T02:00:00.000Z',
        error: 'line 3: CSV syntax: the quoted field that starts on this line is never closed',
        rowsRead: 0,
        rowsRejected: 0,
        ingestSeq: 2,
        rejectedByCity: [],
      },
    ],
    lakeLastMonths: { pledges: '2025-06', patent_events: '2025-06' },
  },
  previousReport: null,
  revisionSources: [],
};

/** Ranked alone: every indicator with a figure is 第 1 / 1, one without is not ranked. */
export const FIXTURE_REPORT: Report = rankedAlone(assembleReport(FIXTURE_INPUT));

/** The same report with patent-intensive figures, as the accounting step fills them. */
export const FIXTURE_REPORT_WITH_PATENT_INTENSIVE: Report = {
  ...FIXTURE_REPORT,
  patent_intensive: {
    ...FIXTURE_REPORT.patent_intensive,
    year: 2024,
    method: 'enterprise',
    value_added_cny: 1000000000,
    share_of_gdp: 0.1234,
    growth: 0.05,
    by_category: { '01': 400000000, '02': 100000000, '03': 200000000, '04': 100000000, '05': 100000000, '06': 0, '07': 100000000 },
    category_mix: { '01': 0.4, '02': 0.1, '03': 0.2, '04': 0.1, '05': 0.1, '06': 0, '07': 0.1 },
    // 2024 was published as a share of GDP only.
    national: { year: 2024, value_added_cny: null, share_of_gdp: 0.1338, category_mix: { '01': null, '02': null, '03': null, '04': null, '05': null, '06': null, '07': null }, source: 'SCIO press conference 2026-01-23' },
  },
};

export const FIXTURE_NATIONAL_MIX = {
  year: 2023,
  shares: { '01': 0.19, '02': 0.233, '03': 0.289, '04': 0.103, '05': 0.081, '06': 0.023, '07': 0.081 },
} as const;

/**
 * The peers of an index page: 上海 (more pledge financing than 深圳: 2 亿元), 深圳 (the fixture) and
 * 苏州, configured without a report.
 */
export function fixtureIndexPeers(): PeriodPeers {
  const i = FIXTURE_REPORT.indicators;
  const shanghai = { ...FIXTURE_REPORT, city: { code: '310000', name: '上海市' }, indicators: { ...i, pledge_amount_cny: { ...i.pledge_amount_cny, ytd: 200000000 } } };
  return periodPeersOf('2025-06', [
    { code: '310000', name: '上海市', report: shanghai },
    { code: '440300', name: '深圳市', report: FIXTURE_REPORT },
    { code: '320500', name: '苏州市', report: null },
  ]);
}
