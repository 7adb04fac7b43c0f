/**
 * Runs `node bin/ipstats.js …` as a child process, so exit statuses, stdout and stderr are the
 * ones an operator's script would see (no in-process shortcuts).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const E2E_FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/e2e/', import.meta.url));
export const E2E_INPUT_DIR = `${E2E_FIXTURE_DIR}input`;
export const E2E_CONFIG = `${E2E_FIXTURE_DIR}cities.json`;

export interface CliResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunCliOptions {
  /** Extra environment variables; CI is set so text logs stay quiet, as in a scheduled job. */
  readonly env?: Readonly<Record<string, string>>;
}

export function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['bin/ipstats.js', ...args],
      { cwd: PROJECT_ROOT, env: { ...process.env, CI: 'true', ...options.env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        // A non-zero exit is a result to assert on; only a failure to start is an error here.
        if (error && typeof error.code !== 'number') {
          reject(new Error(`could not run bin/ipstats.js ${args.join(' ')}: ${error.message}`, { cause: error }));
          return;
        }
        resolve({ exitCode: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

/** The arguments of `ipstats run` on the hand-computed fixture. */
export function fixtureRunArgs(lake: string, out: string, ...extra: string[]): string[] {
  return ['run', '--input', E2E_INPUT_DIR, '--config', E2E_CONFIG, '--lake', lake, '--out', out, ...extra];
}
