/**
 * Work folders a killed run left in the OS temp folder (SIGKILL, a power cut: no chance to clean
 * up) hold rejected rows with names, so the next run removes them. A folder is a leftover when
 * its name is `ipstats-work-<pid>-…` and that process is no longer running, or when it is older
 * than LEFTOVER_AGE_MS whatever its pid says (a pid from another machine or container sharing the
 * temp folder). A folder of a run still going on is never touched.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WORK_FOLDER_NAME } from './work-folders.ts';

/** One day: far longer than any run. */
export const LEFTOVER_AGE_MS = 24 * 60 * 60 * 1000;

export interface LeftoverOptions {
  /** @default os.tmpdir() */
  readonly tempDir?: string;
  readonly now?: () => Date;
  /** @default process.kill(pid, 0) succeeds or fails with EPERM */
  readonly isRunning?: (pid: number) => boolean;
}

export interface RemovedLeftover {
  readonly folder: string;
  readonly pid: number;
  /** Minutes since the folder last changed. */
  readonly ageMinutes: number;
}

/** Removes the leftovers and returns them, for the caller to say so. */
export async function removeLeftoverWorkFolders(options: LeftoverOptions = {}): Promise<RemovedLeftover[]> {
  const tempDir = options.tempDir ?? tmpdir();
  const now = (options.now ?? (() => new Date()))().getTime();
  const isRunning = options.isRunning ?? processIsRunning;
  const removed: RemovedLeftover[] = [];
  for (const name of (await readdir(tempDir).catch(() => [] as string[])).sort()) {
    const pid = Number(WORK_FOLDER_NAME.exec(name)?.[1]);
    if (!Number.isSafeInteger(pid) || pid === process.pid) continue;
    const folder = path.join(tempDir, name);
    const info = await stat(folder).catch(() => null);
    if (info === null || !info.isDirectory()) continue;
    const age = now - info.mtimeMs;
    if (isRunning(pid) && age < LEFTOVER_AGE_MS) continue;
    await rm(folder, { recursive: true, force: true });
    removed.push({ folder, pid, ageMinutes: Math.max(0, Math.floor(age / 60_000)) });
  }
  return removed;
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
