/**
 * Registers the curated Parquet lake as SQL source tables in DuckDB, one view per dataset,
 * with every column cast to its declared type so that the views in sql/ bind to the same types
 * whatever the Parquet writer chose. A dataset with no files yet gets an empty object with the
 * same columns, so every view in sql/ binds on a new or partial lake.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { QueryEngine } from './query-engine.ts';
import { sqlColumnsOf, partitionColumns, type LakeTable, type SqlColumn } from './lake-tables.ts';
import { sqlIdentifier, sqlStringLiteral } from './sql-literals.ts';

export interface RegisterLakeSourcesOptions {
  /** Local folder holding `<dataset>/…/*.parquet` (the lake's `curated/` prefix). */
  readonly curatedDir: string;
  readonly tables: readonly LakeTable[];
  /**
   * What a dataset without files becomes: a `view` over no rows, or an empty `table` that
   * SQL fixtures can insert rows into. @default 'view'
   */
  readonly emptyAs?: 'view' | 'table';
}

export interface RegisteredSource {
  readonly name: string;
  readonly parquetFiles: number;
  readonly registeredAs: 'parquet-view' | 'empty-view' | 'empty-table';
}

export async function registerLakeSources(engine: QueryEngine, options: RegisterLakeSourcesOptions): Promise<RegisteredSource[]> {
  const registered: RegisteredSource[] = [];
  for (const table of options.tables) {
    const dataDir = path.join(options.curatedDir, table.name);
    const parquetFiles = await countParquetFiles(dataDir);
    const registeredAs = parquetFiles > 0 ? 'parquet-view' : options.emptyAs === 'table' ? 'empty-table' : 'empty-view';
    // Built before anything is dropped, so a bad table spec leaves the database as it was.
    const ddl =
      registeredAs === 'parquet-view'
        ? parquetViewSql(table, dataDir, await storedColumnNames(engine, table, dataDir))
        : registeredAs === 'empty-table'
          ? emptyTableSql(table)
          : emptyViewSql(table);
    await dropExisting(engine, table.name);
    await engine.execute(ddl);
    registered.push({ name: table.name, parquetFiles, registeredAs });
  }
  return registered;
}

/**
 * `storedColumns`: the columns the files hold (union over the files). A declared column that no
 * file holds — an optional column added after every file of the lake was written — reads as a
 * typed NULL, as Athena reads it (its Parquet SerDe maps columns by name). @default every column
 */
export function parquetViewSql(table: LakeTable, dataDir: string, storedColumns?: ReadonlySet<string>): string {
  const glob = `${globSafeDir(dataDir)}/**/*.parquet`;
  const columns = sqlColumnsOf(table);
  return (
    `CREATE OR REPLACE VIEW ${sqlIdentifier(table.name)} AS\nSELECT\n${castList(columns, storedColumns)}\n` +
    `FROM read_parquet(${sqlStringLiteral(glob)}, ${readOptionsOf(table).join(', ')})`
  );
}

/** The column names of the union of the table's files (Hive partition columns included). */
async function storedColumnNames(engine: QueryEngine, table: LakeTable, dataDir: string): Promise<ReadonlySet<string>> {
  const glob = `${globSafeDir(dataDir)}/**/*.parquet`;
  const described = await engine.query<{ column_name: string }>(
    `DESCRIBE SELECT * FROM read_parquet(${sqlStringLiteral(glob)}, ${readOptionsOf(table).join(', ')})`,
  );
  return new Set(described.rows.map((row) => row.column_name));
}

function readOptionsOf(table: LakeTable): string[] {
  const hiveTypes = partitionColumns(table.partitioning).map((c) => `${sqlStringLiteral(c.name)}: ${c.sqlType}`);
  return [
    `hive_partitioning = ${hiveTypes.length > 0}`,
    ...(hiveTypes.length > 0 ? [`hive_types = {${hiveTypes.join(', ')}}`] : []),
    // Files written before a column was added still read, with NULL in the new column.
    'union_by_name = true',
  ];
}

export function emptyViewSql(table: LakeTable): string {
  const columns = sqlColumnsOf(table).map((c) => `  CAST(NULL AS ${c.sqlType}) AS ${sqlIdentifier(c.name)}`);
  return `CREATE OR REPLACE VIEW ${sqlIdentifier(table.name)} AS\nSELECT\n${columns.join(',\n')}\nWHERE false`;
}

export function emptyTableSql(table: LakeTable): string {
  const columns = sqlColumnsOf(table).map((c) => `  ${sqlIdentifier(c.name)} ${c.sqlType}`);
  return `CREATE OR REPLACE TABLE ${sqlIdentifier(table.name)} (\n${columns.join(',\n')}\n)`;
}

function castList(columns: readonly SqlColumn[], storedColumns: ReadonlySet<string> | undefined): string {
  return columns
    .map((c) => {
      const source = storedColumns === undefined || storedColumns.has(c.name) ? sqlIdentifier(c.name) : 'NULL';
      return `  CAST(${source} AS ${c.sqlType}) AS ${sqlIdentifier(c.name)}`;
    })
    .join(',\n');
}

/** A view cannot replace a table of the same name (nor the reverse), so drop whichever exists. */
async function dropExisting(engine: QueryEngine, name: string): Promise<void> {
  const existing = await engine.query<{ table_type: string }>(
    `SELECT table_type FROM information_schema.tables WHERE table_schema = 'main' AND table_name = :name`,
    { name },
  );
  const tableType = existing.rows[0]?.table_type;
  if (tableType === 'VIEW') await engine.execute(`DROP VIEW ${sqlIdentifier(name)}`);
  else if (tableType !== undefined) await engine.execute(`DROP TABLE ${sqlIdentifier(name)}`);
}

async function countParquetFiles(dir: string): Promise<number> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile() && e.name.endsWith('.parquet')).length;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw new Error(`cannot list curated files in ${dir}: ${(error as Error).message}`, { cause: error });
  }
}

/** DuckDB reads the path as a glob: forward slashes, and no glob characters of its own. */
function globSafeDir(dir: string): string {
  const forward = path.resolve(dir).split(path.sep).join('/');
  if (/[*?[\]{}]/.test(forward)) {
    throw new RangeError(`the lake folder ${forward} contains a glob character (* ? [ ] { }); move the lake to a plain path`);
  }
  return forward;
}
