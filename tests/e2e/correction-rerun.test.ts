/**
 * The operator's correction flow (docs/operations.md §3) end to end: a month is run, then
 * corrections arrive — one re-sends P-2506 with another amount, one fixes the rejected row
 * P-BAD1 — and the month is run again on the same lake. Figures from EXPECTED.md.
 */
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.ts';
import { E2E_INPUT_DIR, runCli, E2E_CONFIG, type CliResult } from './support/run-cli.ts';

const CORRECTION = '02-pledges-2025-06-correction.csv';
const PLEDGES_HEADER = '质押登记号,质押物类型,质押件数,登记日,状态,出质人名称,出质人统一社会信用代码,出质人行政区划代码,质权人名称,担保债权数额（万元）';

interface PledgeFigures {
  readonly month: number;
  readonly ytd: number;
  readonly ytd_prev: number;
  readonly yoy_growth: number;
}

let work: string;
let before: CliResult;
let after: CliResult;

function runArgs(out: string): string[] {
  return ['run', '--input', path.join(work, 'input'), '--config', E2E_CONFIG, '--lake', path.join(work, 'lake'), '--out', path.join(work, out), '--period', '2025-06'];
}

async function shenzhenReport(out: string): Promise<{ indicators: Record<string, PledgeFigures>; data_quality: { by_dataset: Record<string, unknown> } }> {
  return JSON.parse(await readFile(path.join(work, out, 'reports', 'city=440300', 'period=2025-06', 'report.json'), 'utf8'));
}

function figures({ month, ytd, ytd_prev, yoy_growth }: PledgeFigures): PledgeFigures {
  return { month, ytd, ytd_prev, yoy_growth };
}

beforeAll(async () => {
  work = await tempDir('e2e-correction');
  await cp(E2E_INPUT_DIR, path.join(work, 'input'), { recursive: true });
  await rm(path.join(work, 'input', 'pledges', CORRECTION));
  before = await runCli(runArgs('out-before'));

  await cp(path.join(E2E_INPUT_DIR, 'pledges', CORRECTION), path.join(work, 'input', 'pledges', CORRECTION));
  await writeFile(
    path.join(work, 'input', 'pledges', '03-pledges-fix-rejected-row.csv'),
    `${PLEDGES_HEADER}\nP-BAD1,专利,1,2025-02-28,设立,深圳甲科技有限公司,91440305MA5F000189,440305,招商银行,100\n`,
  );
  after = await runCli(runArgs('out-after'));
});

describe('a month run again after corrections arrive', () => {
  it('before: P-2506 counts its first amount, 500 万', async () => {
    expect(before.exitCode).toBe(0);
    const { indicators } = await shenzhenReport('out-before');
    // ytd: P-2502 300 万 + P-2506 500 万; ytd_prev: P-2403 200 万
    expect(figures(indicators['pledge_amount_cny']!)).toEqual({ month: 5_000_000, ytd: 8_000_000, ytd_prev: 2_000_000, yoy_growth: 3 });
    expect(figures(indicators['pledge_project_count']!)).toEqual({ month: 1, ytd: 2, ytd_prev: 1, yoy_growth: 1 });
  });

  it('ingests only the two new files', () => {
    expect(after.exitCode).toBe(0);
    expect(after.stdout).toContain('ingested 2 new file(s) (8 already in the lake): 2 rows read, 0 rejected');
  });

  it('after: P-2506 counts its corrected 600 万 once, and the fixed P-BAD1 (100 万, 2025-02) counts', async () => {
    const { indicators } = await shenzhenReport('out-after');
    // ytd: 300 + 600 + 100 万; count P-2502, P-2506, P-BAD1
    expect(figures(indicators['pledge_amount_cny']!)).toEqual({ month: 6_000_000, ytd: 10_000_000, ytd_prev: 2_000_000, yoy_growth: 4 });
    expect(figures(indicators['pledge_project_count']!)).toEqual({ month: 1, ytd: 3, ytd_prev: 1, yoy_growth: 2 });
  });

  it('data_quality counts every file ever ingested: the rejected row of the first file stays counted', async () => {
    expect((await shenzhenReport('out-before')).data_quality.by_dataset['pledges']).toEqual({ rows_read: 15, rows_rejected: 1, latest_period: '2025-06' });
    expect((await shenzhenReport('out-after')).data_quality.by_dataset['pledges']).toEqual({ rows_read: 17, rows_rejected: 1, latest_period: '2025-06' });
  });
});
