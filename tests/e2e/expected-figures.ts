/**
 * The figures of tests/fixtures/e2e/EXPECTED.md as report.json must carry them, one city at a
 * time. The arithmetic behind each number is in that file; keep the two in step.
 */
type Annual = Readonly<Record<string, number | null>>;
type Status = 'met' | 'on_track' | 'behind' | 'no_data';

interface FlowFigures {
  readonly unit: 'count' | 'cny';
  readonly month: number | null;
  readonly ytd: number | null;
  readonly ytd_prev: number | null;
  readonly yoy_growth: number | null;
  readonly annual: Annual;
  readonly cagr_since_base: number | null;
  readonly target: number;
  readonly status: Status;
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

function flow({ target, ...figures }: FlowFigures) {
  return { ...figures, cumulative: null, target: { kind: 'growth', value: target } };
}

function cumulative({ annual2024, target, ...figures }: CumulativeFigures) {
  return { unit: 'count', ...figures, annual: { '2024': annual2024 }, cagr_since_base: null, target: { kind: 'cumulative', value: target } };
}

function notComputedYet(annualYears: readonly string[]) {
  return {
    unit: 'cny',
    month: null,
    ytd: null,
    ytd_prev: null,
    yoy_growth: null,
    annual: Object.fromEntries(annualYears.map((year) => [year, null])),
    cagr_since_base: null,
    cumulative: null,
    target: { kind: 'growth', value: 0 },
    status: 'no_data',
  };
}

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
    ...flow({ unit: 'count', month: 1, ytd: 3, ytd_prev: 2, yoy_growth: 0.5, annual: { '2022': null, '2023': 1, '2024': 3 }, cagr_since_base: null, target: 0.2, status: 'on_track' }),
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
  }),
  pledge_project_count: flow({ unit: 'count', month: 0, ytd: 1, ytd_prev: 1, yoy_growth: 0, annual: { '2022': null, '2023': 1, '2024': 2 }, cagr_since_base: null, target: 0.3, status: 'behind' }),
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
    ytd: 1_500_000.05,
    ytd_prev: 1_000_000,
    yoy_growth: 0.5,
    annual: { '2022': null, '2023': 0, '2024': 1_000_000 },
    cagr_since_base: null,
    target: 0.05,
    status: 'on_track',
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
};

export const SHANGHAI_GI_OUTPUT = {
  year: 2025,
  ytd_promotion_project_cny: 1_500_000.05,
  ytd_all_cny: 1_500_000.05,
  by_product: [{ gi_id: 'GI-SH-01', name: '南汇水蜜桃', in_promotion_project: true, ytd_cny: 1_500_000.05, users: 2 }],
};

export const DATA_QUALITY = {
  rows_read: 89,
  rows_rejected: 4,
  by_dataset: {
    patent_events: { rows_read: 14, rows_rejected: 1, latest_period: '2025-06' },
    trademark_events: { rows_read: 5, rows_rejected: 0, latest_period: '2025-06' },
    pledges: { rows_read: 16, rows_rejected: 1, latest_period: '2025-06' },
    gi_products: { rows_read: 4, rows_rejected: 0, latest_period: null },
    gi_output: { rows_read: 15, rows_rejected: 1, latest_period: '2025-06' },
    enterprises: { rows_read: 4, rows_rejected: 0, latest_period: null },
    tech_contracts: { rows_read: 7, rows_rejected: 0, latest_period: '2025-06' },
    programme_records: { rows_read: 24, rows_rejected: 1, latest_period: '2025-06' },
  },
};
