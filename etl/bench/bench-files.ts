/**
 * The files `npm run bench` measures, all patent_events from the same seed: `utf8` (the clean
 * file), `gb18030` (the same rows in GB18030, files/gb18030-file.ts) and `bad5` (5 % of the rows
 * broken, files/bad5-file.ts); or one existing file given with --file. Each says what steps (a)
 * and (b) read, what step (c) reads and how, and what the ingestion must report.
 */
import path from 'node:path';
import { brokenRowCount, writeBad5File } from './files/bad5-file.ts';
import { writeGb18030Twin } from './files/gb18030-file.ts';

export const BENCH_FILES = ['utf8', 'gb18030', 'bad5'] as const;
export type BenchFileName = (typeof BENCH_FILES)[number];

/** How step (c) types the columns: as the schema says, or every one as VARCHAR. */
export type DuckdbColumns = 'typed' | 'varchar';

export interface BenchFile {
  /** utf8, gb18030, bad5, or the base name of a --file. */
  readonly name: string;
  /** Read by steps (a) and (b). */
  readonly path: string;
  /** Read by step (c): the UTF-8 twin for gb18030. */
  readonly duckdbPath: string;
  readonly duckdbColumns: DuckdbColumns;
  readonly bytes: number;
  /** Data rows every step must count; unknown for a --file. */
  readonly rows?: number;
  /** Rows the ingestion must reject; unknown for a --file. */
  readonly rejected?: number;
  /** What the printed table must say about the file, e.g. which file (c) read. */
  readonly note: string;
}

/** The generated clean UTF-8 file the others derive from. */
export interface CleanFile {
  readonly path: string;
  readonly rows: number;
  readonly bytes: number;
}

/** Writes `name` (next to the clean file) and describes it. */
export async function prepareBenchFile(name: BenchFileName, clean: CleanFile, seed: number): Promise<BenchFile> {
  const dir = path.dirname(clean.path);
  switch (name) {
    case 'utf8':
      return { name, path: clean.path, duckdbPath: clean.path, duckdbColumns: 'typed', bytes: clean.bytes, rows: clean.rows, rejected: 0, note: 'UTF-8' };
    case 'gb18030': {
      const file = path.join(dir, 'patent_events.gb18030.csv');
      const bytes = await writeGb18030Twin(clean.path, file);
      const note = 'GB18030; (c) reads the UTF-8 twin (same rows): DuckDB cannot read GB18030 without its encodings extension';
      return { name, path: file, duckdbPath: clean.path, duckdbColumns: 'typed', bytes, rows: clean.rows, rejected: 0, note };
    }
    case 'bad5': {
      const file = path.join(dir, 'patent_events.bad5.csv');
      const written = await writeBad5File(clean.path, file, seed);
      if (written.rows !== clean.rows || written.broken !== brokenRowCount(clean.rows)) {
        throw new Error(`bench: bad5 has ${written.rows} rows with ${written.broken} broken, expected ${clean.rows} with ${brokenRowCount(clean.rows)}`);
      }
      const note = `UTF-8, ${written.broken} rows broken (one field each); (c) reads every column as VARCHAR`;
      return { name, path: file, duckdbPath: file, duckdbColumns: 'varchar', bytes: written.bytes, rows: written.rows, rejected: written.broken, note };
    }
  }
}

/** An existing file given with --file: measured as it is, typed, with nothing to check. */
export function givenBenchFile(file: string, bytes: number): BenchFile {
  return { name: path.basename(file), path: file, duckdbPath: file, duckdbColumns: 'typed', bytes, note: 'given with --file' };
}
