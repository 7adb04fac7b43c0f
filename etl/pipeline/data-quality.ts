/** Rows read and rejected per dataset, from the manifests: the `data_quality` section's counts. */
import type { ObjectStore } from '../lake/object-store.ts';
import { readManifest, type Manifest } from '../ingest/manifest.ts';
import type { DatasetRowCounts } from '../reports/report-inputs.ts';
import { DATASET_NAMES, type DatasetName } from '../schemas/dataset-spec.ts';

/** Every manifest of the lake (manifest.ts is free of DuckDB, so the `report` Lambda can call this). */
export async function readAllManifests(store: ObjectStore): Promise<Manifest[]> {
  const manifests: Manifest[] = [];
  for (const object of await store.list('manifests/')) {
    if (object.key.endsWith('.json')) manifests.push(await readManifest(store, object.key));
  }
  return manifests;
}

/** Every file ever ingested counts (a corrected file's rows are read too); files rejected whole count no rows. */
export function rowCountsByDataset(manifests: readonly Manifest[]): Partial<Record<DatasetName, DatasetRowCounts>> {
  const counts: Partial<Record<DatasetName, DatasetRowCounts>> = {};
  for (const dataset of DATASET_NAMES) {
    const own = manifests.filter((manifest) => manifest.dataset === dataset);
    if (own.length === 0) continue;
    counts[dataset] = {
      rowsRead: own.reduce((sum, manifest) => sum + manifest.rows.read, 0),
      rowsRejected: own.reduce((sum, manifest) => sum + manifest.rows.rejected, 0),
    };
  }
  return counts;
}
