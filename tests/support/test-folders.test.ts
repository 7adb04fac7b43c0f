import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { foldersOfDeadRuns } from './test-folders.ts';

// Above Linux's highest pid (4,194,304): no process can have it.
const DEAD_PID = 4_194_305;
const dead = [`ipstats-test-${DEAD_PID}-0a1b2c-lake-XyZ123`, `ipstats-synthesis-${DEAD_PID}-0a1b2c`].map((name) => path.join(tmpdir(), name));
const alive = [`ipstats-test-${process.pid}-0a1b2c-lake-XyZ123`, `ipstats-test-${DEAD_PID}-notahex-lake`].map((name) => path.join(tmpdir(), name));

afterAll(async () => {
  await Promise.all([...dead, ...alive].map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('foldersOfDeadRuns', () => {
  it('lists the test folders and synthesis caches of runs whose process is gone, and nothing else', async () => {
    await Promise.all([...dead, ...alive].map((dir) => mkdir(dir, { recursive: true })));
    const found = await foldersOfDeadRuns();
    for (const dir of dead) expect(found).toContain(dir);
    for (const dir of alive) expect(found).not.toContain(dir);
  });
});
