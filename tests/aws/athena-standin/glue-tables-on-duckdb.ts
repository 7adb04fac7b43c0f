/**
 * The Glue tables as DuckDB source tables over the local mirror, registered by the same code
 * the local engine uses (etl/engines/lake-sources.ts for Parquet, manifests-source.ts for the
 * Ion-read manifests), fed with declarations read back from Glue: columns and Hive types from
 * the StorageDescriptor, partitions from PartitionKeys, manifest paths from the Ion SerDe's path
 * extractors. A Glue table the project's registration cannot express is refused at start.
 */
import path from 'node:path';
import { registerLakeSources } from '../../../etl/engines/lake-sources.ts';
import type { LakeTable } from '../../../etl/engines/lake-tables.ts';
import { registerManifestsSource } from '../../../etl/engines/manifests-source.ts';
import type { ManifestColumn, ManifestsTable } from '../../../etl/engines/manifests-table.ts';
import type { QueryEngine } from '../../../etl/engines/query-engine.ts';
import type { Partitioning, SqlType } from '../../../etl/schemas/dataset-spec.ts';
import type { GlueColumn, GlueTable } from './glue-catalog.ts';

const PARQUET_SERDE = 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe';
const ION_SERDE = 'com.amazon.ionhiveserde.IonHiveSerDe';

const HIVE_TYPES: Readonly<Record<string, string>> = {
  string: 'VARCHAR',
  boolean: 'BOOLEAN',
  tinyint: 'TINYINT',
  smallint: 'SMALLINT',
  int: 'INTEGER',
  integer: 'INTEGER',
  bigint: 'BIGINT',
  float: 'FLOAT',
  double: 'DOUBLE',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
};

export interface DuckDbCatalogTables {
  readonly parquet: readonly LakeTable[];
  readonly ion: readonly ManifestsTable[];
}

/** Sorts the Glue tables by SerDe and declares each as the registration code expects; throws on what it cannot. */
export function duckDbCatalogTables(tables: readonly GlueTable[]): DuckDbCatalogTables {
  const parquet: LakeTable[] = [];
  const ion: ManifestsTable[] = [];
  for (const table of tables) {
    const serde = table.StorageDescriptor.SerdeInfo?.SerializationLibrary;
    if (serde === PARQUET_SERDE) parquet.push(lakeTableOf(table));
    else if (serde === ION_SERDE) ion.push(manifestsTableOf(table));
    else throw new RangeError(`Glue table ${table.Name}: the Athena stand-in reads Parquet and Ion tables only, not SerDe ${String(serde)}`);
  }
  return { parquet, ion };
}

/** (Re)creates every source table over `<mirrorRoot>/<table name>/`, as the local engine does over the lake. */
export async function registerCatalogTables(engine: QueryEngine, tables: DuckDbCatalogTables, mirrorRoot: string): Promise<void> {
  await registerLakeSources(engine, { curatedDir: mirrorRoot, tables: tables.parquet });
  for (const table of tables.ion) await registerManifestsSource(engine, { manifestsDir: path.join(mirrorRoot, table.name), table });
}

/** The DuckDB type of a Hive column type: `decimal(18,2)` → `DECIMAL(18,2)`, `string` → `VARCHAR`. */
export function duckDbTypeOf(tableName: string, column: GlueColumn): SqlType {
  const hive = column.Type.trim().toLowerCase();
  const decimal = /^decimal\((\d+),\s*(\d+)\)$/.exec(hive);
  // The registration code only writes the type into CAST(… AS type): any DuckDB type name works there.
  if (decimal !== null) return `DECIMAL(${decimal[1]},${decimal[2]})` as SqlType;
  const simple = HIVE_TYPES[hive.replace(/^(var)?char\(\d+\)$/, 'string')];
  if (simple === undefined) throw new RangeError(`Glue table ${tableName}: column ${column.Name} has Hive type ${column.Type}, which the Athena stand-in does not map`);
  return simple as SqlType;
}

function lakeTableOf(table: GlueTable): LakeTable {
  const columns = table.StorageDescriptor.Columns.map((column) => ({
    name: column.Name,
    sqlType: duckDbTypeOf(table.Name, column),
    labelZh: column.Comment ?? '',
    nullable: true,
  }));
  return { name: table.Name, columns, partitioning: partitioningOf(table) };
}

/** The lake's two layouts (lake-tables.ts): `year=/month=` or one integer key; anything else is refused. */
function partitioningOf(table: GlueTable): Partitioning {
  const keys = (table.PartitionKeys ?? []).map((key) => `${key.Name}:${duckDbTypeOf(table.Name, key)}`);
  if (keys.length === 0) return { kind: 'none' };
  // Which DATE column the months come from is not in Glue, and registration reads only the key names.
  if (keys.join(',') === 'year:INTEGER,month:INTEGER') return { kind: 'month', column: '' };
  if (keys.length === 1 && keys[0]?.endsWith(':INTEGER')) return { kind: 'year', column: (table.PartitionKeys?.[0] as GlueColumn).Name };
  throw new RangeError(`Glue table ${table.Name}: partition keys ${keys.join(', ')} are neither year/month nor one integer key`);
}

function manifestsTableOf(table: GlueTable): ManifestsTable {
  const keys = table.PartitionKeys ?? [];
  const key = keys[0];
  if (table.Name !== 'manifests' || keys.length !== 1 || key?.Name !== 'dataset' || duckDbTypeOf(table.Name, key) !== 'VARCHAR') {
    throw new RangeError(`Glue table ${table.Name}: the stand-in reads one Ion table, manifests, partitioned by a string dataset (manifests-source.ts)`);
  }
  const extractors = table.StorageDescriptor.SerdeInfo?.Parameters ?? {};
  const columns = table.StorageDescriptor.Columns.map((column): ManifestColumn => {
    const extractor = extractors[`ion.${column.Name}.path_extractor`];
    const fields = extractor === undefined ? [column.Name] : (/^\(([^()]*)\)$/.exec(extractor.trim())?.[1] ?? '').trim().split(/\s+/);
    if (fields.length < 1 || fields.length > 2 || fields[0] === '') {
      throw new RangeError(`Glue table ${table.Name}: path extractor ${JSON.stringify(extractor)} of ${column.Name} is not one or two field names in parentheses`);
    }
    return { name: column.Name, sqlType: duckDbTypeOf(table.Name, column), path: fields as [string] | [string, string] };
  });
  return { name: 'manifests', columns, partitionColumn: { name: 'dataset', sqlType: 'VARCHAR' } };
}
