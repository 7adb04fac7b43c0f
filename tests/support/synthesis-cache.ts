/**
 * One synthesis shared by every test file of a `vitest run` that asks for the same thing.
 * Synthesising the app with its real bundles takes ~15 s; each test file runs in its own
 * process, so without this every file paid for it again.
 *
 * The run's cache folder is named by the global setup (tests/support/global-setup.ts, which
 * removes it at teardown) and made only when a test first asks: runs that synthesise nothing
 * pay nothing. An entry is keyed by what it was asked for (a label and its parameters) and a
 * content hash of every source a synthesis reads (sourcesHash), so a source changed during a
 * run (watch mode) makes a new entry, never a stale one. An entry is written to a private
 * folder and renamed into place when complete; a folder lock makes the other test processes
 * asking for it at the same time wait for that one synthesis.
 *
 *   const assemblyDir = await cachedSynthesis('cdk.out', { context }, (outdir) => synthesizeIpstats(outdir, context));
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';
import { tempDir } from './temp-dir.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by tests/support/global-setup.ts: the run's synthesis cache (made on first use, removed at teardown). */
    synthesisCacheDir?: string;
  }
}

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
/** Everything a synthesis reads from the project: the app, the handlers and what is bundled beside them. */
const SOURCE_FOLDERS = ['infra', 'etl', 'functions', 'sql'];
/** What the bundles and the binding copied into them come from (.package-lock.json: what is installed). */
const SOURCE_FILES = ['package.json', 'package-lock.json', 'node_modules/.package-lock.json', 'tsconfig.json'];
/** Longer than the slowest synthesis seen (~40 s under load), far below a forgotten lock. */
const LOCK_WAIT_MS = 240_000;
const LOCK_POLL_MS = 250;

/**
 * The folder `synthesize(outdir)` wrote for these parameters, synthesised once per run and
 * sources. Without the global setup (a file run on its own by another runner), a synthesis
 * into a temporary folder of the test file.
 */
export async function cachedSynthesis(label: string, parameters: unknown, synthesize: (outdir: string) => string | Promise<string>): Promise<string> {
  const cacheDir = inject('synthesisCacheDir');
  if (cacheDir === undefined) return synthesize(path.join(await tempDir(label), 'out'));
  const key = createHash('sha256').update(JSON.stringify([label, parameters ?? null, sourcesHash()])).digest('hex').slice(0, 20);
  const entry = path.join(cacheDir, `${label}-${key}`);
  if (existsSync(entry)) return entry;
  await mkdir(cacheDir, { recursive: true });
  const lock = `${entry}.lock`;
  const waitUntil = Date.now() + LOCK_WAIT_MS;
  while (!(await tryMkdir(lock))) {
    if (existsSync(entry)) return entry;
    if (Date.now() > waitUntil) throw new Error(`gave up waiting for the synthesis ${path.basename(entry)} another test process holds (${lock})`);
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
  try {
    if (existsSync(entry)) return entry;
    const partial = `${entry}.partial-${randomBytes(4).toString('hex')}`;
    try {
      await synthesize(partial);
      await rename(partial, entry);
    } finally {
      await rm(partial, { recursive: true, force: true });
    }
    return entry;
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

async function tryMkdir(dir: string): Promise<boolean> {
  try {
    await mkdir(dir);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** SHA-256 over the path and bytes of every source file a synthesis reads (~3 MB, tens of ms). */
export function sourcesHash(): string {
  const hash = createHash('sha256');
  const files = [
    ...SOURCE_FOLDERS.flatMap((folder) => filesUnder(path.join(PROJECT_ROOT, folder))),
    ...SOURCE_FILES.map((file) => path.join(PROJECT_ROOT, file)).filter((file) => existsSync(file)),
  ].sort();
  for (const file of files) {
    hash.update(path.relative(PROJECT_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return entry.isFile() || statSync(full).isFile() ? [full] : [];
  });
}
