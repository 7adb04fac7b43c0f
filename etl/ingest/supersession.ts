/**
 * Counts what a new file supersedes: later rows of the same file with the same natural key,
 * and the current rows of earlier files whose key the new file carries (latest ingested wins),
 * by earlier file and by the partition (month or year) those rows were in.
 * The curated files themselves stay as written; the staging views pick the latest version.
 * Only committed files are compared (docs/lake.md "The commit rule"), as the views count them:
 * rows an interrupted ingestion left behind supersede nothing and are superseded by nothing.
 */
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { duckDbInstanceConfig } from '../engines/duckdb-resources.ts';
import { sqlIdentifier, sqlStringLiteral } from '../engines/sql-literals.ts';
import type { ObjectStore } from '../lake/object-store.ts';
import { lakeKeys } from '../lake/lake-keys.ts';
import { localCopyOf } from '../lake/local-copy.ts';
import { readCommittedIngestions, sha256OfLakeKey } from './committed-ingestions.ts';
import type { DatasetSpec } from '../schemas/dataset-spec.ts';
import { readStagingCsv, type ParquetPart } from './parquet-writer.ts';
import { partitionPeriodOf } from './partition-key.ts';
import { stagingColumnsOf } from './staging-columns.ts';

export interface SupersessionCounts {
  readonly distinct: number;
  readonly supersededInFile: number;
  /** Rows of earlier files superseded, by the earlier file's SHA-256. */
  readonly supersedes: Record<string, number>;
  /**
   * The same rows by the partition they were in: `YYYY-MM` (monthly datasets) or `YYYY`
   * (annual), in ascending order; null for an unpartitioned dataset.
   */
  readonly supersededMonths: Record<string, number> | null;
}

export interface SupersessionOptions {
  readonly store: ObjectStore;
  readonly dataset: DatasetSpec;
  readonly sha256: string;
  /** This file's accepted rows as a staging CSV; ignored when `curated` is given. */
  readonly stagingCsv?: string;
  /**
   * This file's curated Parquet files (parquet-writer.ts, Hive-style folders): reading their key
   * columns is much cheaper than parsing the staging CSV again.
   */
  readonly curated?: readonly ParquetPart[];
  readonly workDir: string;
}

function hiveTypesOf(dataset: DatasetSpec): string {
  return dataset.partitioning.kind === 'none' ? '' : `, hive_partitioning = true, hive_types = {'year': INTEGER${dataset.partitioning.kind === 'month' ? ", 'month': INTEGER" : ''}}`;
}

/** The partition of a curated row as partition-key.ts numbers it (year × 100 + month, the year, 0), from the Hive columns. */
function partitionKeySql(dataset: DatasetSpec): string {
  switch (dataset.partitioning.kind) {
    case 'month':
      return '"year" * 100 + "month"';
    case 'year':
      return '"year"';
    case 'none':
      return '0';
  }
}

/** This file's accepted rows, as a DuckDB table expression. */
function ownRowsOf(options: SupersessionOptions): string {
  if (options.curated !== undefined) return `read_parquet([${options.curated.map((part) => sqlStringLiteral(part.file)).join(', ')}]${hiveTypesOf(options.dataset)})`;
  if (options.stagingCsv === undefined) throw new Error(`countSupersession(${options.dataset.name}): give the curated Parquet files or the staging CSV`);
  return readStagingCsv(options.stagingCsv, stagingColumnsOf(options.dataset));
}

export async function countSupersession(options: SupersessionOptions): Promise<SupersessionCounts> {
  const { store, dataset, sha256, workDir } = options;
  const keyList = dataset.key.map(sqlIdentifier).join(', ');
  const existingFiles = await localCopiesOfCurated(store, dataset.name, sha256, workDir);
  const instance = await DuckDBInstance.create(':memory:', duckDbInstanceConfig({ spillDir: path.join(workDir, 'duckdb-spill-supersession') }));
  const connection = await instance.connect();
  try {
    const staged = ownRowsOf(options);
    const own = await connection.runAndReadAll(`SELECT count(*) AS n, count(DISTINCT (${keyList})) AS d FROM ${staged}`);
    const [ownCounts] = own.getRowObjects();
    const rows = Number(ownCounts!['n']);
    const distinct = Number(ownCounts!['d']);
    const supersedes: Record<string, number> = {};
    const byPartition = new Map<number, number>();
    if (existingFiles.length > 0) {
      const existing = `read_parquet([${existingFiles.map(sqlStringLiteral).join(', ')}]${hiveTypesOf(dataset)})`;
      const result = await connection.runAndReadAll(`
        WITH new_keys AS (SELECT DISTINCT ${keyList} FROM ${staged}),
        ranked AS (
          SELECT ${keyList}, "_source_sha256", ${partitionKeySql(dataset)} AS partition_key,
                 row_number() OVER (PARTITION BY ${keyList} ORDER BY "_ingest_seq" DESC, "_source_row" DESC) AS version_rank
          FROM ${existing}
        )
        SELECT ranked."_source_sha256" AS sha, ranked.partition_key AS partition_key, count(*) AS n
        FROM ranked JOIN new_keys USING (${keyList})
        WHERE ranked.version_rank = 1
        GROUP BY 1, 2 ORDER BY 1, 2`);
      for (const row of result.getRowObjects()) {
        const count = Number(row['n']);
        const sha = String(row['sha']);
        const partitionKey = Number(row['partition_key']);
        supersedes[sha] = (supersedes[sha] ?? 0) + count;
        byPartition.set(partitionKey, (byPartition.get(partitionKey) ?? 0) + count);
      }
    }
    return { distinct, supersededInFile: rows - distinct, supersedes, supersededMonths: supersededByPeriod(dataset, byPartition) };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function supersededByPeriod(dataset: DatasetSpec, byPartition: ReadonlyMap<number, number>): Record<string, number> | null {
  const { partitioning } = dataset;
  if (partitioning.kind === 'none') return null;
  const periods: Record<string, number> = {};
  for (const key of [...byPartition.keys()].sort((a, b) => a - b)) periods[partitionPeriodOf(partitioning, key).label] = byPartition.get(key)!;
  return periods;
}

/** Local paths of the dataset's committed curated files other than this file's: in place for a local lake, copied otherwise. */
async function localCopiesOfCurated(store: ObjectStore, dataset: DatasetSpec['name'], sha256: string, workDir: string): Promise<string[]> {
  const committed = await readCommittedIngestions(store, dataset);
  const objects = (await store.list(lakeKeys.curatedPrefix(dataset))).filter((object) => {
    const objectSha = sha256OfLakeKey(object.key);
    return object.key.endsWith('.parquet') && objectSha !== null && objectSha !== sha256 && committed.isCommitted(dataset, objectSha);
  });
  const paths: string[] = [];
  for (const object of objects) paths.push(await localCopyOf(store, object, path.join(workDir, 'existing')));
  return paths;
}
