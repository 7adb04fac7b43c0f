/**
 * Self-contained SQL fixture tests (sqllogictest style): fixture rows in, exact rows out.
 *
 *   const db = await sqlFixture();
 *   await db.insert('patent_events', [{ event_id: 'E1', effective_date: '2024-03-05', contract_amount_cny: '12.50' }]);
 *   await db.createViews();
 *   expect(await db.rows('select … from mart_… order by …')).toEqual([...]);
 *   await db.close();
 *
 * Every lake source table (from DATASETS, lineage columns included) and `city_config` exists as
 * an empty *table*, so rows can be inserted. Columns not given are NULL; lineage columns default
 * to `_source_sha256 = 'fixture'`, `_source_row = index + 2` (the header is record 1) and
 * `_ingest_seq = 1`; the `year`/`month` partition columns of a monthly dataset are derived from
 * its partition date when not given. Money is given as a string (`'12.50'`), dates as `'YYYY-MM-DD'`.
 *
 * The staging views count only rows of committed ingestions (docs/lake.md "The commit rule"), so
 * `insert` also commits every source file its rows name: a `manifests` row with status
 * `ingested` per dataset and `_source_sha256`. `insert(table, rows, { committed: false })`
 * leaves them uncommitted, as an interrupted ingestion would.
 */
import { fileURLToPath } from 'node:url';
import { createDuckDbEngine } from '../../etl/engines/duckdb-engine.ts';
import { registerLakeSources } from '../../etl/engines/lake-sources.ts';
import { registerManifestsSource } from '../../etl/engines/manifests-source.ts';
import { CITY_CONFIG_TABLE, lakeTableFor, sqlColumnsOf, type LakeTable, type SqlColumn } from '../../etl/engines/lake-tables.ts';
import type { QueryEngine, QueryParams, Row } from '../../etl/engines/query-engine.ts';
import { createViews, type ViewDefinition } from '../../etl/engines/view-catalog.ts';
import type { DatasetSpec } from '../../etl/schemas/dataset-spec.ts';
import { DATASETS } from '../../etl/schemas/index.ts';

export type FixtureValue = string | number | boolean | null;
export type FixtureRow = Readonly<Record<string, FixtureValue>>;

export interface SqlFixture {
  readonly engine: QueryEngine;
  /** The source tables, in registration order (datasets, then city_config). */
  readonly tables: readonly LakeTable[];
  insert(table: string, rows: readonly FixtureRow[], options?: { readonly committed?: boolean }): Promise<void>;
  /** Creates every view of sql/ (dependencies first). */
  createViews(): Promise<ViewDefinition[]>;
  rows<R extends Row = Row>(sql: string, params?: QueryParams): Promise<R[]>;
  close(): Promise<void>;
}

export interface SqlFixtureOptions {
  /** @default the project's sql/ folder */
  readonly sqlDir?: string;
  /** @default DATASETS from etl/schemas/index.ts */
  readonly datasets?: readonly Pick<DatasetSpec, 'name' | 'curatedColumns' | 'partitioning'>[];
}

export const PROJECT_SQL_DIR = fileURLToPath(new URL('../../sql', import.meta.url));
const ROWS_PER_INSERT = 100;

export async function sqlFixture(options: SqlFixtureOptions = {}): Promise<SqlFixture> {
  const datasets = options.datasets ?? Object.values(DATASETS);
  const tables = [...datasets.map(lakeTableFor), CITY_CONFIG_TABLE];
  const engine = createDuckDbEngine({ threads: 1 });
  // No curated folder at all: every table is registered empty.
  await registerLakeSources(engine, { curatedDir: fileURLToPath(new URL('./no-such-lake', import.meta.url)), tables, emptyAs: 'table' });
  await registerManifestsSource(engine, { manifestsDir: fileURLToPath(new URL('./no-such-lake', import.meta.url)), emptyAs: 'table' });
  const byName = new Map(tables.map((t) => [t.name, t]));
  const committedFiles = new Set<string>();
  return {
    engine,
    tables,
    async insert(tableName, rows, insertOptions = {}) {
      const table = byName.get(tableName);
      if (table === undefined) {
        throw new Error(`sqlFixture.insert: no lake table ${tableName}; tables: ${[...byName.keys()].join(', ')}`);
      }
      for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
        const batch = rows.slice(start, start + ROWS_PER_INSERT).map((row, i) => completeRow(table, row, start + i));
        await engine.query(insertSql(table, batch.length), insertParams(batch));
        if (insertOptions.committed === false) continue;
        for (const row of batch) {
          const sha = row['_source_sha256'];
          if (typeof sha !== 'string' || committedFiles.has(`${table.name}/${sha}`)) continue;
          committedFiles.add(`${table.name}/${sha}`);
          await engine.query(`INSERT INTO manifests (source_sha256, status, ingest_seq, dataset) VALUES (:sha, 'ingested', CAST(:seq AS INTEGER), :dataset)`, {
            sha,
            seq: row['_ingest_seq'] ?? 1,
            dataset: table.name,
          });
        }
      }
    },
    createViews: () => createViews(engine, options.sqlDir ?? PROJECT_SQL_DIR),
    async rows<R extends Row = Row>(sql: string, params?: QueryParams) {
      return (await engine.query<R>(sql, params)).rows;
    },
    close: () => engine.close(),
  };
}

function completeRow(table: LakeTable, row: FixtureRow, index: number): Record<string, FixtureValue> {
  const columns = sqlColumnsOf(table);
  const known = new Set(columns.map((c) => c.name));
  const unknown = Object.keys(row).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(
      `sqlFixture.insert into ${table.name}, row ${index}: unknown column ${unknown.join(', ')}; columns: ${[...known].join(', ')}`,
    );
  }
  const complete: Record<string, FixtureValue> = {};
  for (const { name } of columns) complete[name] = row[name] ?? null;
  if (known.has('_source_sha256')) {
    complete['_source_sha256'] = row['_source_sha256'] ?? 'fixture';
    complete['_source_row'] = row['_source_row'] ?? index + 2;
    complete['_ingest_seq'] = row['_ingest_seq'] ?? 1;
  }
  if (table.partitioning.kind === 'month') {
    const partitionDate = row[table.partitioning.column];
    if (typeof partitionDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(partitionDate)) {
      complete['year'] = row['year'] ?? Number(partitionDate.slice(0, 4));
      complete['month'] = row['month'] ?? Number(partitionDate.slice(5, 7));
    }
  }
  return complete;
}

function insertSql(table: LakeTable, rowCount: number): string {
  const columns = sqlColumnsOf(table);
  const tuples = Array.from({ length: rowCount }, (_, r) => `(${columns.map((c, i) => castParam(c, r, i)).join(', ')})`);
  return `INSERT INTO ${table.name} (${columns.map((c) => c.name).join(', ')}) VALUES\n${tuples.join(',\n')}`;
}

function castParam(column: SqlColumn, row: number, index: number): string {
  return `CAST(:r${row}_c${index} AS ${column.sqlType})`;
}

function insertParams(rows: readonly Record<string, FixtureValue>[]): QueryParams {
  const params: Record<string, FixtureValue> = {};
  rows.forEach((row, r) => {
    Object.values(row).forEach((value, i) => {
      // A number given for a DECIMAL goes through its decimal text, never through a DOUBLE.
      params[`r${r}_c${i}`] = typeof value === 'number' && !Number.isInteger(value) ? String(value) : value;
    });
  });
  return params;
}
