/**
 * Converts a staging CSV (staging-csv.ts) into the curated Parquet files of one source file,
 * one file per partition, with DuckDB: its CSV reader and Parquet writer are native and
 * multi-threaded, and its memory limit keeps the peak flat for any file size (it spills to disk).
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { CuratedColumn, Partitioning } from '../schemas/dataset-spec.ts';

export interface ParquetPart {
  readonly year?: number;
  readonly month?: number;
  readonly rows: number;
  /** Local path of the written Parquet file. */
  readonly file: string;
}

export interface ParquetWriteOptions {
  readonly stagingCsv: string;
  /** Columns of the staging CSV, in order (curated columns, including lineage and any year partition column). */
  readonly columns: readonly CuratedColumn[];
  readonly partitioning: Partitioning;
  readonly workDir: string;
  /** DuckDB memory limit. @default '160MB' */
  readonly memoryLimit?: string;
  /** DuckDB threads. @default 2 */
  readonly threads?: number;
  /** Row counts per partition, counted while the staging CSV was written. */
  readonly partitions: ReadonlyMap<string, PartitionCount>;
}

export interface PartitionCount {
  readonly year?: number;
  readonly month?: number;
  readonly rows: number;
}

export const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;
export const sqlIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A DuckDB table expression reading a staging CSV written by StagingCsvWriter. */
export function readStagingCsv(stagingCsv: string, columns: readonly CuratedColumn[]): string {
  const columnTypes = columns.map((column) => `${sqlString(column.name)}: ${sqlString(column.sqlType)}`).join(', ');
  return `read_csv(${sqlString(stagingCsv)}, header = false, auto_detect = false, delim = ',', quote = '"', escape = '"', nullstr = '', new_line = '\\n', columns = {${columnTypes}})`;
}

function partitionExpressions(partitioning: Partitioning): { year?: string; month?: string } {
  switch (partitioning.kind) {
    case 'month':
      return { year: `year(${sqlIdentifier(partitioning.column)})`, month: `month(${sqlIdentifier(partitioning.column)})` };
    case 'year':
      return { year: sqlIdentifier(partitioning.column) };
    case 'none':
      return {};
  }
}

export async function writeParquetParts(options: ParquetWriteOptions): Promise<ParquetPart[]> {
  const { columns, partitioning, workDir } = options;
  const outDir = path.join(workDir, 'parquet');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const instance = await DuckDBInstance.create(':memory:', {
    threads: String(options.threads ?? 2),
    memory_limit: options.memoryLimit ?? '160MB',
    temp_directory: path.join(workDir, 'duckdb-spill'),
    preserve_insertion_order: 'true',
  });
  const connection = await instance.connect();
  try {
    const source = readStagingCsv(options.stagingCsv, columns);
    const partition = partitionExpressions(partitioning);
    // The year partition column of annual datasets lives in the path only (Hive style).
    const fileColumns = columns.filter((column) => !(partitioning.kind === 'year' && column.name === partitioning.column));
    const selectList = fileColumns.map((column) => sqlIdentifier(column.name)).join(', ');
    const partitionSelect = [
      partition.year ? `CAST(${partition.year} AS VARCHAR) AS "__year"` : null,
      partition.month ? `lpad(CAST(${partition.month} AS VARCHAR), 2, '0') AS "__month"` : null,
    ].filter((part) => part !== null);
    const partitionBy = partitionSelect.length > 0 ? `, PARTITION_BY (${['"__year"', '"__month"'].slice(0, partitionSelect.length).join(', ')})` : '';
    const query = `SELECT ${[selectList, ...partitionSelect].join(', ')} FROM ${source} ORDER BY "_source_row"`;
    const target = partitionBy ? outDir : path.join(outDir, 'part.parquet');
    await connection.run(
      `COPY (${query}) TO ${sqlString(target)} (FORMAT parquet, COMPRESSION zstd${partitionBy}${partitionBy ? ", FILENAME_PATTERN 'part{i}'" : ''})`,
    );
    return await collectParts(outDir, [...options.partitions.values()]);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function collectParts(outDir: string, counts: readonly PartitionCount[]): Promise<ParquetPart[]> {
  const parts: ParquetPart[] = [];
  for (const { year, month, rows } of counts) {
    const dir = path.join(
      outDir,
      ...(year === undefined ? [] : [`__year=${year}`]),
      ...(month === undefined ? [] : [`__month=${String(month).padStart(2, '0')}`]),
    );
    const files = year === undefined ? ['part.parquet'] : (await readdir(dir)).filter((name) => name.endsWith('.parquet'));
    if (files.length !== 1) throw new Error(`expected one Parquet file in ${dir}, found ${files.length}`);
    parts.push({ year, month, rows, file: path.join(dir, files[0]!) });
  }
  return parts;
}
