/**
 * A store that writes the lake's `lake.json` just before its first write. A command that stops
 * before writing anything (bad usage, a bad coverage declaration) then leaves no lake behind,
 * while the first object it does write comes with the record of what the lake is for.
 */
import { writeLakeRecord, type LakeRecord } from './lake-record.ts';
import type { ObjectStore, PutOptions } from './object-store.ts';

export function recordOnFirstWrite(store: ObjectStore, record: LakeRecord): ObjectStore {
  let recorded: Promise<void> | undefined;
  const recordOnce = (): Promise<void> => (recorded ??= writeLakeRecord(store, record));
  return {
    location: store.location,
    put: async (key: string, body: Uint8Array | string, options?: PutOptions) => {
      await recordOnce();
      await store.put(key, body, options);
    },
    putFile: async (key: string, filePath: string, options?: PutOptions) => {
      await recordOnce();
      await store.putFile(key, filePath, options);
    },
    get: (key) => store.get(key),
    getText: (key) => store.getText(key),
    getStream: (key, range) => store.getStream(key, range),
    getFile: (key, filePath) => store.getFile(key, filePath),
    exists: (key) => store.exists(key),
    head: (key) => store.head(key),
    list: (prefix) => store.list(prefix),
    delete: (key) => store.delete(key),
    ...(store.localPath === undefined ? {} : { localPath: (key: string) => store.localPath!(key) }),
  };
}
