/**
 * One writer at a time on a local lake: an ingestion (and `ipstats doctor`) holds the lake's
 * write lock, `<lake>/.ipstats-write.lock`, while it writes, so a second `ipstats ingest` or
 * `run` on the same lake waits for it (saying so) and gives up after a timeout.
 *
 * The lock is proper-lockfile's: an atomic mkdir whose mtime the holder refreshes every few
 * seconds. A holder that was killed (SIGKILL, a crash, a power cut) stops refreshing, and its
 * lock is stale, then taken over, after `staleMs`; that works on a network folder shared by
 * several machines too, where a process id would mean nothing. A lake in S3 has no lock: there
 * ingest numbers are taken with conditional writes (etl/ingest/next-ingest-seq.ts).
 */
import { mkdir, rmdir } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import type { ObjectStore } from './object-store.ts';

export const LAKE_WRITE_LOCK_KEY = '.ipstats-write.lock';
export const DEFAULT_LOCK_TIMEOUT_MS = 10 * 60 * 1000;
const DEFAULT_STALE_MS = 10_000;
const POLL_MS = 250;

export interface LakeWriteLockOptions {
  /** How long to wait for another writer. @default 10 minutes */
  readonly timeoutMs?: number;
  /** A lock not refreshed for this long belongs to a writer that died. @default 10 s (proper-lockfile's) */
  readonly staleMs?: number;
  /** Called once, when another writer holds the lock and this one starts waiting. */
  readonly onWait?: (lock: { readonly lockPath: string; readonly timeoutMs: number }) => void;
  /** Called when the lock was lost while held (its refresh failed, or another process took it as stale). */
  readonly onLost?: (lock: { readonly lockPath: string; readonly error: Error }) => void;
}

export class LakeLockTimeoutError extends Error {
  constructor(
    readonly lockPath: string,
    readonly waitedMs: number,
    staleMs: number,
    options?: ErrorOptions,
  ) {
    super(
      `another ingestion still holds the lake's write lock ${lockPath} after ${Math.round(waitedMs / 1000)} s of waiting: ` +
        `run the command again when it has finished (a lock left by a process that was killed is taken over by itself after ${Math.round(staleMs / 1000)} s)`,
      options,
    );
    this.name = 'LakeLockTimeoutError';
  }
}

/** Runs `write` holding the lake's write lock (local lakes; on other stores it just runs `write`). */
export async function withLakeWriteLock<T>(store: ObjectStore, write: () => Promise<T>, options: LakeWriteLockOptions = {}): Promise<T> {
  const lockPath = store.localPath?.(LAKE_WRITE_LOCK_KEY);
  if (lockPath === undefined) return write();
  const lakeDir = path.dirname(lockPath);
  // The lock lives in the lake folder, so it creates it; a command refused before writing anything leaves no empty lake behind.
  const createdLake = (await mkdir(lakeDir, { recursive: true })) !== undefined;
  const release = await acquire(lockPath, options);
  try {
    return await write();
  } finally {
    // A lock already lost (onLost) cannot be released; there is nothing left to undo then.
    await release().catch(() => undefined);
    if (createdLake) await rmdir(lakeDir).catch(() => undefined); // fails, as wanted, unless the folder is still empty
  }
}

async function acquire(lockPath: string, options: LakeWriteLockOptions): Promise<() => Promise<void>> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const lakeDir = path.dirname(lockPath);
  const started = Date.now();
  let waiting = false;
  for (;;) {
    try {
      return await lockfile.lock(lakeDir, {
        lockfilePath: lockPath,
        realpath: false,
        stale: staleMs,
        retries: 0,
        onCompromised: (error) => options.onLost?.({ lockPath, error }),
      });
    } catch (error) {
      // Another command that created the lake folder and wrote nothing removed it again: create it and try again.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && Date.now() - started < timeoutMs) {
        await mkdir(lakeDir, { recursive: true });
        continue;
      }
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') {
        throw new Error(`cannot take the lake's write lock ${lockPath}: ${(error as Error).message}`, { cause: error });
      }
      const waited = Date.now() - started;
      if (waited >= timeoutMs) throw new LakeLockTimeoutError(lockPath, waited, staleMs, { cause: error });
      if (!waiting) options.onWait?.({ lockPath, timeoutMs });
      waiting = true;
      await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, timeoutMs - waited)));
    }
  }
}
