/** A full disk said plainly: which disk, what to do, what was left undone; the errno error kept as cause. */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { asDiskFullError, DiskFullError, diskFullCause } from '../../../etl/lake/disk-full.ts';

const errno = (code: string, filePath?: string) => Object.assign(new Error(`${code}: no space left on device, write`), { code, ...(filePath === undefined ? {} : { path: filePath }) });

describe('asDiskFullError', () => {
  it('names the store written when the file was not in the temp folder', () => {
    const cause = new Error('cannot write curated/x.parquet in /data/lake: ENOSPC: no space left on device, write', { cause: errno('ENOSPC', '/data/lake/curated/.x.ipstats-tmp') });
    const error = asDiskFullError(cause, '/data/lake', 'nothing was published') as DiskFullError;
    expect(error).toBeInstanceOf(DiskFullError);
    expect(error.message).toBe('the disk holding /data/lake is full: free space and run again; nothing was published');
    expect(error.cause).toBe(cause);
  });

  it('names the temp folder when a temporary file filled it (EDQUOT too)', () => {
    const error = asDiskFullError(errno('EDQUOT', path.join(tmpdir(), 'ipstats-work-1-ingest-pledges-abc', 'rejects.jsonl')), '/data/lake', 'nothing was published') as Error;
    expect(error.message).toBe(`the disk holding ${tmpdir()} is full: free space and run again; nothing was published`);
  });

  it('recognises an error that crossed a worker thread by its message', () => {
    expect(diskFullCause(new Error('ingestion of part 2 failed in its worker thread: ENOSPC: no space left on device, write'))).not.toBeNull();
  });

  it('leaves other errors alone, and a DiskFullError as it is', () => {
    const other = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    expect(asDiskFullError(other, '/data/lake', 'x')).toBe(other);
    const plain = new DiskFullError('/out', 'nothing was published');
    expect(asDiskFullError(plain, '/data/lake', 'x')).toBe(plain);
    expect(plain.withOutcome('y').message).toBe('the disk holding /out is full: free space and run again; y');
  });
});
