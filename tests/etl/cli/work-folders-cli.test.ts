/**
 * The CLI's temporary folders (they hold rejected rows with names): removed when the run is
 * interrupted (SIGINT, SIGTERM), and a killed run's leftovers removed by the next run, which says
 * so. Each child process gets its own TMPDIR, so nothing here touches other runs' folders.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { E2E_INPUT_DIR, PROJECT_ROOT, runCli } from '../../e2e/support/run-cli.ts';
import { tempDir } from '../../support/temp-dir.ts';

let work: string;
let bigPledges: string;

const ipstatsFoldersIn = async (folder: string) => (await readdir(folder)).filter((name) => name.startsWith('ipstats-'));

/** The pid of a process that has ended. */
function deadPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', '']);
    child.on('error', reject);
    child.on('exit', () => resolve(child.pid!));
  });
}

beforeAll(async () => {
  work = await tempDir('cli-work-folders');
  // Large enough that ingesting it takes a few seconds: the run is interrupted in the middle.
  const text = await readFile(path.join(E2E_INPUT_DIR, 'pledges', '01-pledges-2023-2025.csv'), 'utf8');
  const [header, ...rows] = text.trimEnd().split('\n');
  const body = rows.join('\n');
  const folder = path.join(work, 'big', 'pledges');
  await mkdir(folder, { recursive: true });
  bigPledges = path.join(folder, 'pledges.csv');
  await writeFile(bigPledges, `${header}\n${Array.from({ length: 12_000 }, () => body).join('\n')}\n`);
});

/** Starts an ingestion of the big file, sends `signal` once its work folder exists, and returns what it said. */
async function interruptIngestion(signal: 'SIGINT' | 'SIGTERM', name: string, extraArgs: readonly string[] = []) {
  const temp = path.join(work, `tmp-${name}`);
  await mkdir(temp);
  const child = spawn(process.execPath, ['bin/ipstats.js', ...extraArgs, 'ingest', 'pledges', bigPledges, '--lake', path.join(work, `lake-${name}`)], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, CI: 'true', TMPDIR: temp },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const prefix = `ipstats-work-${child.pid}-ingest-pledges-`;
  let folder: string | undefined;
  for (let waited = 0; folder === undefined && waited < 60_000; waited += 20) {
    folder = (await readdir(temp)).find((entry) => entry.startsWith(prefix));
    if (folder === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(folder, 'the ingestion made its work folder').toBeDefined();
  child.kill(signal);
  const status = await exited;
  return { temp, folder: path.join(temp, folder!), status, stderr };
}

describe('temporary folders of the CLI', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s during an ingestion removes the run\'s folders, says so and exits %i', async (signal, status) => {
    const interrupted = await interruptIngestion(signal, signal);
    expect(interrupted.status).toBe(status);
    expect(interrupted.stderr).toBe(`ipstats: removed the temporary folder ${interrupted.folder} of this run\nipstats: interrupted by ${signal}\n`);
    // (tsx keeps its compile cache in TMPDIR too.)
    expect(await ipstatsFoldersIn(interrupted.temp)).toEqual([]);
  });

  it('with --log-format json says the same in JSON lines', async () => {
    const interrupted = await interruptIngestion('SIGINT', 'json', ['--log-format', 'json']);
    expect(interrupted.status).toBe(130);
    const lines = interrupted.stderr.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    // After the ingestion's own info lines ('ingesting …'):
    expect(lines.filter(({ level }) => level !== 'info').map(({ time: _time, ...rest }) => rest)).toEqual([
      { level: 'warn', message: 'removed a temporary folder of this run', folder: interrupted.folder, signal: 'SIGINT' },
      { level: 'error', message: 'stopped', exit_status: 130, error: 'interrupted by SIGINT' },
    ]);
    expect(await ipstatsFoldersIn(interrupted.temp)).toEqual([]);
  });

  it("the next run removes a killed run's folders and says so; a running one's stay", async () => {
    const temp = path.join(work, 'tmp-leftovers');
    const pid = await deadPid();
    const leftover = path.join(temp, `ipstats-work-${pid}-ingest-pledges-abcdef`);
    const running = path.join(temp, `ipstats-work-${process.pid}-ingest-pledges-fedcba`);
    await mkdir(leftover, { recursive: true });
    await mkdir(running);
    await writeFile(path.join(leftover, 'rejects.jsonl'), '{"row":2}\n');
    const result = await runCli(['ingest', 'pledges', path.join(E2E_INPUT_DIR, 'pledges'), '--lake', path.join(work, 'lake-leftovers')], { env: { TMPDIR: temp } });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe(`warning: removed a temporary folder left by an earlier run folder=${leftover} pid=${pid} age_minutes=0\n`);
    expect(existsSync(leftover)).toBe(false);
    expect(await ipstatsFoldersIn(temp)).toEqual([path.basename(running)]);
  });
});
