/**
 * A full disk (ENOSPC, or EDQUOT: the user's quota) while writing the lake, a temporary file or
 * the output, said plainly instead of as a raw errno. The errno error stays as `cause`.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';

const DISK_FULL_CODES = ['ENOSPC', 'EDQUOT'];
/** Errors that crossed a worker thread keep only their message ("ENOSPC: no space left on device, write"). */
const DISK_FULL_MESSAGE = /\b(ENOSPC|EDQUOT)\b|no space left on device|disk quota exceeded/i;

export const NOTHING_PUBLISHED = 'nothing was published';

export class DiskFullError extends Error {
  constructor(
    /** The folder (or store location) on the disk that is full. */
    readonly location: string,
    /** What the failure left undone, e.g. NOTHING_PUBLISHED. */
    readonly outcome: string,
    options?: ErrorOptions,
  ) {
    super(`the disk holding ${location} is full: free space and run again; ${outcome}`, options);
    this.name = 'DiskFullError';
  }

  /** The same failure, with what a wider step left undone. */
  withOutcome(outcome: string): DiskFullError {
    return new DiskFullError(this.location, outcome, { cause: this.cause });
  }
}

/** The ENOSPC/EDQUOT error in `error`'s cause chain, or null. */
export function diskFullCause(error: unknown): Error | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 10; current = current.cause, depth++) {
    const code = (current as NodeJS.ErrnoException).code;
    if ((code !== undefined && DISK_FULL_CODES.includes(code)) || DISK_FULL_MESSAGE.test(current.message)) return current;
  }
  return null;
}

/**
 * `error` as a DiskFullError when a disk filled up, else unchanged. The disk named is the OS temp
 * folder's when the file being written was there, else `location` (the store or folder written).
 */
export function asDiskFullError(error: unknown, location: string, outcome: string): unknown {
  if (error instanceof DiskFullError) return error;
  const cause = diskFullCause(error);
  if (cause === null) return error;
  const written = (cause as NodeJS.ErrnoException).path;
  const temp = tmpdir();
  const where = typeof written === 'string' && path.resolve(written).startsWith(`${path.resolve(temp)}${path.sep}`) && !path.resolve(written).startsWith(`${path.resolve(location)}${path.sep}`) ? temp : location;
  return new DiskFullError(where, outcome, { cause: error });
}

/** Runs `work`; a full disk becomes a DiskFullError naming `location` (or the temp folder) and `outcome`. */
export async function failPlainlyWhenDiskFull<T>(location: string, outcome: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asDiskFullError(error, location, outcome);
  }
}
