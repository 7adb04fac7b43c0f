/**
 * The operator's correction flow (docs/operations.md §3) end to end: May and June are published,
 * then corrections arrive — one re-sends P-2506 with another amount, one fixes the rejected row
 * P-BAD1 — and June is run again on the same lake and output folder. The June report published
 * first is kept under versions/, and the new one lists as revisions what changed in the May
 * report's figures. Figures from EXPECTED.md.
 */
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.ts';
import { validateWrittenReports } from '../support/validate-written-reports.ts';
import { E2E_INPUT_DIR, runCli, E2E_CONFIG, type CliResult } from './support/run-cli.ts';

const CORRECTION = '02-pledges-2025-06-correction.csv';
const PLEDGES_HEADER = '质押登记号,质押物类型,质押件数,登记日,状态,出质人名称,出质人统一社会信用代码,出质人行政区划代码,质权人名称,担保债权数额（万元）';

interface PledgeFigures {
  readonly month: number;
  readonly ytd: number;
  readonly ytd_prev: number;
  readonly yoy_growth: number;
}

interface ShenzhenReport {
  readonly indicators: Record<string, PledgeFigures>;
  readonly data_quality: { by_dataset: Record<string, unknown>; lake: { by_dataset: Record<string, unknown> } };
  readonly revisions: unknown;
}

let work: string;
let before: CliResult;
let after: CliResult;

function runArgs(period: string): string[] {
  return ['run', '--input', path.join(work, 'input'), '--config', E2E_CONFIG, '--lake', path.join(work, 'lake'), '--out', path.join(work, 'out'), '--period', period];
}

const JUNE = path.join('reports', 'city=440300', 'period=2025-06');

async function json<T>(relative: string): Promise<T> {
  return JSON.parse(await readFile(path.join(work, 'out', relative), 'utf8')) as T;
}

/** The June report as published first (kept under versions/ when the re-run replaced it). */
async function juneAsFirstPublished(): Promise<ShenzhenReport> {
  const [version] = await readdir(path.join(work, 'out', JUNE, 'versions'));
  return json(path.join(JUNE, 'versions', version!, 'report.json'));
}

function figures({ month, ytd, ytd_prev, yoy_growth }: PledgeFigures): PledgeFigures {
  return { month, ytd, ytd_prev, yoy_growth };
}

beforeAll(async () => {
  work = await tempDir('e2e-correction');
  await cp(E2E_INPUT_DIR, path.join(work, 'input'), { recursive: true });
  await rm(path.join(work, 'input', 'pledges', CORRECTION));
  expect((await runCli(runArgs('2025-05'))).exitCode).toBe(0);
  before = await runCli(runArgs('2025-06'));

  await cp(path.join(E2E_INPUT_DIR, 'pledges', CORRECTION), path.join(work, 'input', 'pledges', CORRECTION));
  await writeFile(
    path.join(work, 'input', 'pledges', '03-pledges-fix-rejected-row.csv'),
    `${PLEDGES_HEADER}\nP-BAD1,专利,1,2025-02-28,设立,深圳甲科技有限公司,91440305MA5F000189,440305,招商银行,100\n`,
  );
  after = await runCli(runArgs('2025-06'));
});

describe('a month run again after corrections arrive', () => {
  it('before: P-2506 counts its first amount, 500 万', async () => {
    expect(before.exitCode).toBe(0);
    const { indicators } = await juneAsFirstPublished();
    // ytd: P-2502 300 万 + P-2506 500 万; ytd_prev: P-2403 200 万
    expect(figures(indicators['pledge_amount_cny']!)).toEqual({ month: 5_000_000, ytd: 8_000_000, ytd_prev: 2_000_000, yoy_growth: 3 });
    expect(figures(indicators['pledge_project_count']!)).toEqual({ month: 1, ytd: 2, ytd_prev: 1, yoy_growth: 1 });
  });

  it('ingests only the two new files', () => {
    expect(after.exitCode).toBe(0);
    expect(after.stdout).toContain('ingested 2 new file(s) (8 already in the lake): 2 rows read, 0 rejected');
    expect(after.stdout).toContain('revisions of figures published in 2025-05 (修订说明): 440300 深圳市 2');
  });

  it('after: P-2506 counts its corrected 600 万 once, and the fixed P-BAD1 (100 万, 2025-02) counts', async () => {
    const { indicators } = await json<ShenzhenReport>(path.join(JUNE, 'report.json'));
    // ytd: 300 + 600 + 100 万; count P-2502, P-2506, P-BAD1
    expect(figures(indicators['pledge_amount_cny']!)).toEqual({ month: 6_000_000, ytd: 10_000_000, ytd_prev: 2_000_000, yoy_growth: 4 });
    expect(figures(indicators['pledge_project_count']!)).toEqual({ month: 1, ytd: 3, ytd_prev: 1, yoy_growth: 2 });
  });

  it("lists the May report's figures the fixed row revised, with the file that revised them; P-2506 (June) was not in the May report", async () => {
    const { revisions } = await json<ShenzhenReport>(path.join(JUNE, 'report.json'));
    const source = { dataset: 'pledges', file: '03-pledges-fix-rejected-row.csv', ingest_seq: 3, superseded_rows: 0 };
    expect(revisions).toMatchObject({
      compared_with: { period: '2025-05' },
      changes: [
        // 2025-02: P-2502 300 万, then also P-BAD1 100 万
        { indicator: 'pledge_amount_cny', period: '2025-02', figure: 'month', unit: 'cny', old: 3_000_000, new: 4_000_000, sources: [source] },
        { indicator: 'pledge_project_count', period: '2025-02', figure: 'month', unit: 'count', old: 1, new: 2, sources: [source] },
      ],
    });
  });

  it("data_quality: the city's current rows and the rejected row naming it; the lake counts every file ever ingested", async () => {
    // 深圳 pledges (pledgor 4403xx): P-2301, P-2309, P-2403, P-2405 (变更), P-2408, P-2411, P-2502, P-2504 (注销), P-2506 = 9 current
    // rows; P-BAD1 (440305, 2025-02-30) is rejected and names 深圳 (no valid month). The fix adds P-BAD1 as a current row; the
    // correction replaces P-2506 (still one row); the first file's rejected row stays rejected.
    const pledges = (report: ShenzhenReport) => report.data_quality.by_dataset['pledges'];
    const coverage = { first: '2023-01', last: '2025-06', runs: [{ first: '2023-01', last: '2025-06', basis: 'inferred' }] };
    const city = { rows_rejected: 1, latest_period: '2025-06', rows_in_month: 1, rows_outside_coverage: 0, coverage, top_reject_reasons: [{ rule: 'date_invalid', rows: 1 }] };
    expect(pledges(await juneAsFirstPublished())).toEqual({ ...city, rows_read: 10, rows_counted: 9 });
    const now = await json<ShenzhenReport>(path.join(JUNE, 'report.json'));
    expect(pledges(now)).toEqual({ ...city, rows_read: 11, rows_counted: 10 });
    expect(now.data_quality.lake.by_dataset['pledges']).toEqual({ rows_read: 17, rows_rejected: 1, files: 3, latest_period: '2025-06', last_ingest_seq: 3, files_rejected_whole: [] });
  });

  it('every report.json, the versions kept included, is valid for ajv against the report.schema.json beside it and docs/report.schema.json', async () => {
    const checks = await validateWrittenReports(path.join(work, 'out'));
    const [version] = await readdir(path.join(work, 'out', JUNE, 'versions'));
    expect(checks.map((check) => check.report)).toContain(`reports/city=440300/period=2025-06/versions/${version!}/report.json`);
    expect(checks.map((check) => check.report)).toContain('reports/city=440300/period=2025-05/report.json');
    expect(checks.filter((check) => check.errors.length > 0)).toEqual([]);
  });
});
