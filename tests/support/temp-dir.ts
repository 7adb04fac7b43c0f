/**
 * A fresh temporary folder per call, removed when the test file ends.
 *
 * The cleanup hook is registered once, when this module is loaded by a test file (vitest runs each
 * file with its own modules), and not inside tempDir(): tempDir() is mostly called from a
 * beforeAll, where vitest silently ignores an afterAll registered, so the folders stayed behind.
 * The names carry the id of the test run (tests/support/global-setup.ts), whose teardown fails
 * the run if any of its folders is left.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, inject } from 'vitest';
import { TEST_FOLDER_PREFIX } from './test-folders.ts';

const made: string[] = [];

afterAll(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

export async function tempDir(label: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `${TEST_FOLDER_PREFIX}${inject('testRunId') ?? 'norun'}-${label}-`));
  made.push(dir);
  return dir;
}
