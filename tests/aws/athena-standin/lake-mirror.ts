/**
 * A local copy of exactly the objects Athena would read for each Glue table (table-objects.ts),
 * because DuckDB here cannot read S3 (no httpfs; TOOLING-NOTES.md). `sync()` runs before each
 * query: one listing per bucket and top-level prefix, then only new or changed objects are
 * downloaded (by size and LastModified) and objects gone from S3 are removed from the copy, so
 * a query sees the bucket as it is at that moment. An object lands at
 * `<root>/<table>/<key below the table's Location>`, keeping its Hive folders.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { S3ObjectStore } from '../../../etl/lake/s3-object-store.ts';
import type { GlueTable } from './glue-catalog.ts';
import { tableObjects, type TableObjects } from './table-objects.ts';

const PARALLEL_DOWNLOADS = 8;

export interface LakeMirror {
  readonly root: string;
  /** Brings the copy in line with the buckets; `changed` when a file was added, replaced or removed. */
  sync(): Promise<{ readonly changed: boolean; readonly files: number }>;
}

interface WantedObject {
  readonly store: S3ObjectStore;
  readonly key: string;
  readonly signature: string;
}

export function createLakeMirror(options: { readonly client: S3Client; readonly tables: readonly GlueTable[]; readonly root: string }): LakeMirror {
  const tables = options.tables.map((table) => ({ name: table.Name, objects: tableObjects(table) }));
  const stores = new Map<string, S3ObjectStore>();
  const storeOf = (bucket: string) => stores.get(bucket) ?? stores.set(bucket, new S3ObjectStore({ client: options.client, bucket })).get(bucket)!;
  const listings = groupListings(tables);
  /** Local path → what was copied there. */
  const copied = new Map<string, string>();

  return {
    root: options.root,
    async sync() {
      const wanted = new Map<string, WantedObject>();
      for (const { bucket, prefix, members } of listings) {
        const store = storeOf(bucket);
        for (const object of await store.list(prefix, { lastModified: true })) {
          for (const { name, objects } of members) {
            if (!objects.reads(object.key)) continue;
            const local = path.join(options.root, name, ...object.key.slice(objects.locationPrefix.length).split('/'));
            wanted.set(local, { store, key: object.key, signature: `${object.size}:${object.lastModified?.getTime()}` });
          }
        }
      }
      const stale = [...copied.keys()].filter((local) => !wanted.has(local));
      for (const local of stale) {
        await rm(local, { force: true });
        copied.delete(local);
      }
      const downloads = [...wanted].filter(([local, object]) => copied.get(local) !== object.signature);
      await inParallel(downloads, PARALLEL_DOWNLOADS, async ([local, object]) => {
        await mkdir(path.dirname(local), { recursive: true });
        await object.store.getFile(object.key, local);
        copied.set(local, object.signature);
      });
      return { changed: stale.length > 0 || downloads.length > 0, files: copied.size };
    },
  };
}

interface Listing {
  readonly bucket: string;
  readonly prefix: string;
  readonly members: { readonly name: string; readonly objects: TableObjects }[];
}

/** One listing per bucket and first folder of the tables' prefixes (`curated/`, `manifests/`), not one per table. */
function groupListings(tables: readonly { name: string; objects: TableObjects }[]): Listing[] {
  const listings = new Map<string, Listing>();
  for (const { name, objects } of tables) {
    const firstFolder = objects.locationPrefix.includes('/') ? objects.locationPrefix.slice(0, objects.locationPrefix.indexOf('/') + 1) : '';
    const id = `${objects.bucket}/${firstFolder}`;
    const listing = listings.get(id) ?? { bucket: objects.bucket, prefix: firstFolder, members: [] };
    listing.members.push({ name, objects });
    listings.set(id, listing);
  }
  return [...listings.values()];
}

async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}
