/**
 * Exit statuses of docs/report-contract.md, from a real child process: 0 done (rejected rows are
 * reported, not fatal), 1 failed with no report left behind, 2 bad usage or configuration,
 * 3 rejected rows under --strict. The independent commands start together to keep this fast.
 */
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
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
  // The fixture plus a pledges file without most required columns (rejected whole, it blocks
  // pledges), one after it, which is then not ingested, and notes that are no source file.
  await cp(E2E_INPUT_DIR, path.join(work, 'input-broken'), { recursive: true });
  await writeFile(path.join(work, 'input-broken', 'pledges', '03-missing-columns.csv'), '质押登记号,质押物类型\nP-9,专利\n');
  await cp(path.join(E2E_INPUT_DIR, 'pledges', '02-pledges-2025-06-correction.csv'), path.join(work, 'input-broken', 'pledges', '04-after.csv'));
  await writeFile(path.join(work, 'input-broken', 'pledges', 'notes.md'), 'delivered 2025-07-03\n');
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
    fileRejectedStrict: ['run', '--input', path.join(work, 'input-broken'), '--config', E2E_CONFIG, '--lake', lake('lake-broken-strict'), '--out', lake('out-broken-strict'), '--period', '2025-06', '--strict'],
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
  // Ten commands at once, each a Node process with DuckDB: minutes on a loaded 2-core machine.
}, 240_000);

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

describe('a source file that cannot be read blocks its own dataset only', () => {
  it('exits 0, saying which file blocked which dataset and what was not ingested after it', () => {
    expect(results['fileRejected']!.exitCode).toBe(0);
    expect(results['fileRejected']!.stdout).toContain(
      '1 dataset(s) blocked by a file that could not be read; the reports show their figures only as far as their ingested data goes (fix the file and run again):\n' +
        '  pledges: blocked by 03-missing-columns.csv: pledges: the header lacks required columns ip_count (质押件数), registration_date (登记日), status (状态), ' +
        'pledgor_name (出质人名称), pledgor_city_code (出质人行政区划代码), pledgee_name (质权人名称), secured_amount_cny (担保债权数额)\n' +
        '    not ingested after it: 04-after.csv\n',
    );
    expect(results['fileRejected']!.stderr).toMatch(/^warning: file rejected dataset=pledges file=03-missing-columns\.csv status=file_rejected/m);
    expect(results['fileRejected']!.stderr).toMatch(/^warning: dataset blocked dataset=pledges file=03-missing-columns\.csv not_ingested=1 error=/m);
  });

  it('still ingests the other datasets and writes the reports', async () => {
    expect(results['fileRejected']!.stdout).toContain('ingested 9 new file(s) (0 already in the lake)');
    expect(await readdir(path.join(work, 'out-broken', 'reports'))).toEqual(['city=310000', 'city=440300']);
  });

  it('names the blocking file in every report: report.json, above the data-quality tables in report.html, and in report.xlsx', async () => {
    const folder = path.join(work, 'out-broken', 'reports', 'city=440300', 'period=2025-06');
    const report = JSON.parse(await readFile(path.join(folder, 'report.json'), 'utf8')) as { data_quality: { lake: { by_dataset: Record<string, { files_rejected_whole: unknown[] }> } } };
    expect(report.data_quality.lake.by_dataset['pledges']!.files_rejected_whole).toEqual([
      {
        file: '03-missing-columns.csv',
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        rejected_at: expect.stringMatching(/Z$/),
        reason: expect.stringMatching(/^pledges: the header lacks required columns ip_count \(质押件数\)/),
      },
    ]);
    expect(report.data_quality.lake.by_dataset['patent_events']!.files_rejected_whole).toEqual([]);
    expect(await readFile(path.join(folder, 'report.html'), 'utf8')).toMatch(/<li>知识产权质押登记 <code>pledges<\/code>：03-missing-columns\.csv（\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC 拒收；原因：pledges: the header lacks required columns/);
  });

  it('with --strict is an error, exit 3, after writing the reports, naming the rejected rows, the files not ingested and the blocking file', () => {
    expect(results['fileRejectedStrict']!.exitCode).toBe(3);
    expect(results['fileRejectedStrict']!.stdout).toContain(`not ingested: 1 file(s) or folder(s) of the input\n  ${path.join(work, 'input-broken', 'pledges', 'notes.md')}: not a source file`);
    expect(results['fileRejectedStrict']!.stderr).toMatch(
      /^ipstats: --strict: 4 row\(s\) were rejected and 1 file\(s\) or folder\(s\) of the input were not ingested; 1 file\(s\) could not be read and blocked their dataset: pledges\/03-missing-columns\.csv\n$/m,
    );
    expect(existsSync(path.join(work, 'out-broken-strict', 'reports', 'city=440300', 'period=2025-06', 'report.json'))).toBe(true);
  });
});
