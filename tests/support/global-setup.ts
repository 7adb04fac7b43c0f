/**
 * Once per `vitest run`: gives the run an id for its temporary folders (temp-dir.ts) and, at the
 * end, fails the run when any of them is left behind (they are removed first), so a test or a
 * helper that stops cleaning up is caught at once. Names the run's synthesis cache
 * (synthesis-cache.ts: made only when a test synthesises) and removes it at the end. First it
 * removes what earlier runs that were killed before their teardown left (test-folders.ts).
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { foldersOfDeadRuns, SYNTHESIS_CACHE_PREFIX, testFoldersOfRun } from './test-folders.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await Promise.all((await foldersOfDeadRuns()).map((dir) => rm(dir, { recursive: true, force: true })));
  const runId = `${process.pid}-${randomBytes(3).toString('hex')}`;
  project.provide('testRunId', runId);
  const synthesisCacheDir = path.join(tmpdir(), `${SYNTHESIS_CACHE_PREFIX}${runId}`);
  project.provide('synthesisCacheDir', synthesisCacheDir);
  return async () => {
    await rm(synthesisCacheDir, { recursive: true, force: true });
    const left = await testFoldersOfRun(runId);
    if (left.length === 0) return;
    await Promise.all(left.map((dir) => rm(dir, { recursive: true, force: true })));
    // vitest reports an error thrown here but still exits 0: the exit status is set as well.
    process.exitCode = 1;
    throw new Error(`the tests left ${left.length} temporary folder(s) behind (now removed): ${left.join(', ')}; tempDir() removes its folders when the test file ends`);
  };
}
