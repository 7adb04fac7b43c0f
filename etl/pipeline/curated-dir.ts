/**
 * DuckDB reads the lake's Parquet from a local folder: in place for a local lake, from a local
 * copy of `curated/` for a remote one (DuckDB here has no httpfs; TOOLING-NOTES.md).
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ObjectStore } from '../lake/object-store.ts';

const CURATED = 'curated';

export async function localCuratedDir(store: ObjectStore, cacheDir: string): Promise<string> {
  const inPlace = store.localPath?.(CURATED);
  if (inPlace) {
    await mkdir(inPlace, { recursive: true });
    return inPlace;
  }
  for (const object of await store.list(`${CURATED}/`)) {
    const target = path.join(cacheDir, ...object.key.split('/'));
    const existing = await stat(target).catch(() => undefined);
    if (existing?.size === object.size) continue;
    await mkdir(path.dirname(target), { recursive: true });
    await store.getFile(object.key, target);
  }
  const dir = path.join(cacheDir, CURATED);
  await mkdir(dir, { recursive: true });
  return dir;
}
