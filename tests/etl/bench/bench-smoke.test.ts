/** Runs the whole benchmark on 2,000 rows so it cannot rot; no timing is asserted. */
import { describe, expect, it } from 'vitest';
import { parseBenchOptions } from '../../../etl/bench/bench-options.ts';
import { ratioLines } from '../../../etl/bench/bench-report.ts';
import { runBench } from '../../../etl/bench/run-bench.ts';

describe('npm run bench', () => {
  it('measures the three steps in child processes and prints the rows and the ratios', async () => {
    const { results, lines } = await runBench(parseBenchOptions(['--rows', '2000']), () => {});
    expect(results.map((result) => [result.step, result.rows])).toEqual([
      ['papaparse', 2000],
      ['ingest', 2000],
      ['duckdb', 2000],
    ]);
    for (const result of results) {
      expect(result.seconds).toBeGreaterThan(0);
      expect(result.peakRssMb).toBeGreaterThan(10);
    }
    expect(lines[0]).toMatch(/^machine: \d+ cores .*node v\d+/);
    expect(lines).toContainEqual(expect.stringMatching(/^\(b\) ingestFile +2000 +\d+\.\d\d +\d+ +\d+\.\d\d +\d+$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ratio b\/c \(ingestFile ÷ DuckDB COPY, rows\/s\): \d+\.\d\d$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ratio b\/a \(ingestFile ÷ papaparse alone, rows\/s\): \d+\.\d\d$/));
  }, 60_000);

  it('divides throughputs for the ratios', () => {
    const result = (step: 'papaparse' | 'ingest' | 'duckdb', seconds: number) => ({ step, rows: 1000, seconds, cpuSeconds: seconds, peakRssMb: 100 });
    expect(ratioLines([result('papaparse', 1), result('ingest', 4), result('duckdb', 2)])).toEqual([
      'ratio b/c (ingestFile ÷ DuckDB COPY, rows/s): 0.50',
      'ratio b/a (ingestFile ÷ papaparse alone, rows/s): 0.25',
    ]);
  });

  it('reads --rows and --file, and names a bad option', () => {
    expect(parseBenchOptions(['--rows', '5000'])).toEqual({ rows: 5000, seed: 20_250_701 });
    expect(parseBenchOptions(['--file', '/data/x.csv'])).toEqual({ rows: 1_000_000, seed: 20_250_701, file: '/data/x.csv' });
    expect(() => parseBenchOptions(['--rows', '0'])).toThrow(/--rows must be a whole number ≥ 1, got 0/);
    expect(() => parseBenchOptions(['--fast'])).toThrow(/unknown option --fast/);
  });
});
