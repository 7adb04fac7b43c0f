import { existsSync } from 'node:fs';
import { mkdir, utimes } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LakeLockTimeoutError, withLakeWriteLock } from '../../../etl/lake/lake-write-lock.ts';
import { LocalObjectStore } from '../../../etl/lake/local-object-store.ts';
import type { ObjectStore } from '../../../etl/lake/object-store.ts';
import { tempDir } from '../../support/temp-dir.ts';

const dir = await tempDir('write-lock');
let lakes = 0;
const newLake = () => new LocalObjectStore(path.join(dir, `lake-${++lakes}`));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('withLakeWriteLock', () => {
  it('makes a second writer wait, saying so once, until the first has finished', async () => {
    const store = newLake();
    const events: string[] = [];
    const waits: { lockPath: string; timeoutMs: number }[] = [];
    let releaseFirst!: () => void;
    const first = withLakeWriteLock(store, async () => {
      events.push('first starts');
      await new Promise<void>((resolve) => (releaseFirst = resolve));
      events.push('first ends');
    });
    await sleep(50);
    const second = withLakeWriteLock(store, async () => events.push('second runs'), { onWait: (lock) => waits.push(lock) });
    await sleep(600);
    expect(events).toEqual(['first starts']);
    releaseFirst();
    await Promise.all([first, second]);
    expect(events).toEqual(['first starts', 'first ends', 'second runs']);
    expect(waits).toEqual([{ lockPath: path.join(store.location, '.ipstats-write.lock'), timeoutMs: 600_000 }]);
  });

  it('gives up after the timeout with a message naming the lock', async () => {
    const store = newLake();
    let releaseFirst!: () => void;
    const first = withLakeWriteLock(store, () => new Promise<void>((resolve) => (releaseFirst = resolve)));
    await sleep(50);
    const lockPath = path.join(store.location, '.ipstats-write.lock');
    const error = await withLakeWriteLock(store, async () => 'never', { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LakeLockTimeoutError);
    expect((error as Error).message).toBe(
      `another ingestion still holds the lake's write lock ${lockPath} after 0 s of waiting: run the command again when it has finished (a lock left by a process that was killed is taken over by itself after 10 s)`,
    );
    releaseFirst();
    await first;
  });

  it('takes over the lock of a writer that died (not refreshed for longer than staleMs)', async () => {
    const store = newLake();
    const lockPath = path.join(store.location, '.ipstats-write.lock');
    await mkdir(lockPath, { recursive: true });
    const old = new Date(Date.now() - 60_000);
    await utimes(lockPath, old, old);
    expect(await withLakeWriteLock(store, async () => 'written', { timeoutMs: 2000 })).toBe('written');
  });

  it('releases the lock when the writer fails, and leaves no lock behind', async () => {
    const store = newLake();
    await expect(withLakeWriteLock(store, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await withLakeWriteLock(store, async () => 'next', { timeoutMs: 100 })).toBe('next');
  });

  it('leaves no empty lake folder behind when the writer wrote nothing (a command refused after taking the lock)', async () => {
    const store = newLake();
    await expect(withLakeWriteLock(store, async () => Promise.reject(new Error('bad --covers')))).rejects.toThrow('bad --covers');
    expect(existsSync(store.location)).toBe(false);
    await withLakeWriteLock(store, async () => store.put('manifests/x.json', '{}'));
    expect(existsSync(path.join(store.location, 'manifests', 'x.json'))).toBe(true);
    expect(existsSync(path.join(store.location, '.ipstats-write.lock'))).toBe(false);
  });

  it('runs at once on a store without local files (S3: numbers are taken with conditional writes instead)', async () => {
    const remote = { location: 's3://bucket/lake' } as ObjectStore;
    expect(await withLakeWriteLock(remote, async () => 'ran')).toBe('ran');
  });
});
