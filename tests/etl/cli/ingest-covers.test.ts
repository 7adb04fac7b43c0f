/**
 * Declaring coverage on the command line and beside the files, as an operator does it: what
 * `ingest` prints, the warning about rows outside, re-declaring, and the usage errors (exit 2).
 */
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp-dir.ts';
import { E2E_INPUT_DIR, runCli, type CliResult } from '../../e2e/support/run-cli.ts';

const FIRST = '01-pledges-2023-2025.csv';
const CORRECTION = '02-pledges-2025-06-correction.csv';

/** The rows of the table `ingest` prints, as cells (columns are separated by two or more spaces). */
function tableRows(stdout: string): string[][] {
  const lines = stdout.trimEnd().split('\n');
  const separator = lines.findIndex((line) => /^-+(\s+-+)+$/.test(line));
  return lines.slice(separator + 1).filter((line) => !line.startsWith('lake: ')).map((line) => line.split(/\s{2,}/));
}

let work: string;
const results: Record<string, CliResult> = {};

beforeAll(async () => {
  work = await tempDir('cli-covers');
  const pledges = path.join(work, 'input', 'pledges');
  await mkdir(path.dirname(pledges), { recursive: true });
  await cp(path.join(E2E_INPUT_DIR, 'pledges'), pledges, { recursive: true });
  await writeFile(path.join(pledges, 'coverage.json'), JSON.stringify({ covers: '2023-01..2025-06', files: { [CORRECTION]: '2025-06..2025-06' } }));
  const broken = path.join(work, 'broken', 'pledges');
  await mkdir(broken, { recursive: true });
  await cp(path.join(E2E_INPUT_DIR, 'pledges', FIRST), path.join(broken, FIRST));
  await writeFile(path.join(broken, 'coverage.json'), JSON.stringify({ files: { 'missing.csv': '2025-01..2025-03' } }));

  const lake = path.join(work, 'lake');
  results['folder'] = await runCli(['ingest', 'pledges', pledges, '--lake', lake]);
  results['redeclared'] = await runCli(['ingest', 'pledges', path.join(pledges, FIRST), '--covers', '2024-01..2025-03', '--lake', lake]);
  const usage = {
    badRange: ['ingest', 'pledges', pledges, '--covers', '2019-1..2025-03', '--lake', path.join(work, 'lake-bad-range')],
    reversed: ['ingest', 'pledges', pledges, '--covers', '2025-03..2019-01', '--lake', path.join(work, 'lake-reversed')],
    notDeclarable: ['ingest', 'enterprises', path.join(E2E_INPUT_DIR, 'enterprises'), '--covers', '2024-01..2025-03', '--lake', path.join(work, 'lake-enterprises')],
    badCoverageFile: ['ingest', 'pledges', broken, '--lake', path.join(work, 'lake-broken')],
    runHelp: ['run', '--help'],
    runBadRange: ['run', '--covers', '2019-01..2025-03', '--covers', 'pledges=2019-01..2025-3', '--lake', path.join(work, 'lake-run-bad')],
    runUnknownDataset: ['run', '--covers', 'pledge=2019-01..2025-03', '--lake', path.join(work, 'lake-run-unknown')],
  };
  const entries = await Promise.all(Object.entries(usage).map(async ([name, args]) => [name, await runCli(args)] as const));
  for (const [name, result] of entries) results[name] = result;
});

describe('ipstats ingest with declared coverage', () => {
  it('takes each file\'s declaration from coverage.json and shows it in a coverage column', () => {
    expect(results['folder']!.exitCode).toBe(0);
    expect(results['folder']!.stdout.split('\n')[0]).toMatch(/^file {2,}status {2,}read {2,}accepted {2,}rejected {2}coverage {2,}rejects$/);
    expect(tableRows(results['folder']!.stdout).map((row) => row.slice(0, 6))).toEqual([
      [FIRST, 'ingested', '15', '14', '1', '2023-01..2025-06 (pledges/coverage.json)'],
      [CORRECTION, 'ingested', '1', '1', '0', '2025-06..2025-06 (pledges/coverage.json)'],
    ]);
    expect(results['folder']!.stderr).toBe('');
  });

  it('--covers on bytes already ingested updates the declaration and warns about the months outside it', () => {
    expect(results['redeclared']!.exitCode).toBe(0);
    expect(tableRows(results['redeclared']!.stdout).map((row) => row.slice(0, 6))).toEqual([
      [FIRST, 'coverage declaration updated', '15', '14', '1', '2024-01..2025-03 (--covers)'],
    ]);
    expect(results['redeclared']!.stderr).toBe(
      `warning: rows outside the declared coverage dataset=pledges file=${FIRST} warning=accepted rows of 2023-01, 2023-06, 2023-09, 2025-04..2025-06 ` +
        'lie outside the declared coverage 2024-01..2025-03: figures for months outside the declared coverage are not published\n',
    );
  });
});

describe('exit status 2 for a declaration that cannot be used, before anything is ingested', () => {
  it('a malformed range and a reversed one', () => {
    expect([results['badRange']!.exitCode, results['badRange']!.stderr]).toEqual([2, "ipstats: --covers '2019-1..2025-03' is not a month range FROM..TO such as 2019-01..2025-03\n"]);
    expect([results['reversed']!.exitCode, results['reversed']!.stderr]).toEqual([2, "ipstats: --covers '2025-03..2019-01': FROM is after TO\n"]);
    expect(existsSync(path.join(work, 'lake-bad-range'))).toBe(false);
  });

  it('a dataset whose coverage cannot be declared', () => {
    expect(results['notDeclarable']!.exitCode).toBe(2);
    expect(results['notDeclarable']!.stderr).toBe('ipstats: --covers: enterprises is a reference dataset without dates: it has no coverage to declare\n');
    expect(existsSync(path.join(work, 'lake-enterprises'))).toBe(false);
  });

  it('a coverage.json naming a file that is not in the folder', () => {
    const folder = path.join(work, 'broken', 'pledges');
    expect(results['badCoverageFile']!.exitCode).toBe(2);
    expect(results['badCoverageFile']!.stderr).toBe(
      `ipstats: ${folder}/coverage.json: $.files["missing.csv"]: no source file of that name in ${folder}; source files there: ${FIRST} (got "2025-01..2025-03")\n`,
    );
    expect(existsSync(path.join(work, 'lake-broken'))).toBe(false);
  });
});

describe('ipstats run --covers', () => {
  it('is in run --help', () => {
    expect(results['runHelp']!.exitCode).toBe(0);
    expect(results['runHelp']!.stdout.replace(/\s+/g, ' ')).toContain(
      ' --covers <[DATASET=]FROM..TO> months the input files cover, e.g. 2019-01..2025-03 (every monthly dataset) or pledges=2019-01..2025-03 (that dataset); repeatable; wins over coverage.json --strict ',
    );
  });

  it('a malformed range of one dataset, and an unknown dataset listing the ones whose coverage can be declared', () => {
    expect([results['runBadRange']!.exitCode, results['runBadRange']!.stderr]).toEqual([
      2,
      "ipstats: --covers 'pledges=2019-01..2025-3': '2019-01..2025-3' is not a month range FROM..TO such as 2019-01..2025-03\n",
    ]);
    expect([results['runUnknownDataset']!.exitCode, results['runUnknownDataset']!.stderr]).toEqual([
      2,
      "ipstats: --covers 'pledge=2019-01..2025-03': unknown dataset 'pledge'; datasets whose coverage can be declared: patents, patent_events, trademarks, trademark_events, pledges, gi_output, tech_contracts, programme_records\n",
    ]);
    expect(existsSync(path.join(work, 'lake-run-bad'))).toBe(false);
  });
});
