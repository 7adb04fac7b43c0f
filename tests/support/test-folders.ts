/** The temporary folders of the test suite: `ipstats-test-<run id>-<label>-XXXXXX` in the OS temp folder. */
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const TEST_FOLDER_PREFIX = 'ipstats-test-';

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
