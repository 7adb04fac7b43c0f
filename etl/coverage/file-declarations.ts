/**
 * The coverage declared for each source file of a local ingestion. For a file, the first of:
 * `--covers` (every file of the call) > its entry in `files` of the coverage.json beside it >
 * that coverage.json's `covers`. Every coverage.json involved is read and checked, even when
 * `--covers` wins, so a broken one never goes unnoticed.
 */
import path from 'node:path';
import { sourceFileNamesIn } from '../ingest/source-files.ts';
import type { DatasetSpec } from '../schemas/dataset-spec.ts';
import { hasCoverageFile, readCoverageFile, type FolderCoverage } from './coverage-file.ts';
import type { MonthRange } from './coverage-range.ts';
import { assertCoverageDeclarable } from './declarable-dataset.ts';
import { DECLARED_IN_COVERS_OPTION, type DeclaredCoverage } from './declared-coverage.ts';

export interface FileDeclarationsOptions {
  readonly dataset: DatasetSpec;
  /** Paths of the source files to be ingested. */
  readonly files: readonly string[];
  /** `--covers`. @default none */
  readonly covers?: MonthRange;
}

/** File path → its declaration; files without one are absent. */
export async function declaredCoverageOfFiles({ dataset, files, covers }: FileDeclarationsOptions): Promise<Map<string, DeclaredCoverage>> {
  if (covers !== undefined) assertCoverageDeclarable(dataset, DECLARED_IN_COVERS_OPTION);
  const folders = new Map<string, FolderCoverage | null>();
  for (const folder of new Set(files.map((file) => path.dirname(file)))) {
    if (!(await hasCoverageFile(folder))) {
      folders.set(folder, null);
      continue;
    }
    // A file given by name counts as a source file of its folder whatever its extension.
    const given = files.filter((file) => path.dirname(file) === folder).map((file) => path.basename(file));
    const names = [...new Set([...(await sourceFileNamesIn(folder)), ...given])].sort();
    folders.set(folder, await readCoverageFile(folder, dataset, names));
  }
  const declarations = new Map<string, DeclaredCoverage>();
  for (const file of files) {
    const declared = declarationFor(path.basename(file), covers, folders.get(path.dirname(file)) ?? null);
    if (declared !== null) declarations.set(file, declared);
  }
  return declarations;
}

/** The precedence for one file: `--covers`, its own entry of coverage.json, the folder's `covers`. */
export function declarationFor(fileName: string, covers: MonthRange | undefined, folder: FolderCoverage | null): DeclaredCoverage | null {
  if (covers !== undefined) return { first: covers.first, last: covers.last, declaredIn: DECLARED_IN_COVERS_OPTION };
  const own = folder?.files.get(fileName);
  if (own !== undefined) return { ...own, declaredIn: folder!.declaredIn };
  if (folder?.covers) return { ...folder.covers, declaredIn: folder.declaredIn };
  return null;
}
