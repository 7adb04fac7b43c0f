/**
 * A store that writes the lake's `lake.json` just before its first write. A command that stops
 * before writing anything (bad usage, a bad coverage declaration) then leaves no lake behind,
 * while the first object it does write comes with the record of what the lake is for.
 */
import { beforeEachWrite } from './before-each-write.ts';
import { writeLakeRecord, type LakeRecord } from './lake-record.ts';
import type { ObjectStore } from './object-store.ts';

export function recordOnFirstWrite(store: ObjectStore, record: LakeRecord): ObjectStore {
  let recorded: Promise<void> | undefined;
  return beforeEachWrite(store, () => (recorded ??= writeLakeRecord(store, record)));
}
