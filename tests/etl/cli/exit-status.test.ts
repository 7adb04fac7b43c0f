/**
 * Exit statuses of REPORT-CONTRACT.md, from a real child process: 0 done (rejected rows are
 * reported, not fatal), 1 failed with no report left behind, 2 bad usage or configuration,
 * 3 rejected rows under --strict. The independent commands start together to keep this fast.
 */
import { cp, mkdir, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp-dir.ts';
import { E2E_CONFIG, E2E_INPUT_DIR, fixtureRunArgs, runCli, type CliResult } from '../../e2e/support/run-cli.ts';

let work: string;
const results: Record<string, CliResult> = {};

function configWith(city: Record<string, unknown>): string {
  return JSON.stringify({ cities: [city] }, null, 2);
}

beforeAll(async () => {
  work = await tempDir('cli-exit');
  await writeFile(path.join(work, 'typo.json'), configWith({ code: '440300', name: '深圳市', programme_start_year: 2024, tagets: {} }));
  await writeFile(path.join(work, 'district.json'), configWith({ code: '440305', name: '南山区', programme_start_year: 2024 }));
  // The fixture plus a pledges file without most required columns: rejected whole.
  await cp(E2E_INPUT_DIR, path.join(work, 'input-broken'), { recursive: true });
  await writeFile(path.join(work, 'input-broken', 'pledges', '03-missing-columns.csv'), '质押登记号,质押物类型\nP-9,专利\n');
  await mkdir(path.join(work, 'out-broken'));

  const lake = (name: string) => path.join(work, name);
  const runs: Record<string, string[]> = {
    strict: fixtureRunArgs(lake('lake-strict'), lake('out-strict'), '--period', '2025-06', '--strict'),
    typoConfig: ['run', '--input', E2E_INPUT_DIR, '--config', path.join(work, 'typo.json'), '--lake', lake('lake-typo'), '--out', lake('out-typo')],
    districtConfig: ['run', '--input', E2E_INPUT_DIR, '--config', path.join(work, 'district.json'), '--lake', lake('lake-district'), '--out', lake('out-district')],
    badPeriod: fixtureRunArgs(lake('lake-period'), lake('out-period'), '--period', '2025-13'),
    unknownDataset: ['ingest', 'pledge', path.join(E2E_INPUT_DIR, 'pledges'), '--lake', lake('lake-dataset')],
    unknownCommand: ['frobnicate'],
    unknownOption: ['run', '--bogus'],
    fileRejected: ['run', '--input', path.join(work, 'input-broken'), '--config', E2E_CONFIG, '--lake', lake('lake-broken'), '--out', lake('out-broken'), '--period', '2025-06'],
    unconfiguredCity: ['report', '--city', '330100', '--config', E2E_CONFIG, '--lake', lake('lake-report'), '--out', lake('out-report')],
  };
  const entries = await Promise.all(Object.entries(runs).map(async ([name, args]) => [name, await runCli(args)] as const));
  for (const [name, result] of entries) results[name] = result;
  // Again on the lake the strict run filled: the files are already there, their rejected rows too.
  // The input now also holds a second copy of a pledges file (same bytes): one file, not two.
  await cp(E2E_INPUT_DIR, path.join(work, 'input-with-copy'), { recursive: true });
  await cp(path.join(E2E_INPUT_DIR, 'pledges', '01-pledges-2023-2025.csv'), path.join(work, 'input-with-copy', 'pledges', '04-copy.csv'));
  results['strictAgain'] = await runCli([
    'run', '--input', path.join(work, 'input-with-copy'), '--config', E2E_CONFIG, '--lake', lake('lake-strict'), '--out', lake('out-strict-again'), '--period', '2025-06', '--strict',
  ]);
});

describe('--strict', () => {
  it('exits 3 when rows were rejected, after writing the reports', () => {
    expect(results['strict']!.exitCode).toBe(3);
    expect(results['strict']!.stderr).toBe('ipstats: --strict: 4 row(s) were rejected\n');
    expect(existsSync(path.join(work, 'out-strict', 'reports', 'city=440300', 'period=2025-06', 'report.json'))).toBe(true);
  });

  it('still exits 3 when the same input is run again (its rows stay rejected), counting a copy of a file once', () => {
    expect(results['strictAgain']!.stdout).toContain('ingested 0 new file(s) (10 already in the lake)');
    expect(results['strictAgain']!.exitCode).toBe(3);
    expect(results['strictAgain']!.stderr).toBe('ipstats: --strict: 4 row(s) were rejected\n');
  });
});

describe('exit status 2: bad usage or configuration', () => {
  it('an unknown configuration key, naming the file, the JSON path and the key', () => {
    expect(results['typoConfig']!.exitCode).toBe(2);
    expect(results['typoConfig']!.stderr).toMatch(/typo\.json: \$\.cities\[0\]\.tagets: unknown key "tagets"; allowed keys: code, name, programme_start_year/);
    // The configuration is read before anything is ingested.
    expect(existsSync(path.join(work, 'lake-typo'))).toBe(false);
  });

  it('a district code where a city is expected, naming the value and the city it rolls up to', () => {
    expect(results['districtConfig']!.exitCode).toBe(2);
    expect(results['districtConfig']!.stderr).toMatch(/district\.json: \$\.cities\[0\]\.code: 440305 \(南山区\) is not a city-level code: it rolls up to 440300/);
  });

  it('--period 2025-13, naming the value', () => {
    expect(results['badPeriod']!.exitCode).toBe(2);
    expect(results['badPeriod']!.stderr).toBe("ipstats: --period '2025-13' is not a month in the form YYYY-MM (for example 2025-06)\n");
  });

  it('an unknown dataset for ingest, listing the datasets', () => {
    expect(results['unknownDataset']!.exitCode).toBe(2);
    expect(results['unknownDataset']!.stderr).toMatch(/^ipstats: unknown dataset 'pledge'; datasets are: patents, patent_events, .*pledges/);
  });

  it('an unknown command', () => {
    expect(results['unknownCommand']!.exitCode).toBe(2);
    expect(results['unknownCommand']!.stderr).toMatch(/^error: unknown command 'frobnicate'/);
  });

  it('an unknown option', () => {
    expect(results['unknownOption']!.exitCode).toBe(2);
    expect(results['unknownOption']!.stderr).toMatch(/^error: unknown option '--bogus'/);
  });

  it('a report for a city that is not configured', () => {
    expect(results['unconfiguredCity']!.exitCode).toBe(2);
    expect(results['unconfiguredCity']!.stderr).toMatch(/cities\.json: \$\.cities: no city with code "330100"; configured: 310000, 440300/);
  });
});

describe('exit status 1: a source file rejected whole', () => {
  it('fails, naming the file and the missing columns', () => {
    expect(results['fileRejected']!.exitCode).toBe(1);
    expect(results['fileRejected']!.stderr).toMatch(/ipstats: failed: 1 source file\(s\) rejected whole, so no report was written: .*03-missing-columns\.csv: pledges: the header lacks required columns ip_count \(质押件数\), registration_date \(登记日\)/);
    expect(results['fileRejected']!.stderr).toMatch(/^warning: file rejected dataset=pledges file=03-missing-columns\.csv status=file_rejected/m);
  });

  it('leaves no report behind', async () => {
    expect(await readdir(path.join(work, 'out-broken'))).toEqual([]);
  });
});
