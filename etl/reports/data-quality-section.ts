/**
 * The report's data_quality section: rows read and rejected per dataset (from the ingestion
 * manifests) and the latest month each dataset has data for (its coverage).
 */
import { DATASET_NAMES } from '../schemas/dataset-spec.ts';
import type { CoverageByDataset } from './coverage.ts';
import type { DataQualitySection } from './report-schema.ts';
import type { ReportInput } from './report-inputs.ts';

export function dataQualitySection(rowCounts: ReportInput['rowCounts'], coverage: CoverageByDataset): DataQualitySection {
  const byDataset: DataQualitySection['by_dataset'] = {};
  let rowsRead = 0;
  let rowsRejected = 0;
  // DATASET_NAMES order keeps the JSON byte-identical from run to run.
  for (const dataset of DATASET_NAMES) {
    const counts = rowCounts[dataset];
    if (!counts) continue;
    rowsRead += counts.rowsRead;
    rowsRejected += counts.rowsRejected;
    byDataset[dataset] = {
      rows_read: counts.rowsRead,
      rows_rejected: counts.rowsRejected,
      latest_period: coverage[dataset]?.lastMonth ?? null,
    };
  }
  return { rows_read: rowsRead, rows_rejected: rowsRejected, by_dataset: byDataset };
}
