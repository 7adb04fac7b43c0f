/**
 * `npm run bench [-- --rows N | --file PATH]`: measures the ingestion of a large patent_events
 * file against papaparse alone and DuckDB's own CSV → Parquet conversion. Each step runs in a
 * fresh child process, one after another, so each peak RSS is the step's own.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePatentEventsCsv } from '../sample/patent-events-stream.ts';
import { parseBenchOptions, type BenchOptions } from './bench-options.ts';
import { machineLine, ratioLines, resultTable } from './bench-report.ts';
import { runStepInChild } from './run-step.ts';
import { BENCH_STEPS, type StepResult } from './step-result.ts';

export interface BenchRun {
  readonly results: readonly StepResult[];
  readonly lines: readonly string[];
}

/** Runs every step; `print` receives each output line as soon as it is known. */
export async function runBench(options: BenchOptions, print: (line: string) => void = console.log): Promise<BenchRun> {
  const lines: string[] = [];
  const emit = (line: string) => {
    lines.push(line);
    print(line);
  };
  emit(machineLine());
  let generatedDir: string | undefined;
  let file = options.file;
  try {
    if (file === undefined) {
      generatedDir = await mkdtemp(path.join(tmpdir(), 'ipstats-bench-'));
      file = path.join(generatedDir, 'patent_events.csv');
      const started = performance.now();
      const written = await writePatentEventsCsv(file, options.rows, options.seed);
      emit(`generated ${written.rows} rows (${(written.bytes / 2 ** 20).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    emit(`file: ${file}`);
    const results: StepResult[] = [];
    for (const step of BENCH_STEPS) results.push(await runStepInChild(step, file));
    for (const line of [...resultTable(results), ...ratioLines(results)]) emit(line);
    return { results, lines };
  } finally {
    if (generatedDir !== undefined) await rm(generatedDir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runBench(parseBenchOptions(process.argv.slice(2))).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
