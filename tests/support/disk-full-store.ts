/**
 * An object store whose disk fills up: writes go through to the wrapped store until the Nth put
 * (put or putFile) or until N bytes have been written, then every write fails with an ENOSPC
 * error like the one Node's fs gives. Reads, lists and deletes keep working, as on a full disk.
 */
import { stat } from 'node:fs/promises';
import type { ObjectStore, PutOptions } from '../../etl/lake/object-store.ts';

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
  const admit = (size: number) => {
    puts++;
    bytes += size;
    const full = at.once ? puts === at.put : (at.put !== undefined && puts >= at.put) || (at.bytes !== undefined && bytes > at.bytes);
    if (full) throw enospcError();
  };
  const store: DiskFullStore = {
    location: inner.location,
    get puts() {
      return puts;
    },
    async put(key: string, body: Uint8Array | string, options?: PutOptions) {
      admit(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
      await inner.put(key, body, options);
    },
    async putFile(key: string, filePath: string, options?: PutOptions) {
      admit((await stat(filePath)).size);
      await inner.putFile(key, filePath, options);
    },
    get: (key) => inner.get(key),
    getText: (key) => inner.getText(key),
    getStream: (key, range) => inner.getStream(key, range),
    getFile: (key, filePath) => inner.getFile(key, filePath),
    exists: (key) => inner.exists(key),
    head: (key) => inner.head(key),
    list: (prefix) => inner.list(prefix),
    delete: (key) => inner.delete(key),
  };
  if ((at.local ?? true) && inner.localPath !== undefined) {
    const localPath = inner.localPath.bind(inner);
    return Object.assign(store, { localPath });
  }
  return store;
}
