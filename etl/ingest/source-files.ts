/**
 * Which files of a dataset folder are source files, and why each other entry is not ingested:
 * the extensions the ingestion reads, links followed within the input folder, unreadable files
 * named. coverage.json is the folder's declaration (read beside the files), not an entry to list.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { COVERAGE_FILE_NAME } from '../coverage/coverage-file.ts';
import { linkBoundaryOf, resolveInputEntry, unreadableReason, type LinkBoundary } from './input-entry.ts';
import type { NotIngested } from './not-ingested.ts';

/** Extensions taken from a folder; anything else there (README.md, .DS_Store) is listed as not ingested. */
export const SOURCE_EXTENSIONS = ['.csv', '.tsv', '.txt'] as const;

export function isSourceFileName(name: string): boolean {
  return (SOURCE_EXTENSIONS as readonly string[]).includes(path.extname(name).toLowerCase());
}

export interface FolderListing {
  /** Paths of the source files, sorted (a link keeps its own path). */
  readonly files: string[];
  readonly notIngested: NotIngested[];
}

/**
 * The source files directly in `folder` and every other entry with its reason.
 * @param boundary links may lead anywhere inside it. @default the folder itself
 */
export async function listDatasetFolder(folder: string, boundary?: LinkBoundary): Promise<FolderListing> {
  const within = boundary ?? (await linkBoundaryOf(folder));
  const names = (await readdir(folder)).sort();
  const files: string[] = [];
  const notIngested: NotIngested[] = [];
  for (const name of names) {
    if (name === COVERAGE_FILE_NAME) continue;
    const entry = await resolveInputEntry(path.join(folder, name), within);
    if (entry.kind === 'refused') {
      notIngested.push(entry.notIngested);
    } else if (entry.kind === 'folder') {
      notIngested.push({ path: entry.path, code: 'folder_in_dataset_folder', reason: `a folder inside the dataset folder ${folder}: only the files directly in a dataset folder are read` });
    } else if (entry.kind === 'other') {
      notIngested.push({ path: entry.path, code: 'not_a_regular_file', reason: 'not a regular file (a device, socket or pipe)' });
    } else if (!isSourceFileName(name)) {
      notIngested.push({ path: entry.path, code: 'not_a_source_file', reason: `not a source file: only ${SOURCE_EXTENSIONS.join(', ')} files are read` });
    } else {
      const unreadable = await unreadableReason(entry.path);
      if (unreadable === null) files.push(entry.path);
      else notIngested.push({ path: entry.path, code: 'unreadable', reason: unreadable });
    }
  }
  return { files, notIngested };
}

/** The names of the source files directly in `folder`, sorted. */
export async function sourceFileNamesIn(folder: string): Promise<string[]> {
  return (await listDatasetFolder(folder)).files.map((file) => path.basename(file));
}
