/**
 * What interrupted ingestions left in the lake (docs/operations.md "After an interruption"):
 * every object under `raw/`, `curated/<dataset>/` and `rejects/` that no manifest lists in its
 * outputs. Such objects count nowhere (the commit rule, docs/lake.md) but take space and
 * confuse whoever reads the folders; `ipstats doctor --repair` deletes them.
 */
import type { ObjectStore } from '../lake/object-store.ts';
import { CITY_CONFIG_TABLE } from '../engines/lake-tables.ts';
import { lakeKeys } from '../lake/lake-keys.ts';
import { datasetOfLakeKey, readCommittedIngestions, sha256OfLakeKey } from './committed-ingestions.ts';

/** Why an object is not committed. */
export type UncommittedReason = 'no manifest' | 'file rejected whole' | 'not in its manifest';

export interface UncommittedObject {
  readonly key: string;
  readonly size: number;
  readonly lastModified: Date | null;
  readonly dataset: string;
  readonly sha256: string;
  readonly reason: UncommittedReason;
}

export interface FindUncommittedOptions {
  /** Only objects last written before this instant (objects of an ingestion still running are younger). @default every object */
  readonly before?: Date;
}

const PREFIXES = ['raw/', 'curated/', 'rejects/'] as const;

export async function findUncommittedObjects(store: ObjectStore, options: FindUncommittedOptions = {}): Promise<UncommittedObject[]> {
  const committed = await readCommittedIngestions(store);
  const statusOf = new Map(committed.manifests.map((m) => [`${m.dataset}/${m.source.sha256}`, m.status]));
  const cityConfig = lakeKeys.curatedPrefix(CITY_CONFIG_TABLE.name);
  const found: UncommittedObject[] = [];
  for (const prefix of PREFIXES) {
    for (const object of await store.list(prefix, { lastModified: true })) {
      const dataset = datasetOfLakeKey(object.key);
      const sha256 = sha256OfLakeKey(object.key);
      // Objects the ingestion does not name by a file's SHA-256 (the city configuration, anything else) are not its leftovers.
      if (object.key.startsWith(cityConfig) || dataset === null || sha256 === null || committed.isOutput(object.key)) continue;
      if (options.before !== undefined && object.lastModified !== undefined && object.lastModified >= options.before) continue;
      const status = statusOf.get(`${dataset}/${sha256}`);
      const reason: UncommittedReason = status === undefined ? 'no manifest' : status === 'file_rejected' ? 'file rejected whole' : 'not in its manifest';
      found.push({ key: object.key, size: object.size, lastModified: object.lastModified ?? null, dataset, sha256, reason });
    }
  }
  return found;
}
