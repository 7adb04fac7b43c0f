/**
 * Ingests files and folders of one dataset, in a deterministic order (sorted by path), each with
 * the coverage declared for it (`--covers`, or the `coverage.json` beside it). Every entry of a
 * folder that is not ingested is returned with its reason (source-files.ts), never dropped.
 *
 * A file rejected whole (it cannot be read: etl/sources/source-rejection.ts) blocks the dataset:
 * the files after it are not ingested, because a later file wins over an earlier one for the same
 * record (ingest_seq), and the blocking file, once fixed, would come after them. The other
 * datasets are not concerned.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { COVERAGE_FILE_NAME } from '../coverage/coverage-file.ts';
import { CoverageDeclarationError } from '../coverage/coverage-declaration-error.ts';
import type { MonthRange } from '../coverage/coverage-range.ts';
import { declaredCoverageOfFiles } from '../coverage/file-declarations.ts';
import { failPlainlyWhenDiskFull } from '../lake/disk-full.ts';
import type { ObjectStore } from '../lake/object-store.ts';
import type { DatasetSpec } from '../schemas/dataset-spec.ts';
import type { SourceEncoding } from '../sources/detect-encoding.ts';
import { ingestFile, type IngestFileResult } from './ingest-file.ts';
import { linkBoundaryOf, type LinkBoundary } from './input-entry.ts';
import { sortNotIngested, type NotIngested } from './not-ingested.ts';
import { listDatasetFolder, type FolderListing } from './source-files.ts';

export interface IngestPathsOptions {
  readonly store: ObjectStore;
  readonly dataset: DatasetSpec;
  readonly paths: readonly string[];
  /**
   * The months every file of this call covers (`--covers`); wins over the folders' coverage.json.
   * @default none: each file takes the declaration of the coverage.json beside it, if any
   */
  readonly covers?: MonthRange;
  readonly encoding?: SourceEncoding;
  readonly now?: () => Date;
  /** Ingest only the files this selects. @default every file */
  readonly include?: (filePath: string) => boolean;
  /** Links in a folder given are followed when they lead inside this folder. @default each folder given */
  readonly linkBoundary?: LinkBoundary;
  readonly onFileStart?: (filePath: string) => void;
  readonly onProgress?: (filePath: string, recordsRead: number) => void;
}

export interface IngestedFile extends IngestFileResult {
  readonly filePath: string;
  /**
   * For a file rejected whole: the files after it, not ingested because it blocks the dataset
   * (empty when it was the last). Absent for every other file.
   */
  readonly blockedFiles?: readonly string[];
}

/** The file that blocked its dataset, if any: a file rejected whole now (the last of the results). */
export function blockingFile(results: readonly IngestedFile[]): IngestedFile | undefined {
  return results.find((result) => result.blockedFiles !== undefined);
}

export interface IngestPathsResult {
  readonly files: IngestedFile[];
  /** Entries of the folders given that were not ingested, each with its reason, sorted by path. */
  readonly notIngested: NotIngested[];
}

/**
 * The source files of the paths given, sorted, and what of the folders given is not ingested. A
 * file given by name is read whatever its extension (the operator chose it); a link given by name
 * is followed wherever it leads.
 */
export async function listSourceFiles(paths: readonly string[], linkBoundary?: LinkBoundary): Promise<FolderListing> {
  const files: string[] = [];
  const notIngested: NotIngested[] = [];
  for (const given of paths) {
    const info = await stat(given).catch((error: NodeJS.ErrnoException) => {
      throw new Error(`cannot read ${given}: ${error.code === 'ENOENT' ? 'no such file or folder' : error.message}`, { cause: error });
    });
    if (info.isDirectory()) {
      const listing = await listDatasetFolder(given, linkBoundary ?? (await linkBoundaryOf(given)));
      files.push(...listing.files);
      notIngested.push(...listing.notIngested);
    } else if (path.basename(given) === COVERAGE_FILE_NAME) {
      // Read as data it would only be rejected whole; it is the folder's declaration, read beside the files.
      throw new CoverageDeclarationError(`${given} is a coverage declaration, not a source file: give the files or the folder it declares`);
    } else {
      files.push(given);
    }
  }
  const unique = new Map(notIngested.map((entry) => [entry.path, entry]));
  return { files: [...new Set(files)].sort(), notIngested: sortNotIngested([...unique.values()]) };
}

export async function ingestPaths(options: IngestPathsOptions): Promise<IngestPathsResult> {
  const { files, notIngested } = await listSourceFiles(options.paths, options.linkBoundary);
  // Every declaration is read and checked first: a bad one stops the call before anything is ingested.
  const declarations = await declaredCoverageOfFiles({ dataset: options.dataset, files, covers: options.covers });
  const results: IngestedFile[] = [];
  const selected = files.filter((file) => options.include?.(file) ?? true);
  for (const [index, filePath] of selected.entries()) {
    options.onFileStart?.(filePath);
    const result = await failPlainlyWhenDiskFull(options.store.location, `${filePath} was not ingested, nor the files after it`, () => ingestFile({
      store: options.store,
      dataset: options.dataset,
      filePath,
      declaredCoverage: declarations.get(filePath),
      encoding: options.encoding,
      now: options.now,
      onProgress: (records) => options.onProgress?.(filePath, records),
    }));
    if (!result.skipped && result.manifest.status === 'file_rejected') {
      results.push({ ...result, filePath, blockedFiles: selected.slice(index + 1) });
      break;
    }
    results.push({ ...result, filePath });
  }
  return { files: results, notIngested };
}
