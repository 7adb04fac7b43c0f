/**
 * Converts the staging CSVs of one source file (one or more per partition, see
 * partitioned-staging.ts) into the curated Parquet files, one file per partition, with DuckDB:
 * its CSV reader and Parquet writer are native. Each partition is a plain streaming COPY whose
 * rows are already in record order, so there is no sort, and insertion order (kept) makes the
 * output the same bytes on every run. Partitions are written one per core at a time (two outside
 * Lambda), each COPY on one thread; memory and spill folder come from duckdb-resources.ts.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { duckDbInstanceConfig, duckDbResources } from '../engines/duckdb-resources.ts';
import { sqlIdentifier, sqlStringLiteral } from '../engines/sql-literals.ts';
import type { CuratedColumn, Partitioning } from '../schemas/dataset-spec.ts';
import { parquetWriteError } from './parquet-write-error.ts';
import { MAX_ROW_BYTES } from './row-too-long.ts';
import { stagingCsvColumns } from './staging-line-formatter.ts';

export interface ParquetPart {
  readonly year?: number;
  readonly month?: number;
  readonly rows: number;
  /** Local path of the written Parquet file. */
  readonly file: string;
}

export interface PartitionCount {
  readonly year?: number;
  readonly month?: number;
  readonly rows: number;
}

/** One staging CSV of a partition, and the number to add to its `_source_row` (records of earlier parts of the file). */
export interface StagingSlice {
  readonly path: string;
  readonly rowOffset: number;
}

export interface StagedPartition extends PartitionCount {
  /** The partition's staging CSVs, in record order. */
  readonly slices: readonly StagingSlice[];
  /** Some staging line is from a row over 1 MiB (row-too-long.ts): read with the larger buffer. @default false */
  readonly longLines?: boolean;
}

export type ParquetCompression = 'zstd' | 'snappy';

/** The lineage values that are the same for every row of a source file. */
export interface FileLineage {
  readonly sha256: string;
  readonly ingestSeq: number;
}

export interface ParquetWriteOptions {
  /**
   * The staging columns (staging-columns.ts: curated columns, any year partition column, then
   * lineage); the CSVs hold all but the constant lineage columns (stagingCsvColumns).
   */
  readonly columns: readonly CuratedColumn[];
  readonly lineage: FileLineage;
  readonly partitioning: Partitioning;
  readonly partitions: readonly StagedPartition[];
  readonly workDir: string;
  /**
   * Partitions written at a time, each on its own connection (and calling thread) with one
   * DuckDB thread. @default the vCPUs in Lambda (duckdb-resources.ts), 2 elsewhere
   */
  readonly concurrency?: number;
  /** @default 'zstd' */
  readonly compression?: ParquetCompression;
  /** The source file's name, for messages (DuckDB's own name the staging files). @default 'the source file' */
  readonly sourceName?: string;
}

/**
 * The CSV reader's buffer per file being read. DuckDB's default, 32 MiB, is a fifth of the
 * memory budget per partition being written; 4 MiB holds any staging line (2 MiB at most).
 */
const CSV_BUFFER_BYTES = 4 * 1024 * 1024;
/**
 * A partition holding a row over 1 MiB is read with a larger buffer (DuckDB's buffer must exceed
 * its maximum line size): rows are at most 4 MiB (row-too-long.ts), and quoting can double a
 * field's length in the staging line.
 */
const LONG_LINE_BYTES = 2 * MAX_ROW_BYTES + 64 * 1024;
const LONG_LINE_BUFFER_BYTES = LONG_LINE_BYTES + 1024 * 1024;


export interface ReadStagingOptions {
  /** Adds DuckDB's `filename` column (which file a row came from). */
  readonly filename?: boolean;
  /** The CSV reader's buffer, in bytes (DuckDB's default is 32 MiB per file being read). */
  readonly bufferBytes?: number;
  /** The longest line the reader accepts, in bytes; less than `bufferBytes`. @default DuckDB's */
  readonly maxLineBytes?: number;
}

/** A DuckDB table expression reading staging CSVs written by StagingCsvWriter or PartitionedStagingWriter. */
export function readStagingCsv(stagingCsv: string | readonly string[], columns: readonly CuratedColumn[], options: ReadStagingOptions = {}): string {
  const columnTypes = columns.map((column) => `${sqlStringLiteral(column.name)}: ${sqlStringLiteral(column.sqlType)}`).join(', ');
  const files = typeof stagingCsv === 'string' ? sqlStringLiteral(stagingCsv) : `[${stagingCsv.map(sqlStringLiteral).join(', ')}]`;
  return `read_csv(${files}, header = false, auto_detect = false, delim = ',', quote = '"', escape = '"', nullstr = '', new_line = '\\n', columns = {${columnTypes}}${options.filename ? ', filename = true' : ''}${options.bufferBytes === undefined ? '' : `, buffer_size = ${options.bufferBytes}`}${options.maxLineBytes === undefined ? '' : `, max_line_size = ${options.maxLineBytes}`})`;
}

/** Where a partition's file goes: Hive-style folders, so the files can be read back with their partition values. */
export function partitionFolder(outDir: string, partition: PartitionCount): string {
  return path.join(
    outDir,
    ...(partition.year === undefined ? [] : [`year=${partition.year}`]),
    ...(partition.month === undefined ? [] : [`month=${String(partition.month).padStart(2, '0')}`]),
  );
}

/**
 * The select list of a curated Parquet file: its columns in order, the year partition column of
 * annual datasets left out (it lives in the path only, Hive style), the lineage constants of the
 * file, and `_source_row` as the SQL `sourceRow` (null: the rows' own `_source_row` column).
 */
export function curatedSelectList(columns: readonly CuratedColumn[], partitioning: Partitioning, lineage: FileLineage, sourceRow: string | null): string[] {
  if (!/^[0-9a-f]{64}$/.test(lineage.sha256) || !Number.isInteger(lineage.ingestSeq) || lineage.ingestSeq < 1) {
    throw new Error(`Parquet lineage: expected a SHA-256 in lower-case hex and an ingest_seq ≥ 1, got ${JSON.stringify(lineage.sha256)} and ${lineage.ingestSeq}`);
  }
  return columns
    .filter((column) => !(partitioning.kind === 'year' && column.name === partitioning.column))
    .map((column) => {
      if (column.name === '_source_sha256') return `CAST(${sqlStringLiteral(lineage.sha256)} AS VARCHAR) AS "_source_sha256"`;
      if (column.name === '_ingest_seq') return `CAST(${lineage.ingestSeq} AS INTEGER) AS "_ingest_seq"`;
      if (column.name === '_source_row' && sourceRow !== null) return `CAST(${sourceRow} AS BIGINT) AS "_source_row"`;
      return sqlIdentifier(column.name);
    });
}

/** The COPY statement of one partition. */
export function partitionCopySql(options: Pick<ParquetWriteOptions, 'columns' | 'lineage' | 'partitioning' | 'compression'>, partition: StagedPartition, target: string): string {
  const { columns, partitioning, lineage } = options;
  if (partition.slices.length === 0) throw new Error(`partition ${JSON.stringify(partitionFolder('', partition))} has no staging file`);
  const shifted = partition.slices.some((slice) => slice.rowOffset !== 0);
  const cases = partition.slices.map((slice) => `WHEN ${sqlStringLiteral(slice.path)} THEN ${slice.rowOffset}`).join(' ');
  const selectList = curatedSelectList(columns, partitioning, lineage, shifted ? `"_source_row" + CASE filename ${cases} END` : null);
  const source = readStagingCsv(
    partition.slices.map((slice) => slice.path),
    stagingCsvColumns(columns),
    partition.longLines === true ? { filename: shifted, bufferBytes: LONG_LINE_BUFFER_BYTES, maxLineBytes: LONG_LINE_BYTES } : { filename: shifted, bufferBytes: CSV_BUFFER_BYTES },
  );
  return `COPY (SELECT ${selectList.join(', ')} FROM ${source}) TO ${sqlStringLiteral(target)} (FORMAT parquet, COMPRESSION ${options.compression ?? 'zstd'})`;
}

export async function writeParquetParts(options: ParquetWriteOptions): Promise<ParquetPart[]> {
  const { workDir } = options;
  const outDir = path.join(workDir, 'parquet');
  await rm(outDir, { recursive: true, force: true });
  const resources = duckDbResources();
  const concurrency = options.concurrency ?? resources.vcpus ?? 2;
  // One thread per COPY and a COPY per core: faster than threads inside one COPY (docs/performance.md).
  const config = duckDbInstanceConfig({ spillDir: path.join(workDir, 'duckdb-spill-parquet'), threads: 1, resources });
  const instance = await DuckDBInstance.create(':memory:', { ...config, preserve_insertion_order: 'true' });
  const connections: DuckDBConnection[] = [];
  try {
    for (let index = 0; index < concurrency; index++) connections.push(await instance.connect());
    const parts: ParquetPart[] = options.partitions.map((partition) => ({
      year: partition.year,
      month: partition.month,
      rows: partition.rows,
      file: path.join(partitionFolder(outDir, partition), 'part.parquet'),
    }));
    let next = 0;
    let failure: { readonly error: unknown } | undefined;
    const fail = (error: unknown, connection: DuckDBConnection): void => {
      if (failure !== undefined) return; // the others were interrupted because of the first failure
      failure = { error };
      for (const other of connections) if (other !== connection) other.interrupt();
    };
    const writeNext = async (connection: DuckDBConnection): Promise<void> => {
      while (failure === undefined && next < parts.length) {
        const index = next++;
        const part = parts[index]!;
        const partition = options.partitions[index]!;
        try {
          await mkdir(path.dirname(part.file), { recursive: true });
        } catch (error) {
          fail(error, connection);
          return;
        }
        try {
          await connection.run(partitionCopySql(options, partition, part.file));
        } catch (error) {
          if (failure === undefined) fail(await parquetWriteError(error, partition, options.sourceName ?? 'the source file'), connection);
          return;
        }
      }
    };
    // Every COPY must have ended before the connections close: closing a connection whose query
    // still runs deadlocks DuckDB (the process then never exits, and a Lambda runs to its timeout).
    await Promise.all(connections.map(writeNext));
    if (failure !== undefined) throw failure.error;
    return parts;
  } finally {
    for (const connection of connections) connection.closeSync();
    instance.closeSync();
  }
}
