/**
 * The top level of an input folder (`<input>/<dataset>/…`): which dataset folders it holds, and
 * every other entry that could be data with the reason it is not read. Files directly in the
 * input folder that are not source files (the city configuration, a README) are the folder's
 * paperwork, not input, and are not listed; a `.csv`, `.tsv` or `.txt` there is.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { linkBoundaryOf, resolveInputEntry, type LinkBoundary } from '../ingest/input-entry.ts';
import type { NotIngested } from '../ingest/not-ingested.ts';
import { isSourceFileName } from '../ingest/source-files.ts';
import { DATASET_NAMES, type DatasetName } from '../schemas/dataset-spec.ts';

export interface InputFolderListing {
  /** Links in the input folder are followed when they lead inside it (input-entry.ts). */
  readonly boundary: LinkBoundary;
  /** The dataset folders present (a link to a folder inside the input counts). */
  readonly datasetFolders: ReadonlySet<DatasetName>;
  readonly notIngested: NotIngested[];
}

export async function listInputFolder(inputDir: string): Promise<InputFolderListing> {
  const cannotRead = (error: NodeJS.ErrnoException) => {
    throw new Error(`cannot read the input folder ${inputDir}: ${error.code === 'ENOENT' ? 'no such folder' : error.message}`, { cause: error });
  };
  const boundary = await linkBoundaryOf(inputDir).catch(cannotRead);
  const names = (await readdir(inputDir).catch(cannotRead)).sort();
  const datasetFolders = new Set<DatasetName>();
  const notIngested: NotIngested[] = [];
  for (const name of names) {
    const entry = await resolveInputEntry(path.join(inputDir, name), boundary);
    if (entry.kind === 'refused') {
      notIngested.push(entry.notIngested);
    } else if (entry.kind === 'folder') {
      if ((DATASET_NAMES as readonly string[]).includes(name)) datasetFolders.add(name as DatasetName);
      else notIngested.push({ path: entry.path, code: 'not_a_dataset_folder', reason: `a folder whose name is not a dataset, so none of its files are read; dataset folders: ${DATASET_NAMES.join(', ')}` });
    } else if (entry.kind === 'other') {
      notIngested.push({ path: entry.path, code: 'not_a_regular_file', reason: 'not a regular file (a device, socket or pipe)' });
    } else if (isSourceFileName(name)) {
      notIngested.push({ path: entry.path, code: 'not_in_a_dataset_folder', reason: `a source file directly in the input folder: put it in the folder of its dataset (${path.join(inputDir, '<dataset>')})` });
    }
  }
  return { boundary, datasetFolders, notIngested };
}
