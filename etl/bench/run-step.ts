/** Forks step-child.ts for one step and waits for its result. */
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DuckdbColumns } from './bench-files.ts';
import type { BenchStepName, StepResult } from './step-result.ts';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
/** `--import tsx` resolves tsx from the working directory: the project root. */
const PROJECT_ROOT = path.resolve(BENCH_DIR, '..', '..');

export function runStepInChild(step: BenchStepName, file: string, types: DuckdbColumns = 'typed'): Promise<StepResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(BENCH_DIR, 'step-child.ts'), [step, file, types], {
      cwd: PROJECT_ROOT,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    let result: StepResult | undefined;
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
    });
    child.on('message', (message) => {
      result = message as StepResult;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (result !== undefined && code === 0) resolve(result);
      else reject(new Error(`bench step ${step} failed (exit ${code ?? signal}) on ${file}:\n${stderr.trim()}`));
    });
  });
}
