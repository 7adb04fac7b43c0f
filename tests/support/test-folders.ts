/**
 * The temporary folders of the test suite: `ipstats-test-<run id>-<label>-XXXXXX` and the run's
 * synthesis cache `ipstats-synthesis-<run id>` in the OS temp folder. A run id is
 * `<pid of the vitest process>-<6 hex digits>`, so a run that was killed (a timeout, Ctrl-C), whose
 * teardown never ran, can be recognised by the next run and its folders removed.
 */
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const TEST_FOLDER_PREFIX = 'ipstats-test-';
export const SYNTHESIS_CACHE_PREFIX = 'ipstats-synthesis-';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by tests/support/global-setup.ts: names the folders of this run apart from other runs' on the same machine. */
    testRunId?: string;
  }
}

/** The test folders of one run still in the OS temp folder. */
export async function testFoldersOfRun(runId: string): Promise<string[]> {
  const prefix = `${TEST_FOLDER_PREFIX}${runId}-`;
  return (await readdir(tmpdir())).filter((name) => name.startsWith(prefix)).map((name) => path.join(tmpdir(), name)).sort();
}

const RUN_FOLDER = new RegExp(`^(?:${TEST_FOLDER_PREFIX}|${SYNTHESIS_CACHE_PREFIX})(\\d+)-[0-9a-f]{6}(?:-|$)`);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Folders of earlier runs whose vitest process is gone: they were killed before their teardown. */
export async function foldersOfDeadRuns(): Promise<string[]> {
  return (await readdir(tmpdir()))
    .filter((name) => {
      const pid = RUN_FOLDER.exec(name)?.[1];
      return pid !== undefined && !isAlive(Number(pid));
    })
    .map((name) => path.join(tmpdir(), name))
    .sort();
}
