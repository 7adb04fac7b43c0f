/**
 * The ingest sequence number of a new file of a dataset (`_ingest_seq`: the later number wins a
 * correction). Numbers are taken, not counted: a writer claims `ingest-seq/<dataset>/<n>` with a
 * conditional create (`ifNoneMatch`: S3's `If-None-Match: *`, `link()` on a local folder) and
 * moves on to n+1 when another writer holds it, so two writers racing on one lake never share a
 * number. The first candidate is one past both the highest number taken and the number of
 * manifests (lakes written before numbers were taken numbered files by counting manifests). A number taken by
 * an ingestion that never committed stays taken: the sequence may have gaps, never repeats.
 */
import type { ObjectStore } from '../lake/object-store.ts';
import { ObjectExistsError } from '../lake/object-store.ts';
import { lakeKeys } from '../lake/lake-keys.ts';
import type { DatasetName } from '../schemas/dataset-spec.ts';

/** A number in use that many times in a row means something else is wrong (a store ignoring ifNoneMatch never throws). */
const MAX_ATTEMPTS = 1000;

/** Takes the next free number for `sha256` and returns it; the object taken names the file it was taken for. */
export async function nextIngestSeq(store: ObjectStore, dataset: DatasetName, sha256: string): Promise<number> {
  let candidate = await peekNextIngestSeq(store, dataset);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1, candidate += 1) {
    try {
      await store.put(lakeKeys.ingestSeq(dataset, candidate), `${sha256}\n`, { contentType: 'text/plain', ifNoneMatch: true });
      return candidate;
    } catch (error) {
      if (!(error instanceof ObjectExistsError)) throw error;
    }
  }
  throw new Error(`cannot take an ingest sequence number for ${dataset} in ${store.location}: ${MAX_ATTEMPTS} numbers from ${candidate - MAX_ATTEMPTS} on are all taken`);
}

/** The number the next ingestion would try first, without taking it (the large-source plan shows it; merge-ranges takes the real one). */
export async function peekNextIngestSeq(store: ObjectStore, dataset: DatasetName): Promise<number> {
  const [manifests, taken] = await Promise.all([store.list(lakeKeys.manifestPrefix(dataset)), store.list(lakeKeys.ingestSeqPrefix(dataset))]);
  // Every manifest, a retried file's own included: its old number may be the highest one.
  const counted = manifests.filter((object) => object.key.endsWith('.json')).length;
  const highestTaken = taken.reduce((highest, object) => Math.max(highest, seqOfKey(object.key)), 0);
  return Math.max(counted, highestTaken) + 1;
}

function seqOfKey(key: string): number {
  const seq = Number(key.slice(key.lastIndexOf('/') + 1));
  return Number.isSafeInteger(seq) ? seq : 0;
}
