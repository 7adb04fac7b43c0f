/**
 * Datasets a file blocked in a run: the file could not be read at all (rejected whole), so the
 * dataset's files after it were not ingested (ingest-paths.ts). The run goes on without them —
 * the other datasets are ingested and the reports written, the blocked dataset's figures ending
 * where its ingested data ends — and says which file blocked which dataset.
 */
import type { IngestedFile } from '../ingest/ingest-paths.ts';
import type { DatasetName } from '../schemas/dataset-spec.ts';

export interface BlockedDataset {
  readonly dataset: DatasetName;
  /** Path of the file that blocked it. */
  readonly file: string;
  /** Why it could not be read (its manifest's `error`): never a row's values. */
  readonly error: string;
  /** The dataset's files after it, not ingested. */
  readonly blockedFiles: readonly string[];
}

export function blockedDatasets(files: readonly IngestedFile[]): BlockedDataset[] {
  return files.flatMap((file) =>
    file.blockedFiles === undefined ? [] : [{ dataset: file.manifest.dataset, file: file.filePath, error: file.manifest.error ?? 'rejected whole', blockedFiles: file.blockedFiles }],
  );
}
