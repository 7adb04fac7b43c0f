/**
 * Runs one benchmark step in its own process (forked by run-step.ts), so the peak RSS it
 * reports belongs to that step alone. Usage: step-child.ts <step> <file>; the result goes back
 * over the IPC channel.
 */
import { BENCH_STEPS, type BenchStepName, type StepResult } from './step-result.ts';
import { runDuckdbCopyStep } from './steps/duckdb-copy-step.ts';
import { runIngestStep } from './steps/ingest-step.ts';
import { runPapaparseStep } from './steps/papaparse-step.ts';

const RUNNERS: Readonly<Record<BenchStepName, (file: string) => Promise<number>>> = {
  papaparse: runPapaparseStep,
  ingest: runIngestStep,
  duckdb: runDuckdbCopyStep,
};

async function main(): Promise<void> {
  const [step, file] = process.argv.slice(2);
  if (!BENCH_STEPS.includes(step as BenchStepName) || file === undefined) {
    throw new Error(`step-child: expected <${BENCH_STEPS.join('|')}> <file>, got ${process.argv.slice(2).join(' ')}`);
  }
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const rows = await RUNNERS[step as BenchStepName](file);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const result: StepResult = {
    step: step as BenchStepName,
    rows,
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
