/**
 * How `ingest` and `run` write the lake: holding its write lock (etl/lake/lake-write-lock.ts),
 * saying so while they wait for another ingestion, and once the lock is theirs — when no other
 * ingestion is half-way — first warning about what interrupted ingestions left (uncommitted-warning.ts).
 */
import type { Logger } from '../cli/logger.ts';
import { withLakeWriteLock } from '../lake/lake-write-lock.ts';
import type { ObjectStore } from '../lake/object-store.ts';
import { warnAboutUncommittedObjects } from './uncommitted-warning.ts';
import { writeLockOptions } from './write-lock-logging.ts';

export interface IngestUnderLockOptions {
  readonly logger: Logger;
  /** The lake as the operator gave it, for the commands the warning names. */
  readonly lakeArgument: string;
  /** `--lock-timeout`. @default lake-write-lock.ts's */
  readonly lockTimeoutMs?: number;
  /** Look for leftovers first; a command's later ingestion into the same lake has looked already. @default true */
  readonly checkLeftovers?: boolean;
}

export async function ingestUnderLock<T>(lake: ObjectStore, options: IngestUnderLockOptions, ingest: () => Promise<T>): Promise<T> {
  return withLakeWriteLock(
    lake,
    async () => {
      if (options.checkLeftovers ?? true) await warnAboutUncommittedObjects(lake, options.lakeArgument, options.logger);
      return ingest();
    },
    writeLockOptions(options.logger, options.lockTimeoutMs),
  );
}
