/**
 * The ingest sequence number of a new file of a dataset: one more than the files already in the
 * lake (their manifests), the file's own earlier manifest (a whole-file rejection being retried)
 * not counted. Ingestions of one dataset must therefore run one at a time: locally they do, and
 * in AWS the ingest path is serialised (docs/aws.md).
 */
import type { ObjectStore } from '../lake/object-store.ts';
import { lakeKeys } from '../lake/lake-keys.ts';
import type { DatasetName } from '../schemas/dataset-spec.ts';

export async function nextIngestSeq(store: ObjectStore, dataset: DatasetName, sha256: string): Promise<number> {
  const ownManifest = lakeKeys.manifest(dataset, sha256);
  const others = (await store.list(lakeKeys.manifestPrefix(dataset))).filter((object) => object.key !== ownManifest);
  return others.length + 1;
}
