/** The lake write lock's options for a command: its timeout, and what the command says while waiting or when the lock is lost. */
import type { Logger } from '../cli/logger.ts';
import type { LakeWriteLockOptions } from '../lake/lake-write-lock.ts';

export function writeLockOptions(logger: Logger, timeoutMs?: number): LakeWriteLockOptions {
  return {
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    onWait: ({ lockPath, timeoutMs: waitMs }) => logger.warn('waiting for another ingestion into the lake to finish', { lock: lockPath, timeout_s: Math.round(waitMs / 1000) }),
    onLost: ({ lockPath, error }) => logger.warn('the lake write lock was lost while writing', { lock: lockPath, error: error.message }),
  };
}
