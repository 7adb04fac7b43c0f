/** The benchmark's printed output: the machine, then for each file a table of the steps and the ratios, then a summary. */
import os from 'node:os';
import type { BenchFile } from './bench-files.ts';
import { DUCKDB_READ_STEPS, STEP_LABELS, type BenchStepName, type StepResult } from './step-result.ts';

export function machineLine(): string {
  const cpus = os.cpus();
  return `machine: ${os.availableParallelism()} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)}`;
}

const megabytes = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

export function fileLine(file: BenchFile): string {
  return `file ${file.name}: ${file.rows === undefined ? '' : `${file.rows} rows, `}${megabytes(file.bytes)} MB, ${file.note}`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((cell, index) => Math.max(cell.length, ...rows.map((row) => row[index]!.length)));
  const pad = (cells: readonly string[]) => cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!))).join('  ');
  return [pad(header), ...rows.map(pad)];
}

const LETTER: Readonly<Record<BenchStepName, string>> = { papaparse: 'a', ingest: 'b', duckdb: 'c', 'ingest-duckdb': 'd', 'duckdb-checks': 'e', 'duckdb-bounded': 'f' };

/** `(c)` (and the other steps reading as it does) says when it read another file than (a) and (b), or read text only. */
function stepLabel(step: BenchStepName, file: BenchFile): string {
  if (!DUCKDB_READ_STEPS.includes(step)) return STEP_LABELS[step];
  return STEP_LABELS[step] + (file.duckdbPath !== file.path ? ' [UTF-8 twin]' : '') + (file.duckdbColumns === 'varchar' ? ' [all VARCHAR]' : '');
}

export function resultTable(file: BenchFile, results: readonly StepResult[]): string[] {
  return table(
    ['step', 'rows', 'rejected', 'cpu s', 'wall s', 'rows/s', 'peak RSS MB'],
    results.map((result) => [
      stepLabel(result.step, file),
      String(result.rows),
      result.rejected === undefined ? '-' : String(result.rejected),
      result.cpuSeconds.toFixed(2),
      result.seconds.toFixed(2),
      String(Math.round(result.rows / result.seconds)),
      String(Math.round(result.peakRssMb)),
    ]),
  );
}

/** Throughput ratio over ÷ under, by wall rows/s and by rows per CPU second: b/c ≥ 0.3 means ingestion runs at least 30 % as fast as DuckDB. */
export function ratios(results: readonly StepResult[], over: BenchStepName, under: BenchStepName): { byWall: string; byCpu: string } {
  const top = results.find((result) => result.step === over);
  const bottom = results.find((result) => result.step === under);
  if (top === undefined || bottom === undefined) return { byWall: 'n/a', byCpu: 'n/a' };
  return {
    byWall: (top.rows / top.seconds / (bottom.rows / bottom.seconds)).toFixed(2),
    byCpu: (top.rows / top.cpuSeconds / (bottom.rows / bottom.cpuSeconds)).toFixed(2),
  };
}

export function ratioLines(name: string, results: readonly StepResult[]): string[] {
  const line = (over: BenchStepName, under: BenchStepName, what: string) => {
    const { byWall, byCpu } = ratios(results, over, under);
    return `ratio ${LETTER[over]}/${LETTER[under]} ${name} (${what}): ${byWall} by rows/s, ${byCpu} by rows per CPU s`;
  };
  return [
    line('ingest', 'duckdb', 'ingestFile ÷ DuckDB COPY'),
    line('ingest-duckdb', 'duckdb', 'ingestFile engine duckdb ÷ DuckDB COPY'),
    line('duckdb-checks', 'duckdb', 'the checks alone ÷ DuckDB COPY: a ceiling for d/c'),
    line('ingest', 'papaparse', 'ingestFile ÷ papaparse alone'),
  ];
}

export interface MeasuredFile {
  readonly file: BenchFile;
  readonly results: readonly StepResult[];
}

/** One line a file: the b/c and d/c ratios, what steps (b) and (d) cost and rejected, and the floors (e) and (f) set. */
export function summaryTable(measured: readonly MeasuredFile[]): string[] {
  return table(
    ['summary', 'rows', 'MB', 'b/c rows/s', 'b/c CPU', '(b) rejected', '(b) peak RSS MB', 'd/c rows/s', 'd/c CPU', '(d) peak RSS MB', '(d) read by', 'e/c CPU', '(f) peak RSS MB'],
    measured.map(({ file, results }) => {
      const ingest = results.find((result) => result.step === 'ingest');
      const { byWall, byCpu } = ratios(results, 'ingest', 'duckdb');
      const inDuckDb = results.find((result) => result.step === 'ingest-duckdb');
      const d = ratios(results, 'ingest-duckdb', 'duckdb');
      const checks = ratios(results, 'duckdb-checks', 'duckdb');
      const bounded = results.find((result) => result.step === 'duckdb-bounded');
      return [
        file.name,
        String(file.rows ?? '?'),
        megabytes(file.bytes),
        byWall,
        byCpu,
        String(ingest?.rejected ?? '?'),
        ingest === undefined ? '?' : String(Math.round(ingest.peakRssMb)),
        d.byWall,
        d.byCpu,
        inDuckDb === undefined ? '?' : String(Math.round(inDuckDb.peakRssMb)),
        inDuckDb === undefined ? '?' : inDuckDb.fallback === undefined ? 'DuckDB' : 'JavaScript',
        checks.byCpu,
        bounded === undefined ? '?' : String(Math.round(bounded.peakRssMb)),
      ];
    }),
  );
}
