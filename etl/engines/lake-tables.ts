/**
 * The SQL source tables of the lake, derived from the dataset specs (never written by hand):
 * the curated columns, the lineage columns and the Hive partition columns.
 */
import { CITY_CONFIG_COLUMNS } from '../schemas/city-config-columns.ts';
import { LINEAGE_COLUMNS, type CuratedColumn, type DatasetSpec, type Partitioning, type SqlType } from '../schemas/dataset-spec.ts';

export interface LakeTable {
  readonly name: string;
  /** Columns stored in the Parquet files, lineage included, partition columns excluded. */
  readonly columns: readonly CuratedColumn[];
  readonly partitioning: Partitioning;
}

export interface SqlColumn {
  readonly name: string;
  readonly sqlType: SqlType;
}

/** A dataset's table: its curated columns followed by the lineage columns. */
export function lakeTableFor(spec: Pick<DatasetSpec, 'name' | 'curatedColumns' | 'partitioning'>): LakeTable {
  return { name: spec.name, columns: [...spec.curatedColumns, ...LINEAGE_COLUMNS], partitioning: spec.partitioning };
}

/**
 * The cities the run serves, written by `run` to `curated/city_config/city_config.parquet`
 * (docs/lake.md). It has no dataset spec because it comes from the city configuration, not from
 * a source extract, and carries no lineage.
 */
export const CITY_CONFIG_TABLE: LakeTable = {
  name: 'city_config',
  columns: CITY_CONFIG_COLUMNS,
  partitioning: { kind: 'none' },
};

/** Hive partition columns, which live in the directory names (`year=2024/month=06`), not in the files. */
export function partitionColumns(partitioning: Partitioning): SqlColumn[] {
  switch (partitioning.kind) {
    case 'month':
      return [
        { name: 'year', sqlType: 'INTEGER' },
        { name: 'month', sqlType: 'INTEGER' },
      ];
    case 'year':
      return [{ name: partitioning.column, sqlType: 'INTEGER' }];
    case 'none':
      return [];
  }
}

/** Every column the SQL table exposes: stored columns, then partition columns. */
export function sqlColumnsOf(table: LakeTable): SqlColumn[] {
  const stored = table.columns.map(({ name, sqlType }) => ({ name, sqlType }));
  const columns = [...stored, ...partitionColumns(table.partitioning)];
  const seen = new Set<string>();
  for (const { name } of columns) {
    if (seen.has(name)) {
      throw new RangeError(
        `lake table ${table.name} declares column "${name}" twice (a partition column must not also be a stored column)`,
      );
    }
    seen.add(name);
  }
  return columns;
}
