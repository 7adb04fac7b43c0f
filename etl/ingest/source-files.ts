/** Which files of a folder are source files: the extensions the ingestion reads. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Extensions taken from a folder; anything else there (README, coverage.json, .DS_Store) is left alone. */
export const SOURCE_EXTENSIONS = ['.csv', '.tsv', '.txt'] as const;

export function isSourceFileName(name: string): boolean {
  return (SOURCE_EXTENSIONS as readonly string[]).includes(path.extname(name).toLowerCase());
}

/** The names of the source files directly in `folder`, sorted. */
export async function sourceFileNamesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && isSourceFileName(entry.name))
    .map((entry) => entry.name)
    .sort();
}
