/**
 * Ingests an input folder laid out as `<input>/<dataset>/*.csv` (DATA-CONTRACT.md), dataset by
 * dataset in the contract's order and file by file in name order, so runs are reproducible.
 * Each file takes the coverage declared for it: `--covers`, or the coverage.json beside it.
 * Whatever of the input is not ingested comes back with its reason (input-folder-listing.ts).
 */
import path from 'node:path';
import type { LogFields, Logger } from '../cli/logger.ts';
import { CoverageDeclarationError } from '../coverage/coverage-declaration-error.ts';
import { formatMonthRange } from '../coverage/coverage-range.ts';
import { NO_RUN_COVERS, runCoversFor, type RunCovers } from '../coverage/run-covers.ts';
import { ingestPaths, type IngestedFile, type IngestPathsResult } from '../ingest/ingest-paths.ts';
import { sortNotIngested } from '../ingest/not-ingested.ts';
import type { ObjectStore } from '../lake/object-store.ts';
import { DATASET_NAMES, type DatasetName } from '../schemas/dataset-spec.ts';
import { DATASETS } from '../schemas/index.ts';
import { listInputFolder } from './input-folder-listing.ts';

export interface IngestInputFolderOptions {
  readonly store: ObjectStore;
  readonly inputDir: string;
  readonly logger: Logger;
  readonly now?: () => Date;
  /** `--covers` of the run. @default NO_RUN_COVERS (each folder's coverage.json, if any) */
  readonly covers?: RunCovers;
  /** Ingest only the files this selects (a replay in two deliveries, run-pipeline.ts). @default every file */
  readonly include?: (filePath: string) => boolean;
}

/** The files ingested (or found already in the lake), and every entry of the input not ingested with its reason. */
export async function ingestInputFolder({ store, inputDir, logger, now, covers = NO_RUN_COVERS, include }: IngestInputFolderOptions): Promise<IngestPathsResult> {
  const { boundary, datasetFolders: folders, notIngested } = await listInputFolder(inputDir);
  // A declaration for a dataset the input does not hold would silently declare nothing.
  for (const [dataset, range] of Object.entries(covers.byDataset) as [DatasetName, { first: string; last: string }][]) {
    if (!folders.has(dataset)) {
      throw new CoverageDeclarationError(`--covers '${dataset}=${formatMonthRange(range)}': the input folder ${inputDir} has no ${dataset} folder`);
    }
  }
  const results: IngestedFile[] = [];
  for (const dataset of DATASET_NAMES) {
    if (!folders.has(dataset)) continue;
    const { files: ingested, notIngested: notInDataset } = await ingestPaths({
      store,
      dataset: DATASETS[dataset],
      paths: [path.join(inputDir, dataset)],
      linkBoundary: boundary,
      covers: runCoversFor(covers, DATASETS[dataset]),
      now,
      include,
      onFileStart: (filePath) => logger.progress('ingesting', { dataset, file: path.basename(filePath) }),
      onProgress: (filePath, records) => logger.progress('ingesting', { dataset, file: path.basename(filePath), records }),
    });
    for (const file of ingested) {
      const { coverage } = file.manifest;
      const fileName = path.basename(file.filePath);
      const fields: LogFields = {
        dataset,
        file: fileName,
        status: file.manifest.status,
        read: file.manifest.rows.read,
        accepted: file.manifest.rows.accepted,
        rejected: file.manifest.rows.rejected,
        ...(coverage === undefined ? {} : { coverage: formatMonthRange(coverage), declared_in: coverage.declared_in }),
      };
      // A file rejected whole blocks its dataset: say so as a warning, not as "ingested".
      if (file.coverageUpdated) logger.info('coverage declaration updated', fields);
      else if (file.skipped) logger.info('already ingested', fields);
      else if (file.manifest.status === 'file_rejected') logger.warn('file rejected', fields);
      else logger.info('ingested', fields);
      if (file.coverageWarning !== null) logger.warn('rows outside the declared coverage', { dataset, file: fileName, warning: file.coverageWarning });
      // The reason never holds a row's values (etl/sources/source-rejection.ts).
      if (file.blockedFiles !== undefined) {
        logger.warn('dataset blocked', { dataset, file: fileName, not_ingested: file.blockedFiles.length, error: file.manifest.error ?? '' });
      }
    }
    results.push(...ingested);
    notIngested.push(...notInDataset);
  }
  return { files: results, notIngested: sortNotIngested(notIngested) };
}
