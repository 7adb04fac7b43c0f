/**
 * The ingestion inside DuckDB (issue 14): the file's records are read, checked and normalised by
 * one SQL statement generated from the dataset's definition (checked-rows-sql.ts), the valid rows
 * written to Parquet per partition and the rejects to JSONL — the same files, counts and reasons as
 * the JavaScript way (process-source.ts), which stays the oracle in the tests and the way for any
 * file this one cannot read the same: it returns `{ fallback }` with why, and ingest-file.ts then
 * processes the file the JavaScript way. Nothing is half-done: a fallback leaves nothing behind.
 *
 * Falls back for: a header not within the first MiB or that does not resolve (the JavaScript way
 * reports it), UTF-16 files, bytes that do not decode, quotes or line breaks the two CSV readers read
 * differently (source-shape.ts), blank lines (papaparse skips them; DuckDB does not say where), and
 * anything DuckDB's reader refuses (ragged quoting, a record with two or more fields too many, a
 * line over 2 MiB).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { duckDbInstanceConfig, duckDbResources } from '../../engines/duckdb-resources.ts';
import { sqlStringLiteral } from '../../engines/sql-literals.ts';
import { resolveHeaders } from '../../schemas/resolve-headers.ts';
import { hasRowPlan } from '../../schemas/row-plan.ts';
import { referenceTablesSql } from '../../schemas/sql/reference-tables.ts';
import { decodeChunks } from '../../sources/decode-text.ts';
import type { SourceEncoding } from '../../sources/detect-encoding.ts';
import type { ParquetPart } from '../parquet-writer.ts';
import { curatedSelectList, partitionFolder } from '../parquet-writer.ts';
import { partitionPeriodOf } from '../partition-key.ts';
import type { RowAccounting } from '../process-part.ts';
import { readSourceSample, type ProcessSourceOptions } from '../process-source.ts';
import { stagingColumnsOf } from '../staging-columns.ts';
import { CHECKED_TABLE, checkedRowsSql } from './checked-rows-sql.ts';
import type { RawColumnBinding } from '../raw-record-builder.ts';
import { writeRejectLines } from './reject-lines.ts';
import { scanSourceShape } from './source-shape.ts';
import { sourceCsvSql } from './source-csv-sql.ts';

/** What the JavaScript way is given, less its parallelism and progress (one statement does it all here). */
export type IngestInDuckDbOptions = Pick<ProcessSourceOptions, 'dataset' | 'filePath' | 'encoding' | 'sha256' | 'ingestSeq' | 'workDir'>;

export interface IngestedInDuckDb extends RowAccounting {
  readonly encoding: SourceEncoding;
  readonly delimiter: string;
  /** The curated Parquet files, one per partition, ascending. */
  readonly parquetParts: ParquetPart[];
  readonly rejectsPath: string | null;
}

export type IngestInDuckDbOutcome = { readonly done: IngestedInDuckDb } | { readonly fallback: string };

/**
 * DuckDB's memory for the ingestion outside Lambda: the checked table spills to the work folder
 * beyond it, so the process stays within its budget (256 MB peak RSS, issue 14) at any file size.
 */
const LOCAL_MEMORY_LIMIT = '256MiB';

export async function ingestInDuckDb(options: IngestInDuckDbOptions): Promise<IngestInDuckDbOutcome> {
  const { dataset, workDir } = options;
  if (!hasRowPlan(dataset)) return { fallback: `${dataset.name} is checked by its zod schema alone (no field twins)` };
  let sample: Awaited<ReturnType<typeof readSourceSample>>;
  try {
    sample = await readSourceSample(options.filePath, options.encoding);
  } catch (error) {
    return { fallback: `the sample: ${(error as Error).message}` };
  }
  if (sample.header === undefined) return { fallback: 'the header does not end within the first MiB' };
  const header = sample.header;
  let columns: RawColumnBinding[];
  let resolved: ReturnType<typeof resolveHeaders>;
  try {
    resolved = resolveHeaders(dataset, header);
    columns = columnBindingsOf(resolved);
  } catch (error) {
    return { fallback: `the header: ${(error as Error).message}` };
  }
  if (sample.encoding !== 'utf-8' && sample.encoding !== 'gb18030') return { fallback: `${sample.encoding} text` };

  const folder = path.join(workDir, 'duckdb-ingest');
  await mkdir(folder, { recursive: true });
  let utf8Path = options.filePath;
  if (sample.encoding === 'gb18030') {
    utf8Path = path.join(folder, 'source-utf8.csv');
    try {
      await pipeline(Readable.from(decodeChunks(createReadStream(options.filePath), 'gb18030')), createWriteStream(utf8Path));
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      return { fallback: `decoding GB18030: ${(error as Error).message}` };
    }
  }
  const shape = await scanSourceShape(utf8Path, sample.dialect);
  if (shape.irregular !== null) {
    await rm(folder, { recursive: true, force: true });
    return { fallback: shape.irregular };
  }

  const breakChar = sample.dialect.newline === '\r' ? '\r' : '\n';
  const { instance, connection } = await openCheckingSession(path.join(folder, 'spill'));
  try {
    try {
      await connection.run(checkedRowsSql({ dataset, fieldCount: header.length, columns, source: sourceCsvSql(utf8Path, sample.dialect, header.length), breakChar, quoted: shape.quoted }));
    } catch (error) {
      // Only what the CSV reader refuses goes the JavaScript way; anything else (memory, disk) is a failure of this run.
      if (!isCsvReaderError(error)) throw error;
      return { fallback: `DuckDB's CSV reader: ${firstLine(error)}` };
    }

    // Every line is a record's, or the file has blank lines, whose places DuckDB does not tell.
    const totals = (await connection.runAndReadAll(`SELECT count(*) AS records, coalesce(sum(_nl), 0) AS breaks, count(*) FILTER (_blank) AS blanks FROM ${CHECKED_TABLE}`)).getRowObjects()[0]!;
    const records = Number(totals['records']);
    const headerLines = 1 + header.reduce((sum, field) => sum + field.split(breakChar).length - 1, 0);
    const lines = headerLines + records + Number(totals['breaks']);
    if (Number(totals['blanks']) > 0 || shape.breaks !== (shape.endsWithBreak ? lines : lines - 1)) {
      return { fallback: 'the records read do not account for every line of the file (blank lines)' };
    }

    const partitionRows = (await connection.runAndReadAll(`SELECT _pkey, count(*) AS n FROM ${CHECKED_TABLE} WHERE _pkey IS NOT NULL GROUP BY _pkey ORDER BY _pkey`)).getRowObjects();
    const parts = await writePartitions(instance, options, partitionRows.map((row) => ({ key: Number(row['_pkey']), rows: Number(row['n']) })), path.join(workDir, 'parquet'));
    const rejects = await writeRejectLines({ connection, dataset, header, columns, headerLines, rejectsPath: path.join(workDir, 'rejects.jsonl') });
    const accepted = parts.reduce((sum, part) => sum + part.rows, 0);
    if (accepted + rejects.rejected !== records) throw new Error(`ingestion in DuckDB: ${records} records read, but ${accepted} accepted and ${rejects.rejected} rejected`);
    const { partitioning } = dataset;
    const keys = partitionRows.map((row) => Number(row['_pkey']));
    return {
      done: {
        encoding: sample.encoding,
        delimiter: sample.dialect.delimiter,
        read: records,
        accepted,
        rejected: rejects.rejected,
        rejectRules: rejects.rejectRules,
        headers: Object.fromEntries(resolved.columns.map(({ index, column }) => [column, header[index]!.trim()])),
        unknownColumns: resolved.unknown,
        periods:
          keys.length === 0 || partitioning.kind === 'none'
            ? { first: null, last: null }
            : { first: partitionPeriodOf(partitioning, keys[0]!).label, last: partitionPeriodOf(partitioning, keys[keys.length - 1]!).label },
        parquetParts: parts,
        rejectsPath: rejects.rejected > 0 ? rejects.path : null,
      },
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(folder, { recursive: true, force: true });
  }
}

/** The resolved header's columns as the raw record builder (and the checking query) binds them. */
export function columnBindingsOf(resolved: ReturnType<typeof resolveHeaders>): RawColumnBinding[] {
  return resolved.columns.map(({ index, column, unitScale }) => ({ index, column, wanYuan: unitScale === 10000 }));
}

/**
 * The DuckDB instance the checking query runs in: within the process's memory budget, spilling to
 * `spillDir`, keeping record order, with the reference tables the look-ups join. One thread: the CSV
 * reader must run serially (record numbers), and a second thread behind it cost CPU without saving
 * time (1M rows: 18.5 → 15.9 CPU s clean, 31.0 → 27.1 with 5 % bad rows, wall time equal; the
 * partitions are still written two at a time, on two connections).
 */
export async function openCheckingSession(spillDir: string): Promise<{ instance: DuckDBInstance; connection: DuckDBConnection }> {
  const resources = duckDbResources();
  const config = duckDbInstanceConfig({ spillDir, resources, threads: 1 });
  const instance = await DuckDBInstance.create(':memory:', {
    ...config,
    memory_limit: resources.memoryLimit ?? LOCAL_MEMORY_LIMIT,
    preserve_insertion_order: 'true',
  });
  const connection = await instance.connect();
  try {
    for (const statement of referenceTablesSql()) await connection.run(statement);
    // The CSV side's estimated size is tiny (DuckDB does not count a CSV's rows before reading), so
    // the optimiser would build each look-up's hash table on the file instead of the reference table.
    await connection.run(`SET disabled_optimizers = 'build_side_probe_side'`);
  } catch (error) {
    connection.closeSync();
    instance.closeSync();
    throw error;
  }
  return { instance, connection };
}

/** DuckDB's error for input its CSV reader will not read (bad quoting, too many fields, bad UTF-8, a line too long). */
function isCsvReaderError(error: unknown): boolean {
  return error instanceof Error && /^(Invalid Input Error|Parameter Not Allowed Error|Conversion Error)/.test(error.message);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/**
 * One COPY per partition from the checked table, whose rows are in partition then record order:
 * two at a time, each on its own connection and one thread (as parquet-writer.ts, which found that
 * faster than threads inside one COPY).
 */
async function writePartitions(instance: DuckDBInstance, options: IngestInDuckDbOptions, partitions: readonly { key: number; rows: number }[], outDir: string): Promise<ParquetPart[]> {
  const { dataset, sha256, ingestSeq } = options;
  const { partitioning } = dataset;
  // The header is record 1.
  const selectList = curatedSelectList(stagingColumnsOf(dataset), partitioning, { sha256, ingestSeq }, '_rec + 1');
  const parts: ParquetPart[] = partitions.map(({ key, rows }) => {
    const { year, month } = partitionPeriodOf(partitioning, key);
    return { year, month, rows, file: path.join(partitionFolder(outDir, { year, month, rows }), 'part.parquet') };
  });
  await rm(outDir, { recursive: true, force: true });
  const setup = await instance.connect();
  await setup.run('SET threads = 1');
  setup.closeSync();
  let next = 0;
  let stopped = false;
  const work = async (connection: DuckDBConnection) => {
    try {
      while (next < parts.length && !stopped) {
        const index = next++;
        const part = parts[index]!;
        await mkdir(path.dirname(part.file), { recursive: true });
        await connection.run(`COPY (SELECT ${selectList.join(', ')} FROM ${CHECKED_TABLE} WHERE _pkey = ${partitions[index]!.key}) TO ${sqlStringLiteral(part.file)} (FORMAT parquet, COMPRESSION zstd)`);
      }
    } catch (error) {
      stopped = true;
      throw error;
    } finally {
      connection.closeSync();
    }
  };
  // Both must have ended before the instance closes (closing under a running query deadlocks DuckDB).
  const settled = await Promise.allSettled([work(await instance.connect()), work(await instance.connect())]);
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed !== undefined) throw (failed as PromiseRejectedResult).reason;
  return parts;
}
