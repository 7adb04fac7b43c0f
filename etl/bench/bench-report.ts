/** The benchmark's printed output: the machine, a table of the steps, then the ratios. */
import os from 'node:os';
import { STEP_LABELS, type BenchStepName, type StepResult } from './step-result.ts';

export function machineLine(): string {
  const cpus = os.cpus();
  return `machine: ${os.availableParallelism()} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)}`;
}

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!))).join('  ');
}

export function resultTable(results: readonly StepResult[]): string[] {
  const header = ['step', 'rows', 'seconds', 'rows/s', 'cpu s', 'peak RSS MB'];
  const rows = results.map((result) => [
    STEP_LABELS[result.step],
    String(result.rows),
    result.seconds.toFixed(2),
    String(Math.round(result.rows / result.seconds)),
    result.cpuSeconds.toFixed(2),
    String(Math.round(result.peakRssMb)),
  ]);
  const widths = header.map((cell, index) => Math.max(cell.length, ...rows.map((row) => row[index]!.length)));
  return [pad(header, widths), ...rows.map((row) => pad(row, widths))];
}

/** Throughput ratios: b/c ≥ 0.3 means ingestion runs at least 30 % as fast as DuckDB's bare conversion. */
export function ratioLines(results: readonly StepResult[]): string[] {
  const byStep = new Map<BenchStepName, StepResult>(results.map((result) => [result.step, result]));
  const throughput = (step: BenchStepName) => {
    const result = byStep.get(step);
    return result === undefined ? undefined : result.rows / result.seconds;
  };
  const ratio = (over: BenchStepName, under: BenchStepName) => {
    const top = throughput(over);
    const bottom = throughput(under);
    return top === undefined || bottom === undefined ? 'n/a' : (top / bottom).toFixed(2);
  };
  return [`ratio b/c (ingestFile ÷ DuckDB COPY, rows/s): ${ratio('ingest', 'duckdb')}`, `ratio b/a (ingestFile ÷ papaparse alone, rows/s): ${ratio('ingest', 'papaparse')}`];
}
