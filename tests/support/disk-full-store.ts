/**
 * An object store whose disk fills up: writes go through to the wrapped store until the Nth put
 * (put or putFile) or until N bytes have been written, then every write fails with an ENOSPC
 * error like the one Node's fs gives. Reads, lists and deletes keep working, as on a full disk.
 */
import { stat } from 'node:fs/promises';
import { beforeEachWrite, type PendingWrite } from '../../etl/lake/before-each-write.ts';
import type { ObjectStore } from '../../etl/lake/object-store.ts';

export interface DiskFullAt {
  /** The put that fails first (1 = the first). */
  readonly put?: number;
  /** Bytes that fit before the disk is full. */
  readonly bytes?: number;
  /** Pass the wrapped store's localPath through (a local folder renames in place). @default true */
  readonly local?: boolean;
  /** Only the Nth put fails, later ones succeed again (a passing failure, as of an S3 PUT). @default false */
  readonly once?: boolean;
}

export function enospcError(): NodeJS.ErrnoException {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
}

export interface DiskFullStore extends ObjectStore {
  /** Puts attempted so far (the failing ones included). */
  readonly puts: number;
}

export function diskFullStore(inner: ObjectStore, at: DiskFullAt): DiskFullStore {
  let puts = 0;
  let bytes = 0;
  const admit = async (write: PendingWrite) => {
    const size = 'body' in write ? (typeof write.body === 'string' ? Buffer.byteLength(write.body) : write.body.byteLength) : (await stat(write.filePath)).size;
    puts++;
    bytes += size;
    const full = at.once ? puts === at.put : (at.put !== undefined && puts >= at.put) || (at.bytes !== undefined && bytes > at.bytes);
    if (full) throw enospcError();
  };
  const { localPath, ...withoutLocalPath } = beforeEachWrite(inner, admit);
  return {
    ...withoutLocalPath,
    ...((at.local ?? true) && localPath !== undefined ? { localPath } : {}),
    get puts() {
      return puts;
    },
  };
}
