/**
 * Runs `node bin/ipstats.js …` as a child process, so exit statuses, stdout and stderr are the
 * ones an operator's script would see (no in-process shortcuts).
 *
 * The children of one test file share a temporary folder (TMPDIR) of their own: a command removes
 * the work folders that a killed process left in its temp folder and says so on stderr, and a test
 * elsewhere in the suite that kills a process must not put that line into this file's output.
 */
import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../../support/temp-dir.ts';

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
  /** Working folder, against which relative paths and the defaults (`out/lake`, `out`) resolve. @default PROJECT_ROOT */
  readonly cwd?: string;
}

let fileTemp: Promise<string> | null = null;

/** The environment of a child: CI set, this test file's TMPDIR, then the test's own variables. */
export async function childEnv(extra: Readonly<Record<string, string>> = {}): Promise<NodeJS.ProcessEnv> {
  fileTemp ??= tempDir('cli-tmp');
  return { ...process.env, CI: 'true', TMPDIR: await fileTemp, ...extra };
}

export async function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliResult> {
  const env = await childEnv(options.env);
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [`${PROJECT_ROOT}bin/ipstats.js`, ...args],
      { cwd: options.cwd ?? PROJECT_ROOT, env, maxBuffer: 64 * 1024 * 1024 },
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

/**
 * Runs the CLI with its stdout closed from the start, like `ipstats … | head` once head has
 * read enough: every write of the command meets a closed pipe (EPIPE).
 */
export async function runCliWithClosedStdout(args: readonly string[]): Promise<Omit<CliResult, 'stdout'>> {
  const env = await childEnv();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/ipstats.js', ...args], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => reject(new Error(`could not run bin/ipstats.js ${args.join(' ')}: ${error.message}`, { cause: error })));
    child.on('close', (code, signal) => {
      if (code === null) reject(new Error(`bin/ipstats.js ${args.join(' ')} was killed by ${signal}`));
      else resolve({ exitCode: code, stderr });
    });
  });
}
