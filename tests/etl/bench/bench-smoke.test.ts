/** Runs the whole benchmark on 2,000 rows of each file so it cannot rot; no timing is asserted. */
import { describe, expect, it } from 'vitest';
import type { BenchFile } from '../../../etl/bench/bench-files.ts';
import { parseBenchOptions } from '../../../etl/bench/bench-options.ts';
import { ratioLines } from '../../../etl/bench/bench-report.ts';
import { resultProblems } from '../../../etl/bench/check-results.ts';
import { runBench } from '../../../etl/bench/run-bench.ts';
import type { BenchStepName, StepResult } from '../../../etl/bench/step-result.ts';

describe('npm run bench', () => {
  it('measures the six steps on the three files in child processes and prints the rows and the ratios', async () => {
    const { measured, lines } = await runBench(parseBenchOptions(['--rows', '2000']), () => {});
    expect(measured.map(({ file }) => [file.name, file.rows, file.rejected])).toEqual([
      ['utf8', 2000, 0],
      ['gb18030', 2000, 0],
      ['bad5', 2000, 100],
    ]);
    for (const { results } of measured) {
      expect(results.map((result) => [result.step, result.rows, result.rejected])).toEqual([
        ['papaparse', 2000, undefined],
        ['ingest', 2000, expect.any(Number)],
        ['duckdb', 2000, undefined],
        ['ingest-duckdb', 2000, expect.any(Number)],
        ['duckdb-checks', 2000, expect.any(Number)],
        ['duckdb-bounded', 2000, undefined],
      ]);
      // DuckDB read every one of the bench's files itself (no fallback to the JavaScript way).
      expect(results[3]!.fallback).toBeUndefined();
      for (const result of results) {
        expect(result.seconds).toBeGreaterThan(0);
        expect(result.peakRssMb).toBeGreaterThan(10);
      }
    }
    expect(measured[2]!.results[1]!.rejected).toBe(100);
    expect(measured[2]!.results[3]!.rejected).toBe(100);
    // The checks alone find the same bad rows as both ingestions, and none in the clean files.
    expect(measured.map(({ results }) => results[4]!.rejected)).toEqual([0, 0, 100]);
    expect(lines[0]).toMatch(/^machine: \d+ cores .*node v\d+.*load average \d+\.\d$/);
    expect(lines).toContainEqual(expect.stringMatching(/^\(b\) ingestFile +2000 +100 +\d+\.\d\d +\d+\.\d\d +\d+ +\d+$/));
    expect(lines).toContainEqual(expect.stringMatching(/^\(c\) DuckDB COPY csv→parquet \[UTF-8 twin\] +2000 +- /));
    expect(lines).toContainEqual(expect.stringMatching(/^\(c\) DuckDB COPY csv→parquet \[all VARCHAR\] +2000 +- /));
    expect(lines).toContainEqual(expect.stringMatching(/^\(e\) the checks alone in DuckDB \[UTF-8 twin\] +2000 +0 /));
    expect(lines).toContainEqual(expect.stringMatching(/^\(f\) \(c\) with 1 thread, 128 MiB \[all VARCHAR\] +2000 +- /));
    for (const name of ['utf8', 'gb18030', 'bad5']) {
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^file ${name}: 2000 rows, \\d+\\.\\d MB, `)));
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^ratio b/c ${name} \\(ingestFile ÷ DuckDB COPY\\): \\d+\\.\\d\\d by rows/s, \\d+\\.\\d\\d by rows per CPU s$`)));
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^ratio d/c ${name} \\(ingestFile engine duckdb ÷ DuckDB COPY\\): \\d+\\.\\d\\d by rows/s, \\d+\\.\\d\\d by rows per CPU s$`)));
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^ratio e/c ${name} \\(the checks alone ÷ DuckDB COPY: a ceiling for d/c\\): \\d+\\.\\d\\d by rows/s, \\d+\\.\\d\\d by rows per CPU s$`)));
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${name} +2000 +\\d+\\.\\d +\\d+\\.\\d\\d +\\d+\\.\\d\\d +${name === 'bad5' ? 100 : 0} +\\d+ +\\d+\\.\\d\\d +\\d+\\.\\d\\d +\\d+ +DuckDB +\\d+\\.\\d\\d +\\d+$`)));
    }
  }, 60_000);

  const result = (step: BenchStepName, seconds: number, cpuSeconds: number, rejected?: number): StepResult => ({
    step,
    rows: 1000,
    seconds,
    cpuSeconds,
    peakRssMb: 100,
    ...(rejected === undefined ? {} : { rejected }),
  });

  it('divides throughputs for the ratios, by wall time and by CPU time', () => {
    expect(ratioLines('utf8', [result('papaparse', 1, 1), result('ingest', 4, 8), result('duckdb', 2, 2)])).toEqual([
      'ratio b/c utf8 (ingestFile ÷ DuckDB COPY): 0.50 by rows/s, 0.25 by rows per CPU s',
      'ratio d/c utf8 (ingestFile engine duckdb ÷ DuckDB COPY): n/a by rows/s, n/a by rows per CPU s',
      'ratio e/c utf8 (the checks alone ÷ DuckDB COPY: a ceiling for d/c): n/a by rows/s, n/a by rows per CPU s',
      'ratio b/a utf8 (ingestFile ÷ papaparse alone): 0.25 by rows/s, 0.13 by rows per CPU s',
    ]);
  });

  it('fails loudly when the ingestion rejects other rows than those the bench broke', () => {
    const bad5: BenchFile = { name: 'bad5', path: 'b.csv', duckdbPath: 'b.csv', duckdbColumns: 'varchar', bytes: 1, rows: 1000, rejected: 50, note: '' };
    expect(resultProblems(bad5, [result('ingest', 1, 1, 50), result('duckdb', 1, 1)])).toEqual([]);
    expect(resultProblems(bad5, [result('ingest', 1, 1, 49)])).toEqual(['bad5: (b) ingestFile rejected 49 rows, the bench broke 50']);
    expect(resultProblems(bad5, [result('duckdb-checks', 1, 1, 51)])).toEqual(['bad5: (e) the checks alone in DuckDB rejected 51 rows, the bench broke 50']);
    expect(resultProblems({ ...bad5, rows: 1001 }, [result('duckdb', 1, 1)])).toEqual(['bad5: (c) DuckDB COPY csv→parquet counted 1000 rows, the file has 1001']);
  });

  it('reads --rows, --files and --file, and names a bad option', () => {
    expect(parseBenchOptions(['--rows', '5000'])).toEqual({ rows: 5000, files: ['utf8', 'gb18030', 'bad5'], seed: 20_250_701 });
    expect(parseBenchOptions(['--', '--files', 'bad5,utf8', '--seed', '3'])).toEqual({ rows: 1_000_000, files: ['bad5', 'utf8'], seed: 3 });
    expect(parseBenchOptions(['--file', '/data/x.csv'])).toMatchObject({ file: '/data/x.csv' });
    expect(() => parseBenchOptions(['--rows', '0'])).toThrow(/--rows must be a whole number ≥ 1, got 0/);
    expect(() => parseBenchOptions(['--files', 'utf8,latin1'])).toThrow(/--files takes utf8, gb18030, bad5, got latin1/);
    expect(() => parseBenchOptions(['--file', 'x.csv', '--files', 'utf8'])).toThrow(/use one of them/);
    expect(() => parseBenchOptions(['--fast'])).toThrow(/unknown option --fast/);
  });
});
