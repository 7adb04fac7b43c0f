/**
 * `npm run bench [-- --rows N] [--files utf8,gb18030,bad5] [--file PATH] [--seed N]`: measures
 * the ingestion of large patent_events files (bench-files.ts: clean UTF-8, the same rows in
 * GB18030, and 5 % broken rows) against papaparse alone and DuckDB's own CSV → Parquet
 * conversion. Each step runs in a fresh child process, one after another, so each peak RSS is
 * the step's own. The run fails after printing a file's table if a step miscounted its rows.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePatentEventsCsv } from '../sample/patent-events-stream.ts';
import { givenBenchFile, prepareBenchFile, type BenchFile, type CleanFile } from './bench-files.ts';
import { parseBenchOptions, type BenchOptions } from './bench-options.ts';
import { fileLine, machineLine, ratioLines, resultTable, summaryTable, type MeasuredFile } from './bench-report.ts';
import { resultProblems } from './check-results.ts';
import { runStepInChild } from './run-step.ts';
import { BENCH_STEPS, DUCKDB_READ_STEPS, type StepResult } from './step-result.ts';

export interface BenchRun {
  readonly measured: readonly MeasuredFile[];
  readonly lines: readonly string[];
}

const seconds = (started: number) => ((performance.now() - started) / 1000).toFixed(1);

async function measure(file: BenchFile): Promise<StepResult[]> {
  const results: StepResult[] = [];
  for (const step of BENCH_STEPS) {
    results.push(DUCKDB_READ_STEPS.includes(step) ? await runStepInChild(step, file.duckdbPath, file.duckdbColumns) : await runStepInChild(step, file.path));
  }
  return results;
}

/** Runs every step on every file; `print` receives each output line as soon as it is known. */
export async function runBench(options: BenchOptions, print: (line: string) => void = console.log): Promise<BenchRun> {
  const lines: string[] = [];
  const emit = (line: string) => {
    lines.push(line);
    print(line);
  };
  const measured: MeasuredFile[] = [];
  const report = (file: BenchFile, results: StepResult[]) => {
    for (const line of [...resultTable(file, results), ...ratioLines(file.name, results)]) emit(line);
    measured.push({ file, results });
    const problems = resultProblems(file, results);
    if (problems.length > 0) throw new Error(`bench: ${problems.join('; ')}`);
  };
  emit(machineLine());
  if (options.file !== undefined) {
    const file = givenBenchFile(options.file, (await stat(options.file)).size);
    emit(fileLine(file));
    report(file, await measure(file));
    return { measured, lines };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'ipstats-bench-'));
  try {
    let started = performance.now();
    const cleanPath = path.join(dir, 'patent_events.csv');
    const clean: CleanFile = { path: cleanPath, ...(await writePatentEventsCsv(cleanPath, options.rows, options.seed)) };
    emit(`generated ${clean.rows} rows (${(clean.bytes / 2 ** 20).toFixed(1)} MB UTF-8, seed ${options.seed}) in ${seconds(started)} s`);
    for (const name of options.files) {
      started = performance.now();
      const file = await prepareBenchFile(name, clean, options.seed);
      emit('');
      emit(`${fileLine(file)} (ready in ${seconds(started)} s)`);
      try {
        report(file, await measure(file));
      } finally {
        if (file.path !== clean.path) await rm(file.path, { force: true });
      }
    }
    emit('');
    for (const line of summaryTable(measured)) emit(line);
    return { measured, lines };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runBench(parseBenchOptions(process.argv.slice(2))).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
