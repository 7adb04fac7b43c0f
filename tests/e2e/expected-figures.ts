/**
 * The figures of tests/fixtures/e2e/EXPECTED.md as report.json must carry them, one city at a
 * time. The arithmetic behind each number is in that file; keep the two in step.
 */
type Annual = Readonly<Record<string, number | null>>;
type Status = 'met' | 'on_track' | 'behind' | 'no_data';
/** null_reasons beyond the one every flow (cumulative) or cumulative (CAGR) indicator has: not_applicable. */
type Reasons = Readonly<Record<string, unknown>>;

interface FlowFigures {
  readonly unit: 'count' | 'cny';
  readonly month: number | null;
  /** 本月同比; absent: null because the same month a year earlier (2024-06) is 0 — zero_base. */
  readonly month_yoy_growth?: number;
  readonly ytd: number | null;
  readonly ytd_prev: number | null;
  readonly yoy_growth: number | null;
  readonly annual: Annual;
  readonly cagr_since_base: number | null;
  readonly target: number;
  readonly status: Status;
  readonly reasons?: Reasons;
}

interface CumulativeFigures {
  readonly month: number;
  readonly ytd: number;
  readonly ytd_prev: number;
  readonly yoy_growth: number | null;
  readonly annual2024: number;
  readonly cumulative: number;
  readonly target: number;
  readonly status: Status;
}

/** No indicator of either city has a record in 2024-06 but 上海's GI output: every other 本月同比 has a zero base. */
const monthYoyOf = (monthYoyGrowth: number | undefined) =>
  monthYoyGrowth === undefined ? { figure: { month_yoy_growth: null }, reasons: { month_yoy_growth: 'zero_base' } } : { figure: { month_yoy_growth: monthYoyGrowth }, reasons: {} };

function flow({ target, reasons = {}, month_yoy_growth, ...figures }: FlowFigures) {
  const monthYoy = monthYoyOf(month_yoy_growth);
  return { ...figures, ...monthYoy.figure, cumulative: null, target: { kind: 'growth', value: target }, null_reasons: { ...reasons, ...monthYoy.reasons, cumulative: 'not_applicable' } };
}

/** ytd_prev 0 makes the YoY growth null for the reason zero_base. */
function cumulative({ annual2024, target, ...figures }: CumulativeFigures) {
  const reasons = figures.yoy_growth === null ? { yoy_growth: 'zero_base' } : {};
  const monthYoy = monthYoyOf(undefined);
  return {
    unit: 'count',
    ...figures,
    ...monthYoy.figure,
    annual: { '2024': annual2024 },
    cagr_since_base: null,
    target: { kind: 'cumulative', value: target },
    null_reasons: { ...reasons, ...monthYoy.reasons, cagr_since_base: 'not_applicable' },
  };
}

/** The fixture carries no classification (the lake gets the default 2019 table) and no enterprise or industry accounts: every figure null, no data. */
function notComputedYet(annualYears: readonly string[]) {
  return {
    unit: 'cny',
    month: null,
    month_yoy_growth: null,
    ytd: null,
    ytd_prev: null,
    yoy_growth: null,
    annual: Object.fromEntries(annualYears.map((year) => [year, null])),
    cagr_since_base: null,
    cumulative: null,
    target: { kind: 'growth', value: 0 },
    status: 'no_data',
    null_reasons: {
      month: 'not_applicable',
      month_yoy_growth: 'not_applicable',
      ytd: 'not_applicable',
      ytd_prev: 'not_applicable',
      yoy_growth: 'no_data',
      cagr_since_base: 'no_data',
      cumulative: 'not_applicable',
      annual: Object.fromEntries(annualYears.map((year) => [year, 'no_data'])),
      status: 'no_data',
    },
  };
}

/** 上海's base year 2022 lies before the data (2023-01 …): annual 2022 and so the CAGR are not covered. */
const BASE_YEAR_NOT_COVERED = { annual: { '2022': 'not_covered' }, cagr_since_base: 'not_covered' };

export const SHENZHEN_INDICATORS = {
  ip_transfer_licence_count: {
    ...flow({ unit: 'count', month: 1, ytd: 3, ytd_prev: 2, yoy_growth: 0.5, annual: { '2023': 4, '2024': 5 }, cagr_since_base: 0.25, target: 0.2, status: 'met' }),
    breakdown: { month: { local: 0, inflow: 1, outflow: 0 }, ytd: { local: 0, inflow: 2, outflow: 1 } },
  },
  pledge_amount_cny: flow({
    unit: 'cny',
    month: 6_000_000,
    ytd: 9_000_000,
    ytd_prev: 2_000_000,
    yoy_growth: 3.5,
    annual: { '2023': 4_000_000, '2024': 6_000_000 },
    cagr_since_base: 0.5,
    target: 0.35,
    status: 'met',
  }),
  pledge_project_count: flow({ unit: 'count', month: 1, ytd: 2, ytd_prev: 1, yoy_growth: 1, annual: { '2023': 2, '2024': 3 }, cagr_since_base: 0.5, target: 0.3, status: 'met' }),
  patent_contract_turnover_cny: flow({
    unit: 'cny',
    month: 0,
    ytd: 1_000_000,
    ytd_prev: 800_000,
    yoy_growth: 0.25,
    annual: { '2023': 1_000_000, '2024': 2_000_000 },
    cagr_since_base: 1,
    target: 0.4,
    status: 'met',
  }),
  sme_university_patent_count: cumulative({ month: 0, ytd: 0, ytd_prev: 1, yoy_growth: -1, annual2024: 2, cumulative: 2, target: 100, status: 'behind' }),
  securitization_product_count: cumulative({ month: 0, ytd: 1, ytd_prev: 0, yoy_growth: null, annual2024: 0, cumulative: 1, target: 1, status: 'met' }),
  patent_navigation_project_count: cumulative({ month: 1, ytd: 1, ytd_prev: 0, yoy_growth: null, annual2024: 1, cumulative: 2, target: 5, status: 'behind' }),
  ip_certified_entity_count: cumulative({ month: 1, ytd: 1, ytd_prev: 1, yoy_growth: 0, annual2024: 2, cumulative: 3, target: 5, status: 'on_track' }),
  ip_custody_sme_count: cumulative({ month: 0, ytd: 0, ytd_prev: 2, yoy_growth: -1, annual2024: 2, cumulative: 2, target: 1000, status: 'behind' }),
  operation_centre_count: cumulative({ month: 0, ytd: 1, ytd_prev: 0, yoy_growth: null, annual2024: 1, cumulative: 2, target: 3, status: 'on_track' }),
  patent_intensive_value_added_cny: notComputedYet(['2023', '2024']),
  gi_output_value_cny: flow({
    unit: 'cny',
    month: 150_000,
    ytd: 410_000,
    ytd_prev: 200_000,
    yoy_growth: 1.05,
    annual: { '2023': 100_000, '2024': 500_000 },
    cagr_since_base: 4,
    target: 0,
    status: 'met',
  }),
};

export const SHANGHAI_INDICATORS = {
  ip_transfer_licence_count: {
    ...flow({ unit: 'count', month: 1, ytd: 3, ytd_prev: 2, yoy_growth: 0.5, annual: { '2022': null, '2023': 1, '2024': 3 }, cagr_since_base: null, target: 0.2, status: 'on_track', reasons: BASE_YEAR_NOT_COVERED }),
    breakdown: { month: { local: 1, inflow: 0, outflow: 0 }, ytd: { local: 1, inflow: 1, outflow: 1 } },
  },
  pledge_amount_cny: flow({
    unit: 'cny',
    month: 0,
    ytd: 400_000,
    ytd_prev: 802_500,
    yoy_growth: -0.501558,
    annual: { '2022': null, '2023': 12_505_000, '2024': 1_802_500 },
    cagr_since_base: null,
    target: 0.3,
    status: 'behind',
    reasons: BASE_YEAR_NOT_COVERED,
  }),
  pledge_project_count: flow({ unit: 'count', month: 0, ytd: 1, ytd_prev: 1, yoy_growth: 0, annual: { '2022': null, '2023': 1, '2024': 2 }, cagr_since_base: null, target: 0.3, status: 'behind', reasons: BASE_YEAR_NOT_COVERED }),
  patent_contract_turnover_cny: flow({
    unit: 'cny',
    month: 0,
    ytd: 0,
    ytd_prev: 0,
    yoy_growth: null,
    annual: { '2022': null, '2023': 0, '2024': 0 },
    cagr_since_base: null,
    target: 0.4,
    status: 'no_data',
    reasons: { ...BASE_YEAR_NOT_COVERED, yoy_growth: 'zero_base', status: 'not_covered' },
  }),
  sme_university_patent_count: cumulative({ month: 0, ytd: 0, ytd_prev: 1, yoy_growth: -1, annual2024: 1, cumulative: 1, target: 100, status: 'behind' }),
  securitization_product_count: cumulative({ month: 1, ytd: 1, ytd_prev: 0, yoy_growth: null, annual2024: 0, cumulative: 1, target: 1, status: 'met' }),
  patent_navigation_project_count: cumulative({ month: 0, ytd: 0, ytd_prev: 0, yoy_growth: null, annual2024: 0, cumulative: 0, target: 5, status: 'behind' }),
  ip_certified_entity_count: cumulative({ month: 0, ytd: 0, ytd_prev: 2, yoy_growth: -1, annual2024: 2, cumulative: 2, target: 200, status: 'behind' }),
  ip_custody_sme_count: cumulative({ month: 0, ytd: 0, ytd_prev: 0, yoy_growth: null, annual2024: 0, cumulative: 0, target: 1000, status: 'behind' }),
  operation_centre_count: cumulative({ month: 0, ytd: 0, ytd_prev: 0, yoy_growth: null, annual2024: 1, cumulative: 1, target: 3, status: 'behind' }),
  patent_intensive_value_added_cny: notComputedYet(['2022', '2023', '2024']),
  gi_output_value_cny: flow({
    unit: 'cny',
    month: 1_200_000,
    // 2024-06: 1,000,000 → 1,200,000 / 1,000,000 − 1
    month_yoy_growth: 0.2,
    ytd: 1_500_000.05,
    ytd_prev: 1_000_000,
    yoy_growth: 0.5,
    annual: { '2022': null, '2023': 0, '2024': 1_000_000 },
    cagr_since_base: null,
    target: 0.05,
    status: 'on_track',
    reasons: BASE_YEAR_NOT_COVERED,
  }),
};

export const SHENZHEN_GI_OUTPUT = {
  year: 2025,
  ytd_promotion_project_cny: 410_000,
  ytd_all_cny: 480_000,
  by_product: [
    { gi_id: 'GI-SZ-01', name: '南山荔枝', in_promotion_project: true, ytd_cny: 410_000, users: 3 },
    { gi_id: 'GI-SZ-02', name: '光明乳鸽', in_promotion_project: false, ytd_cny: 70_000, users: 1 },
  ],
  null_reasons: {},
};

export const SHANGHAI_GI_OUTPUT = {
  year: 2025,
  ytd_promotion_project_cny: 1_500_000.05,
  ytd_all_cny: 1_500_000.05,
  by_product: [{ gi_id: 'GI-SH-01', name: '南汇水蜜桃', in_promotion_project: true, ytd_cny: 1_500_000.05, users: 2 }],
  null_reasons: {},
};

const COVERED = { first: '2023-01', last: '2025-06', runs: [{ first: '2023-01', last: '2025-06', basis: 'inferred' }] };

/** A monthly dataset of one city: rows counted (up to 2025-06), in 2025-06, rejected naming the city and their rules. */
function monthly(rowsCounted: number, rowsInMonth: number, rejected: Readonly<Record<string, number>> = {}, rowsRejected = Object.keys(rejected).length > 0 ? 1 : 0) {
  const top = Object.entries(rejected)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([rule, rows]) => ({ rule, rows }));
  return {
    rows_read: rowsCounted + rowsRejected,
    rows_rejected: rowsRejected,
    latest_period: '2025-06',
    rows_counted: rowsCounted,
    rows_in_month: rowsInMonth,
    rows_outside_coverage: 0,
    coverage: COVERED,
    top_reject_reasons: top,
  };
}

/** A reference dataset of one city: no months, no coverage. */
function reference(rowsCounted: number) {
  return { rows_read: rowsCounted, rows_rejected: 0, latest_period: null, rows_counted: rowsCounted, rows_in_month: null, rows_outside_coverage: 0, coverage: null, top_reject_reasons: [] };
}

/** The lake's totals, the same in both reports (every file ever ingested, all cities; the default classification's 188 rows included). */
export const LAKE_QUALITY = {
  rows_read: 89 + 188,
  rows_rejected: 4,
  rows_rejected_without_city: 0,
  by_dataset: {
    patent_events: { rows_read: 14, rows_rejected: 1, files: 1, latest_period: '2025-06', last_ingest_seq: 1, files_rejected_whole: [] },
    trademark_events: { rows_read: 5, rows_rejected: 0, files: 1, latest_period: '2025-06', last_ingest_seq: 1, files_rejected_whole: [] },
    pledges: { rows_read: 16, rows_rejected: 1, files: 2, latest_period: '2025-06', last_ingest_seq: 2, files_rejected_whole: [] },
    gi_products: { rows_read: 4, rows_rejected: 0, files: 1, latest_period: null, last_ingest_seq: 1, files_rejected_whole: [] },
    gi_output: { rows_read: 15, rows_rejected: 1, files: 1, latest_period: '2025-06', last_ingest_seq: 1, files_rejected_whole: [] },
    enterprises: { rows_read: 4, rows_rejected: 0, files: 1, latest_period: null, last_ingest_seq: 1, files_rejected_whole: [] },
    tech_contracts: { rows_read: 7, rows_rejected: 0, files: 1, latest_period: '2025-06', last_ingest_seq: 1, files_rejected_whole: [] },
    programme_records: { rows_read: 24, rows_rejected: 1, files: 1, latest_period: '2025-06', last_ingest_seq: 1, files_rejected_whole: [] },
    // Not in the fixture: the official table a lake without a classification gets (default-classification.ts).
    patent_intensive_classification: { rows_read: 188, rows_rejected: 0, files: 1, latest_period: null, last_ingest_seq: 1, files_rejected_whole: [] },
  },
};

export const SHENZHEN_DATA_QUALITY = {
  scope: 'city',
  rows_read: 62,
  rows_rejected: 4,
  by_dataset: {
    // PE-BAD1 names 深圳 as the transferee (440304); 999999 is no city
    patent_events: monthly(9, 1, { application_no_check: 1, city_code_unknown: 1 }),
    trademark_events: monthly(3, 0),
    // P-BAD1 (440305): 2025-02-30 is no date, so the reject has no month but still names 深圳
    pledges: monthly(9, 1, { date_invalid: 1 }),
    gi_products: reference(2),
    // by the product's city; the rejected row's producer is in 440305
    gi_output: monthly(9, 2, { boolean_format: 1, money_negative: 1, uscc_check: 1 }),
    enterprises: reference(3),
    tech_contracts: monthly(6, 1),
    programme_records: monthly(17, 3, { date_invalid: 1, enum_value: 1 }),
    // The classification names no city.
    patent_intensive_classification: reference(0),
  },
  lake: LAKE_QUALITY,
};

export const SHANGHAI_DATA_QUALITY = {
  scope: 'city',
  rows_read: 21,
  rows_rejected: 0,
  by_dataset: {
    patent_events: monthly(5, 0),
    trademark_events: monthly(2, 1),
    pledges: monthly(4, 0),
    gi_products: reference(1),
    gi_output: monthly(3, 1),
    enterprises: reference(1),
    // 上海 sells no contract: no rows, still covered (a true 0)
    tech_contracts: monthly(0, 0),
    programme_records: monthly(5, 1),
    patent_intensive_classification: reference(0),
  },
  lake: LAKE_QUALITY,
};

/**
 * 深圳's self-evaluation grid (EXPECTED.md "Self-evaluation grid"): per row [key, annual_target,
 * target_to_date, actual, completion_rate, score, flag], then the totals.
 */
export const SHENZHEN_SELF_EVALUATION = {
  rows: [
    ['budget_execution', null, null, null, null, null, 'filled_by_city'],
    ['ip_transfer_licence_count', 5.76, 2.88, 3, 1.041667, 6.25, null],
    ['pledge_project_count', 3.38, 1.69, 2, 1.183432, 6.25, null],
    ['sme_university_patent_count', 66.67, 50, 2, 0.04, 0.25, 'behind_target'],
    ['securitization_product_count', 0.67, 0.5, 1, 2, 6.25, null],
    ['patent_navigation_project_count', 3.33, 2.5, 2, 0.8, 5, 'behind_target'],
    ['ip_certified_entity_count', 3.33, 2.5, 3, 1.2, 6.25, null],
    ['ip_custody_sme_count', 666.67, 500, 2, 0.004, 0.03, 'behind_target'],
    ['operation_centre_count', 2, 1.5, 2, 1.333333, 6.25, null],
    ['pledge_amount_cny', 7_290_000, 3_645_000, 9_000_000, 2.469136, 7.5, null],
    ['patent_contract_turnover_cny', 1_960_000, 980_000, 1_000_000, 1.020408, 7.5, null],
    ['patent_intensive_value_added_cny', null, null, null, null, null, 'data_missing'],
    ['gi_output_value_cny', 100_000, 50_000, 410_000, 8.2, 7.5, null],
    ['satisfaction', null, null, null, null, null, 'filled_by_city'],
  ],
  totals: { total_points: 100, score_total: 59.03, points_scored: 72.5, points_to_fill: 20, points_not_scored: 7.5 },
} as const;
