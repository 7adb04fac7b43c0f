/**
 * DuckDB reads the lake's Parquet and manifests from a local folder: in place for a local lake,
 * from a local copy for a remote one (DuckDB here has no httpfs; TOOLING-NOTES.md). The copy
 * holds committed data only (docs/lake.md "The commit rule"): the manifests first, then the
 * curated files of ingestions they commit, and the city configuration. A file committed while
 * the copy is made is left out of both, so the copy is one consistent state of the lake.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { committedIngestionsOf, datasetOfLakeKey, isManifestKey, sha256OfLakeKey } from '../ingest/committed-ingestions.ts';
import { ManifestSchema, type Manifest } from '../ingest/manifest.ts';
import { lakeKeys } from '../lake/lake-keys.ts';
import { localCopyOf } from '../lake/local-copy.ts';
import type { ObjectStore } from '../lake/object-store.ts';
import { CITY_CONFIG_TABLE } from '../engines/lake-tables.ts';

const CURATED = 'curated';
const MANIFESTS = 'manifests';

export interface LocalLakeDirs {
  /** `<dataset>/…/*.parquet` */
  readonly curatedDir: string;
  /** `<dataset>/<sha256>.json` */
  readonly manifestsDir: string;
}

export async function localLakeDirs(store: ObjectStore, cacheDir: string): Promise<LocalLakeDirs> {
  const curatedInPlace = store.localPath?.(CURATED);
  const manifestsInPlace = store.localPath?.(MANIFESTS);
  if (curatedInPlace && manifestsInPlace) {
    await mkdir(curatedInPlace, { recursive: true });
    return { curatedDir: curatedInPlace, manifestsDir: manifestsInPlace };
  }
  const manifests: Manifest[] = [];
  for (const object of (await store.list(lakeKeys.manifestsRoot)).filter((o) => isManifestKey(o.key))) {
    const copy = await localCopyOf(store, object, cacheDir);
    try {
      manifests.push(ManifestSchema.parse(JSON.parse(await readFile(copy, 'utf8'))));
    } catch (error) {
      throw new Error(`manifest ${object.key} in ${store.location} is not a valid manifest: ${(error as Error).message}`, { cause: error });
    }
  }
  const committed = committedIngestionsOf(manifests);
  const cityConfig = lakeKeys.curatedPrefix(CITY_CONFIG_TABLE.name);
  for (const object of await store.list(`${CURATED}/`)) {
    const dataset = datasetOfLakeKey(object.key);
    const sha256 = sha256OfLakeKey(object.key);
    const wanted = object.key.startsWith(cityConfig) || (dataset !== null && sha256 !== null && committed.isCommitted(dataset, sha256));
    if (wanted) await localCopyOf(store, object, cacheDir);
  }
  const dirs = { curatedDir: path.join(cacheDir, CURATED), manifestsDir: path.join(cacheDir, MANIFESTS) };
  await mkdir(dirs.curatedDir, { recursive: true });
  return dirs;
}
