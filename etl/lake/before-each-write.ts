/**
 * A store that runs a hook before each write (put, putFile) and hands every call, with all its
 * arguments, to the store it wraps. The one place that wraps a whole ObjectStore, so a wrapper
 * cannot forget a method or an argument (`list`'s options): lake.json is recorded with the first
 * write this way (record-on-first-write.ts), and tests fill a disk (tests/support/disk-full-store.ts).
 */
import type { ObjectStore } from './object-store.ts';

/** The write about to happen: its key, and its body or the file it streams from. */
export type PendingWrite = { readonly key: string } & ({ readonly body: Uint8Array | string } | { readonly filePath: string });

/** `store` with `hook` awaited before each write; a hook that throws stops the write. */
export function beforeEachWrite(store: ObjectStore, hook: (write: PendingWrite) => Promise<void> | void): ObjectStore {
  return {
    location: store.location,
    put: async (key, body, options) => {
      await hook({ key, body });
      await store.put(key, body, options);
    },
    putFile: async (key, filePath, options) => {
      await hook({ key, filePath });
      await store.putFile(key, filePath, options);
    },
    get: (key) => store.get(key),
    getText: (key) => store.getText(key),
    getStream: (key, range) => store.getStream(key, range),
    getFile: (key, filePath) => store.getFile(key, filePath),
    exists: (key) => store.exists(key),
    head: (key) => store.head(key),
    list: (prefix, options) => store.list(prefix, options),
    delete: (key) => store.delete(key),
    ...(store.localPath === undefined ? {} : { localPath: (key: string) => store.localPath!(key) }),
  };
}
