/**
 * Ingests an input folder laid out as `<input>/<dataset>/*.csv` (DATA-CONTRACT.md), dataset by
 * dataset in the contract's order and file by file in name order, so runs are reproducible.
 * Each file takes the coverage declared for it: `--covers`, or the coverage.json beside it.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { LogFields, Logger } from '../cli/logger.ts';
import { CoverageDeclarationError } from '../coverage/coverage-declaration-error.ts';
import { formatMonthRange } from '../coverage/coverage-range.ts';
import { NO_RUN_COVERS, runCoversFor, type RunCovers } from '../coverage/run-covers.ts';
import { ingestPaths, type IngestedFile } from '../ingest/ingest-paths.ts';
import type { ObjectStore } from '../lake/object-store.ts';
import { DATASET_NAMES, type DatasetName } from '../schemas/dataset-spec.ts';
import { DATASETS } from '../schemas/index.ts';

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

export async function ingestInputFolder({ store, inputDir, logger, now, covers = NO_RUN_COVERS, include }: IngestInputFolderOptions): Promise<IngestedFile[]> {
  const entries = await readdir(inputDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    throw new Error(`cannot read the input folder ${inputDir}: ${error.code === 'ENOENT' ? 'no such folder' : error.message}`, { cause: error });
  });
  const folders = new Set(entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name));
  for (const folder of [...folders].sort()) {
    if (!(DATASET_NAMES as readonly string[]).includes(folder)) {
      logger.warn('input folder is not a dataset name and was skipped', { folder, datasets: DATASET_NAMES.join(',') });
    }
  }
  // A declaration for a dataset the input does not hold would silently declare nothing.
  for (const [dataset, range] of Object.entries(covers.byDataset) as [DatasetName, { first: string; last: string }][]) {
    if (!folders.has(dataset)) {
      throw new CoverageDeclarationError(`--covers '${dataset}=${formatMonthRange(range)}': the input folder ${inputDir} has no ${dataset} folder`);
    }
  }
  const results: IngestedFile[] = [];
  for (const dataset of DATASET_NAMES) {
    if (!folders.has(dataset)) continue;
    const ingested = await ingestPaths({
      store,
      dataset: DATASETS[dataset],
      paths: [path.join(inputDir, dataset)],
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
      if (file.notIngested !== undefined) {
        logger.warn('dataset blocked', { dataset, file: fileName, not_ingested: file.notIngested.length, error: file.manifest.error ?? '' });
      }
    }
    results.push(...ingested);
  }
  return results;
}
