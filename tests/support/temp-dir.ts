/** A fresh temporary folder per test file, removed afterwards. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

export async function tempDir(label: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `ipstats-test-${label}-`));
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return dir;
}
