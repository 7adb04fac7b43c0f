/**
 * Runs one benchmark step in its own process (forked by run-step.ts), so the peak RSS it
 * reports belongs to that step alone. Usage: step-child.ts <step> <file> [typed|varchar] (how
 * step (c) types the columns); the result goes back over the IPC channel.
 */
import type { DuckdbColumns } from './bench-files.ts';
import { BENCH_STEPS, type BenchStepName, type StepCount, type StepResult } from './step-result.ts';
import { runDuckdbChecksStep } from './steps/duckdb-checks-step.ts';
import { BOUNDED_COPY_SETTINGS, runDuckdbCopyStep } from './steps/duckdb-copy-step.ts';
import { runIngestInDuckDbStep, runIngestStep } from './steps/ingest-step.ts';
import { runPapaparseStep } from './steps/papaparse-step.ts';

const RUNNERS: Readonly<Record<BenchStepName, (file: string, types: DuckdbColumns) => Promise<StepCount>>> = {
  papaparse: runPapaparseStep,
  ingest: runIngestStep,
  duckdb: runDuckdbCopyStep,
  'ingest-duckdb': runIngestInDuckDbStep,
  'duckdb-checks': runDuckdbChecksStep,
  'duckdb-bounded': (file, types) => runDuckdbCopyStep(file, types, BOUNDED_COPY_SETTINGS),
};

async function main(): Promise<void> {
  const [step, file, types = 'typed'] = process.argv.slice(2);
  if (!BENCH_STEPS.includes(step as BenchStepName) || file === undefined || (types !== 'typed' && types !== 'varchar')) {
    throw new Error(`step-child: expected <${BENCH_STEPS.join('|')}> <file> [typed|varchar], got ${process.argv.slice(2).join(' ')}`);
  }
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const count = await RUNNERS[step as BenchStepName](file, types);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const result: StepResult = {
    step: step as BenchStepName,
    ...count,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    // maxRSS is in kilobytes.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.send!(result);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
