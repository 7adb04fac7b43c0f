/**
 * Commands that read a lake (`report`, `query`) first make sure it exists and holds ingested
 * data, so a mistyped `--lake` fails with a clear message instead of creating an empty lake and
 * answering with nothing.
 */
import { lakeKeys } from './lake-keys.ts';
import type { ObjectStore } from './object-store.ts';

export class LakeNotFoundError extends Error {
  constructor(readonly location: string) {
    super(`the lake ${location} does not exist or holds no ingested data (nothing under manifests/): check --lake, or ingest sources first (ipstats ingest / ipstats run)`);
    this.name = 'LakeNotFoundError';
  }
}

/** Throws LakeNotFoundError unless some dataset has a manifest. Writes nothing. */
export async function requireIngestedLake(store: ObjectStore): Promise<void> {
  const manifests = await store.list(lakeKeys.manifestsRoot);
  if (manifests.length === 0) throw new LakeNotFoundError(store.location);
}
