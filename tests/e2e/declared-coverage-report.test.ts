/**
 * A declared coverage flows from the command line to the figures (issue 9 §1): the hand-computed
 * fixture run with `--covers pledges=2022-01..2025-06` says its pledges extract covers 2022 too,
 * where it has no rows. 上海's base year 2022 then has a true 0 instead of no figure, so its
 * pledge CAGR says `zero_base` instead of `not_covered` (EXPECTED.md for the rest).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.ts';
import { validateWrittenReports } from '../support/validate-written-reports.ts';
import { fixtureRunArgs, runCli, type CliResult } from './support/run-cli.ts';

let work: string;
let run: CliResult;
const report = async (code: string) =>
  JSON.parse(await readFile(path.join(work, 'out', 'reports', `city=${code}`, 'period=2025-06', 'report.json'), 'utf8')) as Record<string, any>;

beforeAll(async () => {
  work = await tempDir('e2e-declared');
  run = await runCli(fixtureRunArgs(path.join(work, 'lake'), path.join(work, 'out'), '--period', '2025-06', '--covers', 'pledges=2022-01..2025-06'));
});

describe('a coverage declared on the command line', () => {
  it('makes the months without rows true zeros', async () => {
    expect(run.exitCode).toBe(0);
    const { indicators } = await report('310000');
    expect(indicators.pledge_amount_cny).toMatchObject({
      annual: { '2022': 0, '2023': 12_505_000, '2024': 1_802_500 },
      cagr_since_base: null,
      yoy_growth: -0.501558,
      status: 'behind',
      null_reasons: { cagr_since_base: 'zero_base', cumulative: 'not_applicable' },
    });
    // Transfers were not declared: 2022 is still outside their coverage.
    expect(indicators.ip_transfer_licence_count.null_reasons.annual).toEqual({ '2022': 'not_covered' });
  });

  it("is printed with the city's data quality: declared, and where", async () => {
    const { data_quality } = await report('310000');
    expect(data_quality.by_dataset.pledges.coverage).toEqual({
      first: '2022-01',
      last: '2025-06',
      runs: [{ first: '2022-01', last: '2025-06', basis: 'declared', declared_in: ['--covers'] }],
    });
    expect(data_quality.by_dataset.patent_events.coverage.runs).toEqual([{ first: '2023-01', last: '2025-06', basis: 'inferred' }]);
  });

  it('keeps the published JSON Schema: each report.json is valid for ajv against the report.schema.json beside it and docs/report.schema.json', async () => {
    expect(await validateWrittenReports(path.join(work, 'out'))).toEqual(['310000', '440300'].map((city) => ({ report: `reports/city=${city}/period=2025-06/report.json`, errors: [] })));
  });
});
