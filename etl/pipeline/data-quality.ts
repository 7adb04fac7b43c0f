/** Rows read and rejected per dataset, from the manifests: the `data_quality` section's counts. */
import type { ObjectStore } from '../lake/object-store.ts';
import { ManifestSchema, type Manifest } from '../ingest/manifest.ts';
import type { DatasetRowCounts } from '../reports/report-inputs.ts';
import { DATASET_NAMES, type DatasetName } from '../schemas/dataset-spec.ts';

/**
 * Parses the manifests itself rather than through ingest-file.ts, whose import graph holds DuckDB:
 * the `report` Lambda reads manifests and must not load DuckDB's native module.
 */
export async function readAllManifests(store: ObjectStore): Promise<Manifest[]> {
  const manifests: Manifest[] = [];
  for (const object of await store.list('manifests/')) {
    if (!object.key.endsWith('.json')) continue;
    const text = await store.getText(object.key);
    try {
      manifests.push(ManifestSchema.parse(JSON.parse(text)));
    } catch (error) {
      throw new Error(`manifest ${object.key} in ${store.location} is not a valid manifest: ${(error as Error).message}`, { cause: error });
    }
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
