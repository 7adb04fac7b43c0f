/**
 * DuckDB reads the lake's Parquet from a local folder: in place for a local lake, from a local
 * copy of `curated/` for a remote one (DuckDB here has no httpfs; TOOLING-NOTES.md).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { localCopyOf } from '../lake/local-copy.ts';
import type { ObjectStore } from '../lake/object-store.ts';

const CURATED = 'curated';

export async function localCuratedDir(store: ObjectStore, cacheDir: string): Promise<string> {
  const inPlace = store.localPath?.(CURATED);
  if (inPlace) {
    await mkdir(inPlace, { recursive: true });
    return inPlace;
  }
  for (const object of await store.list(`${CURATED}/`)) await localCopyOf(store, object, cacheDir);
  const dir = path.join(cacheDir, CURATED);
  await mkdir(dir, { recursive: true });
  return dir;
}
