/**
 * Ingests an input folder laid out as `<input>/<dataset>/*.csv` (DATA-CONTRACT.md), dataset by
 * dataset in the contract's order and file by file in name order, so runs are reproducible.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../cli/logger.ts';
import { ingestPaths, type IngestedFile } from '../ingest/ingest-paths.ts';
import type { ObjectStore } from '../lake/object-store.ts';
import { DATASET_NAMES } from '../schemas/dataset-spec.ts';
import { DATASETS } from '../schemas/index.ts';

export interface IngestInputFolderOptions {
  readonly store: ObjectStore;
  readonly inputDir: string;
  readonly logger: Logger;
  readonly now?: () => Date;
  /** Ingest only the files this selects (a replay in two deliveries, run-pipeline.ts). @default every file */
  readonly include?: (filePath: string) => boolean;
}

export async function ingestInputFolder({ store, inputDir, logger, now, include }: IngestInputFolderOptions): Promise<IngestedFile[]> {
  const entries = await readdir(inputDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    throw new Error(`cannot read the input folder ${inputDir}: ${error.code === 'ENOENT' ? 'no such folder' : error.message}`, { cause: error });
  });
  const folders = new Set(entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name));
  for (const folder of [...folders].sort()) {
    if (!(DATASET_NAMES as readonly string[]).includes(folder)) {
      logger.warn('input folder is not a dataset name and was skipped', { folder, datasets: DATASET_NAMES.join(',') });
    }
  }
  const results: IngestedFile[] = [];
  for (const dataset of DATASET_NAMES) {
    if (!folders.has(dataset)) continue;
    const ingested = await ingestPaths({
      store,
      dataset: DATASETS[dataset],
      paths: [path.join(inputDir, dataset)],
      now,
      include,
      onFileStart: (filePath) => logger.progress('ingesting', { dataset, file: path.basename(filePath) }),
      onProgress: (filePath, records) => logger.progress('ingesting', { dataset, file: path.basename(filePath), records }),
    });
    for (const file of ingested) {
      const fields = {
        dataset,
        file: path.basename(file.filePath),
        status: file.manifest.status,
        read: file.manifest.rows.read,
        accepted: file.manifest.rows.accepted,
        rejected: file.manifest.rows.rejected,
      };
      // A file rejected whole stops the run: say so as a warning, not as "ingested".
      if (file.skipped) logger.info('already ingested', fields);
      else if (file.manifest.status === 'file_rejected') logger.warn('file rejected', fields);
      else logger.info('ingested', fields);
    }
    results.push(...ingested);
  }
  return results;
}
