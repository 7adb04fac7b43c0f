/**
 * `ipstats report` for other months of the same hand-computed lake (EXPECTED.md, "Other report
 * months"): a December (the latest complete year is the report year), the month before the
 * programme start (cumulative indicators have no figures) and the first year of the data (no
 * year before it to compare with). Data after the report month is in the lake and must not count.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.ts';
import { validateWrittenReports } from '../support/validate-written-reports.ts';
import { E2E_CONFIG, fixtureRunArgs, runCli } from './support/run-cli.ts';
import { trendMonths, trendValues } from './trend-series.ts';

interface Figures {
  readonly month: number | null;
  readonly ytd: number | null;
  readonly ytd_prev: number | null;
  readonly yoy_growth: number | null;
  readonly annual: Record<string, number | null>;
  readonly cagr_since_base: number | null;
  readonly cumulative: number | null;
  readonly status: string;
  readonly breakdown?: unknown;
}

interface Report {
  readonly indicators: Record<string, Figures>;
  readonly gi_output: unknown;
  readonly monthly_trend: { readonly months: string[]; readonly values: Record<string, unknown[]> };
}

const CUMULATIVE_IDS = [
  'sme_university_patent_count',
  'securitization_product_count',
  'patent_navigation_project_count',
  'ip_certified_entity_count',
  'ip_custody_sme_count',
  'operation_centre_count',
];

let out: string;
let runOut: string;

async function report(cityCode: string, period: string): Promise<Report> {
  return JSON.parse(await readFile(path.join(out, 'reports', `city=${cityCode}`, `period=${period}`, 'report.json'), 'utf8')) as Report;
}

/** The figures compared in one row: month, ytd, ytd_prev, yoy_growth, cumulative, status. */
function row(figures: Figures): unknown[] {
  return [figures.month, figures.ytd, figures.ytd_prev, figures.yoy_growth, figures.cumulative, figures.status];
}

beforeAll(async () => {
  const work = await tempDir('e2e-periods');
  const lake = path.join(work, 'lake');
  out = path.join(work, 'out');
  runOut = path.join(work, 'out-run');
  const filled = await runCli(fixtureRunArgs(lake, runOut, '--period', '2025-06'));
  expect(filled.exitCode).toBe(0);
  // One after another: reports of one city written at the same time into one output folder would race (each compares itself
  // with the city's latest earlier report there). 2025-06 first, so that, as in the run's output, it has no earlier report.
  const reports = [];
  for (const [city, period] of [
    ['440300', '2025-06'],
    ['440300', '2023-12'],
    ['310000', '2023-12'],
    ['440300', '2024-12'],
  ]) {
    reports.push(await runCli(['report', '--city', city!, '--period', period!, '--lake', lake, '--out', out, '--config', E2E_CONFIG]));
  }
  expect(reports.map((result) => [result.exitCode, result.stderr])).toEqual([
    [0, ''],
    [0, ''],
    [0, ''],
    [0, ''],
  ]);
}, 240_000);

describe('深圳市, report month 2024-12 (L = 2024, e = 12)', () => {
  it('flow indicators: December closes the year, so ytd equals annual 2024 and the CAGR uses it', async () => {
    const { indicators } = await report('440300', '2024-12');
    expect(indicators['ip_transfer_licence_count']).toEqual(
      expect.objectContaining({ month: 1, ytd: 5, ytd_prev: 4, yoy_growth: 0.25, annual: { '2023': 4, '2024': 5 }, cagr_since_base: 0.25, status: 'met' }),
    );
    expect(indicators['ip_transfer_licence_count']!.breakdown).toEqual({ month: { local: 1, inflow: 0, outflow: 0 }, ytd: { local: 1, inflow: 3, outflow: 1 } });
    expect(row(indicators['pledge_amount_cny']!)).toEqual([0, 6_000_000, 4_000_000, 0.5, null, 'met']);
    expect(row(indicators['pledge_project_count']!)).toEqual([0, 3, 2, 0.5, null, 'met']);
    expect(row(indicators['patent_contract_turnover_cny']!)).toEqual([0, 2_000_000, 1_000_000, 1, null, 'met']);
    expect(row(indicators['gi_output_value_cny']!)).toEqual([0, 500_000, 100_000, 4, null, 'met']);
  });

  it('cumulative indicators: ytd_prev lies wholly before the programme start (null); on-track line n × 12/36', async () => {
    const { indicators } = await report('440300', '2024-12');
    expect(CUMULATIVE_IDS.map((id) => [id, ...row(indicators[id]!)])).toEqual([
      ['sme_university_patent_count', 0, 2, null, null, 2, 'behind'],
      ['securitization_product_count', 0, 0, null, null, 0, 'behind'],
      ['patent_navigation_project_count', 0, 1, null, null, 1, 'behind'],
      // target 5: line 5 × 12/36 = 1.67, and 2 ≥ 1.67
      ['ip_certified_entity_count', 0, 2, null, null, 2, 'on_track'],
      ['ip_custody_sme_count', 0, 2, null, null, 2, 'behind'],
      // target 3: line 3 × 12/36 = 1, and 1 ≥ 1 (the boundary counts as on track)
      ['operation_centre_count', 1, 1, null, null, 1, 'on_track'],
    ]);
  });

  it('gi_output counts the 2024 year to date only', async () => {
    expect((await report('440300', '2024-12')).gi_output).toEqual({
      year: 2024,
      ytd_promotion_project_cny: 500_000,
      ytd_all_cny: 500_000,
      by_product: [{ gi_id: 'GI-SZ-01', name: '南山荔枝', in_promotion_project: true, ytd_cny: 500_000, users: 2 }],
      null_reasons: {},
    });
  });
});

describe('report month 2023-12: the first year of data, before the programme start', () => {
  it.each(['440300', '310000'])('%s: every cumulative indicator has no figure and no_data', async (city) => {
    const { indicators } = await report(city, '2023-12');
    for (const id of CUMULATIVE_IDS) {
      expect([id, indicators[id]]).toEqual([
        id,
        expect.objectContaining({ month: null, ytd: null, ytd_prev: null, yoy_growth: null, annual: {}, cagr_since_base: null, cumulative: null, status: 'no_data' }),
      ]);
    }
  });

  it('深圳市: flow indicators have ytd and annual 2023 but nothing to compare with (no_data)', async () => {
    const { indicators } = await report('440300', '2023-12');
    expect(indicators['ip_transfer_licence_count']).toEqual(
      expect.objectContaining({ month: 0, ytd: 4, ytd_prev: null, yoy_growth: null, annual: { '2023': 4 }, cagr_since_base: null, status: 'no_data' }),
    );
    expect(indicators['ip_transfer_licence_count']!.breakdown).toEqual({ month: { local: 0, inflow: 0, outflow: 0 }, ytd: { local: 1, inflow: 2, outflow: 1 } });
    expect(row(indicators['pledge_amount_cny']!)).toEqual([0, 4_000_000, null, null, null, 'no_data']);
  });

  it('深圳市: the monthly trend (2022-01 … 2023-12) is null before the data starts and for cumulative indicators', async () => {
    const { monthly_trend: trend } = await report('440300', '2023-12');
    const months = trendMonths('2022-01');
    expect(trend.months).toEqual(months);
    expect(trend.values['ip_transfer_licence_count']).toEqual(trendValues(months, { '2023-01': 1, '2023-05': 1, '2023-08': 1, '2023-11': 1 }, '2023-01'));
    expect(trend.values['ip_certified_entity_count']).toEqual(Array(24).fill(null));
  });

  it('上海市 (base year 2022): annual starts at the base year, null where the data does not reach', async () => {
    const { indicators, gi_output } = await report('310000', '2023-12');
    expect(indicators['pledge_amount_cny']).toEqual(
      expect.objectContaining({ month: 0, ytd: 12_505_000, ytd_prev: null, annual: { '2022': null, '2023': 12_505_000 }, status: 'no_data' }),
    );
    // Covered and without marked output: true zeros, no reason.
    expect(gi_output).toEqual({ year: 2023, ytd_promotion_project_cny: 0, ytd_all_cny: 0, by_product: [], null_reasons: {} });
  });
});

describe('report.json keeps its published JSON Schema', () => {
  it('every report.json of the four months and the run is valid for ajv against the report.schema.json beside it and docs/report.schema.json', async () => {
    expect(await validateWrittenReports(out)).toEqual(
      ['city=310000/period=2023-12', 'city=440300/period=2023-12', 'city=440300/period=2024-12', 'city=440300/period=2025-06'].map((folder) => ({ report: `reports/${folder}/report.json`, errors: [] })),
    );
    expect(await validateWrittenReports(runOut)).toEqual(['city=310000', 'city=440300'].map((city) => ({ report: `reports/${city}/period=2025-06/report.json`, errors: [] })));
  });
});

describe('ipstats report --city', () => {
  it('writes the same report.json as run for that city and month, apart from generated_at and the ranks', async () => {
    const reportKey = ['reports', 'city=440300', 'period=2025-06', 'report.json'];
    const fromRun = JSON.parse(await readFile(path.join(runOut, ...reportKey), 'utf8')) as Record<string, unknown>;
    const fromReport = JSON.parse(await readFile(path.join(out, ...reportKey), 'utf8')) as Record<string, unknown>;
    expect(fromRun['generated_at']).toEqual(expect.any(String));
    const figures = ({ generated_at: _generatedAt, peer_ranks: _peerRanks, ...rest }: Record<string, unknown>) => rest;
    expect(figures(fromReport)).toEqual(figures(fromRun));
    // The run ranked both configured cities; here 310000 has no report for 2025-06 in this output folder yet.
    expect(fromRun['peer_ranks']).toMatchObject({ cities: ['310000', '440300'], missing: [] });
    expect(fromReport['peer_ranks']).toMatchObject({ cities: ['440300'], missing: ['310000'] });
  });
});
