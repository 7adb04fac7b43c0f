/**
 * The commit rule in TypeScript (docs/lake.md "The commit rule"): an ingestion counts once its
 * manifest, written last, says `ingested`; before that, whatever it wrote is an uncommitted
 * leftover. The staging views apply the same rule in SQL (the `manifests` table); this is for
 * the code that reads curated files itself (supersession, the local copy of a remote lake) and
 * for `ipstats doctor`.
 */
import type { ObjectStore } from '../lake/object-store.ts';
import { lakeKeys } from '../lake/lake-keys.ts';
import type { DatasetName } from '../schemas/dataset-spec.ts';
import { readManifest, type Manifest } from './manifest.ts';

export interface CommittedIngestions {
  readonly manifests: readonly Manifest[];
  /** True when `<dataset>/<sha256>` has a manifest with status `ingested`. */
  isCommitted(dataset: string, sha256: string): boolean;
  /** True when some manifest lists `key` in its outputs (raw copy, curated files, rejects). */
  isOutput(key: string): boolean;
}

export function committedIngestionsOf(manifests: readonly Manifest[]): CommittedIngestions {
  const committed = new Set(manifests.filter((m) => m.status === 'ingested').map((m) => `${m.dataset}/${m.source.sha256}`));
  const outputs = new Set(manifests.flatMap((m) => [m.outputs.raw, ...m.outputs.curated, ...(m.outputs.rejects === null ? [] : [m.outputs.rejects])]));
  return {
    manifests,
    isCommitted: (dataset, sha256) => committed.has(`${dataset}/${sha256}`),
    isOutput: (key) => outputs.has(key),
  };
}

/** Reads the manifests of one dataset, or of the whole lake. */
export async function readCommittedIngestions(store: ObjectStore, dataset?: DatasetName): Promise<CommittedIngestions> {
  const prefix = dataset === undefined ? lakeKeys.manifestsRoot : lakeKeys.manifestPrefix(dataset);
  const keys = (await store.list(prefix)).map((object) => object.key).filter(isManifestKey);
  const manifests: Manifest[] = [];
  for (const key of keys) manifests.push(await readManifest(store, key));
  return committedIngestionsOf(manifests);
}

/** `manifests/<dataset>/<sha256>.json`: nothing else under manifests/ is a manifest. */
export function isManifestKey(key: string): boolean {
  return /^manifests\/[a-z0-9_]+\/[0-9a-f]{64}\.json$/.test(key);
}

/** The source file's SHA-256 that names a lake object (`…/<sha256>.parquet`, `.jsonl`, `.csv` …), or null. */
export function sha256OfLakeKey(key: string): string | null {
  return /\/([0-9a-f]{64})(\.[^/]*)?$/.exec(key)?.[1] ?? null;
}

/** The dataset of a key `<kind>/<dataset>/…`. */
export function datasetOfLakeKey(key: string): string | null {
  return /^[^/]+\/([^/]+)\//.exec(key)?.[1] ?? null;
}
