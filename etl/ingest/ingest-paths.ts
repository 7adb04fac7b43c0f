/** Ingests files and folders of one dataset, in a deterministic order (sorted by path). */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ObjectStore } from '../lake/object-store.ts';
import type { DatasetSpec } from '../schemas/dataset-spec.ts';
import type { SourceEncoding } from '../sources/detect-encoding.ts';
import { ingestFile, type IngestFileResult } from './ingest-file.ts';

/** Extensions taken from a folder; anything else there (README, .DS_Store) is left alone. */
export const SOURCE_EXTENSIONS = ['.csv', '.tsv', '.txt'] as const;

export interface IngestPathsOptions {
  readonly store: ObjectStore;
  readonly dataset: DatasetSpec;
  readonly paths: readonly string[];
  readonly encoding?: SourceEncoding;
  readonly now?: () => Date;
  /** Ingest only the files this selects. @default every file */
  readonly include?: (filePath: string) => boolean;
  readonly onFileStart?: (filePath: string) => void;
  readonly onProgress?: (filePath: string, recordsRead: number) => void;
}

export interface IngestedFile extends IngestFileResult {
  readonly filePath: string;
}

export async function listSourceFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const given of paths) {
    const info = await stat(given).catch((error: NodeJS.ErrnoException) => {
      throw new Error(`cannot read ${given}: ${error.code === 'ENOENT' ? 'no such file or folder' : error.message}`, { cause: error });
    });
    if (info.isDirectory()) {
      const entries = await readdir(given, { withFileTypes: true });
      for (const entry of entries) {
        if (entry.isFile() && SOURCE_EXTENSIONS.includes(path.extname(entry.name).toLowerCase() as (typeof SOURCE_EXTENSIONS)[number])) {
          files.push(path.join(given, entry.name));
        }
      }
    } else {
      files.push(given);
    }
  }
  return [...new Set(files)].sort();
}

export async function ingestPaths(options: IngestPathsOptions): Promise<IngestedFile[]> {
  const results: IngestedFile[] = [];
  for (const filePath of (await listSourceFiles(options.paths)).filter((file) => options.include?.(file) ?? true)) {
    options.onFileStart?.(filePath);
    const result = await ingestFile({
      store: options.store,
      dataset: options.dataset,
      filePath,
      encoding: options.encoding,
      now: options.now,
      onProgress: (records) => options.onProgress?.(filePath, records),
    });
    results.push({ ...result, filePath });
  }
  return results;
}
