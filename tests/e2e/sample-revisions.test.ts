/**
 * `ipstats run` with no --input (what `npm start` runs) replays the shipped sample as two
 * deliveries: the November reports are published before the correction file arrives, so the
 * December reports list the figures the correction revised (docs/sample-data.md). A second run
 * changes nothing.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.ts';
import { validateWrittenReports } from '../support/validate-written-reports.ts';
import { runCli, type CliResult } from './support/run-cli.ts';

interface Revisions {
  readonly compared_with: { readonly period: string; readonly generated_at: string } | null;
  readonly changes: readonly { readonly indicator: string; readonly period: string; readonly sources: readonly { readonly file: string; readonly superseded_rows: number }[] }[];
}

let work: string;
let first: CliResult;
let second: CliResult;
const report = async (period: string) =>
  JSON.parse(await readFile(path.join(work, 'out', 'reports', 'city=310000', `period=${period}`, 'report.json'), 'utf8')) as { generated_at: string; revisions: Revisions };

beforeAll(async () => {
  work = await tempDir('e2e-sample');
  const args = ['run', '--lake', path.join(work, 'lake'), '--out', path.join(work, 'out')];
  first = await runCli(args);
  second = await runCli(args);
}, 180_000);

describe('npm start: the sample as two deliveries', () => {
  it('publishes November first, then December with the revisions of the correction', async () => {
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toContain("published first the reports of 2025-11, as they stood before the sample's correction file arrived:");
    expect(first.stdout).toMatch(/revisions of figures published in 2025-11 \(修订说明\): 310000 上海市 \d+/);
    const december = await report('2025-12');
    expect(december.revisions.compared_with?.period).toBe('2025-11');
    expect(december.revisions.changes.length).toBeGreaterThan(0);
    for (const change of december.revisions.changes) {
      // Only the correction revises, and only patent contract turnover (the correction re-sends technology contracts).
      expect(change.indicator).toBe('patent_contract_turnover_cny');
      expect(change.sources.map((source) => source.file)).toEqual(['tech_contracts_2025_correction.csv']);
      expect(change.period <= '2025-11').toBe(true);
    }
    expect(december.revisions.changes.some((change) => change.sources[0]!.superseded_rows > 0)).toBe(true);
  });

  it('a second run leaves November alone and publishes the same December figures', async () => {
    expect(second.exitCode).toBe(0);
    expect(second.stdout).not.toContain('published first the reports');
    expect(second.stdout).toContain('ingested 0 new file(s) (27 already in the lake)');
    const november = await report('2025-11');
    // November was published once: its report is the first run's (no version kept, none replaced).
    await expect(stat(path.join(work, 'out', 'reports', 'city=310000', 'period=2025-11', 'versions'))).rejects.toThrow();
    await expect(stat(path.join(work, 'out', 'reports', 'city=310000', 'period=2025-12', 'versions'))).rejects.toThrow();
    const december = await report('2025-12');
    expect(december.revisions.compared_with).toEqual({ period: '2025-11', generated_at: november.generated_at });
    expect(first.stdout.split('\n').filter((line) => line.startsWith('revisions of'))).toEqual(second.stdout.split('\n').filter((line) => line.startsWith('revisions of')));
  });

  it('every report.json of both months is valid for ajv against the report.schema.json beside it and docs/report.schema.json', async () => {
    const cities = ['310000', '320500', '330100', '420100', '440300', '510100'];
    const expected = ['2025-11', '2025-12'].flatMap((period) => cities.map((city) => ({ report: `reports/city=${city}/period=${period}/report.json`, errors: [] })));
    expect(await validateWrittenReports(path.join(work, 'out'))).toEqual(expected.sort((a, b) => (a.report < b.report ? -1 : 1)));
  });
});
