/**
 * Registers the `manifests` source table (manifests-table.ts) in DuckDB: a view over the local
 * copy of the lake's `manifests/` read with read_json, every column cast to its declared type.
 * Without any manifest it is a view over no rows, or an empty table SQL fixtures insert into.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { MANIFESTS_TABLE, manifestsSqlColumns, type ManifestsTable } from './manifests-table.ts';
import type { QueryEngine } from './query-engine.ts';
import { sqlIdentifier, sqlStringLiteral } from './sql-literals.ts';

export interface RegisterManifestsSourceOptions {
  /** Local folder holding `<dataset>/<sha256>.json` (the lake's `manifests/` prefix). */
  readonly manifestsDir: string;
  /** What the table becomes without manifests. @default 'view' */
  readonly emptyAs?: 'view' | 'table';
  /** The table's declaration; the Athena stand-in passes the one it read from the Glue table. @default MANIFESTS_TABLE */
  readonly table?: ManifestsTable;
}

export async function registerManifestsSource(engine: QueryEngine, options: RegisterManifestsSourceOptions): Promise<{ manifests: number }> {
  const table = options.table ?? MANIFESTS_TABLE;
  const manifests = await countManifests(options.manifestsDir);
  const ddl = manifests > 0 ? manifestsViewSql(options.manifestsDir, table) : options.emptyAs === 'table' ? emptyTableSql(table) : emptyViewSql(table);
  // A view cannot replace a table of the same name, nor the reverse.
  const existing = await engine.query<{ table_type: string }>(`SELECT table_type FROM information_schema.tables WHERE table_schema = 'main' AND table_name = :name`, { name: table.name });
  const tableType = existing.rows[0]?.table_type;
  if (tableType !== undefined) await engine.execute(`DROP ${tableType === 'VIEW' ? 'VIEW' : 'TABLE'} ${sqlIdentifier(table.name)}`);
  await engine.execute(ddl);
  return { manifests };
}

export function manifestsViewSql(manifestsDir: string, table: ManifestsTable = MANIFESTS_TABLE): string {
  // read_json keeps only the fields named here and ignores the rest of each manifest.
  const topLevel = new Map<string, string>([[table.partitionColumn.name, 'VARCHAR']]);
  const nested = new Map<string, string[]>();
  for (const column of table.columns) {
    if (column.path.length === 1) topLevel.set(column.path[0], column.sqlType);
    else nested.set(column.path[0], [...(nested.get(column.path[0]) ?? []), `${sqlIdentifier(column.path[1])} ${column.sqlType}`]);
  }
  for (const [field, members] of nested) topLevel.set(field, `STRUCT(${members.join(', ')})`);
  const columnsParam = [...topLevel].map(([field, type]) => `${sqlIdentifier(field)}: ${sqlStringLiteral(type)}`).join(', ');
  const select = [
    ...table.columns.map((column) => `  CAST(${column.path.map(sqlIdentifier).join('.')} AS ${column.sqlType}) AS ${sqlIdentifier(column.name)}`),
    `  CAST(${sqlIdentifier(table.partitionColumn.name)} AS VARCHAR) AS ${sqlIdentifier(table.partitionColumn.name)}`,
  ];
  const glob = `${forwardSlashes(manifestsDir)}/*/*.json`;
  return `CREATE OR REPLACE VIEW ${sqlIdentifier(table.name)} AS\nSELECT\n${select.join(',\n')}\nFROM read_json(${sqlStringLiteral(glob)}, format = 'auto', columns = {${columnsParam}})`;
}

function emptyViewSql(table: ManifestsTable): string {
  const columns = manifestsSqlColumns(table).map((c) => `  CAST(NULL AS ${c.sqlType}) AS ${sqlIdentifier(c.name)}`);
  return `CREATE OR REPLACE VIEW ${sqlIdentifier(table.name)} AS\nSELECT\n${columns.join(',\n')}\nWHERE false`;
}

function emptyTableSql(table: ManifestsTable): string {
  const columns = manifestsSqlColumns(table).map((c) => `  ${sqlIdentifier(c.name)} ${c.sqlType}`);
  return `CREATE OR REPLACE TABLE ${sqlIdentifier(table.name)} (\n${columns.join(',\n')}\n)`;
}

/** Manifests one folder down (`<dataset>/<sha256>.json`), as the view's glob reads them. */
async function countManifests(dir: string): Promise<number> {
  let datasets;
  try {
    datasets = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw new Error(`cannot list manifests in ${dir}: ${(error as Error).message}`, { cause: error });
  }
  let count = 0;
  for (const entry of datasets.filter((e) => e.isDirectory())) {
    count += (await readdir(path.join(dir, entry.name))).filter((name) => name.endsWith('.json')).length;
  }
  return count;
}

/** DuckDB reads the path as a glob: forward slashes, and no glob characters of its own. */
function forwardSlashes(dir: string): string {
  const forward = path.resolve(dir).split(path.sep).join('/');
  if (/[*?[\]{}]/.test(forward)) throw new RangeError(`the lake folder ${forward} contains a glob character (* ? [ ] { }); move the lake to a plain path`);
  return forward;
}
