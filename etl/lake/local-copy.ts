/**
 * DuckDB reads local files only (no httpfs here; TOOLING-NOTES.md). An object of a local lake is
 * read in place; an object of a remote lake is copied under `cacheDir` at its own key path, so
 * the Hive segments (`year=2024/month=06`) and with them the partition columns survive.
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ObjectInfo, ObjectStore } from './object-store.ts';

export async function localCopyOf(store: ObjectStore, object: ObjectInfo, cacheDir: string): Promise<string> {
  const inPlace = store.localPath?.(object.key);
  if (inPlace) return inPlace;
  const target = path.join(cacheDir, ...object.key.split('/'));
  // Lake objects are immutable once written under their content-derived names: same size, same file.
  if ((await stat(target).catch(() => undefined))?.size === object.size) return target;
  await mkdir(path.dirname(target), { recursive: true });
  await store.getFile(object.key, target);
  return target;
}
