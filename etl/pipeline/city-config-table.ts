/**
 * Writes the configured cities to `curated/city_config/city_config.parquet`, so that the SQL
 * views (which need programme start years) read them the same way in DuckDB and in Athena.
 */
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { duckDbInstanceConfig } from '../engines/duckdb-resources.ts';
import type { CityConfig } from '../config/city-config.ts';
import { cityConfigRows } from '../config/city-config-rows.ts';
import { CITY_CONFIG_TABLE } from '../engines/lake-tables.ts';
import { sqlIdentifier, sqlStringLiteral } from '../engines/sql-literals.ts';
import type { ObjectStore } from '../lake/object-store.ts';
import { lakeKeys } from '../lake/lake-keys.ts';
import { makeWorkFolder, removeWorkFolder } from '../work-folders/work-folders.ts';

export const CITY_CONFIG_KEY = `${lakeKeys.curatedPrefix(CITY_CONFIG_TABLE.name)}${CITY_CONFIG_TABLE.name}.parquet`;

export async function writeCityConfigTable(store: ObjectStore, config: CityConfig): Promise<string> {
  const workDir = await makeWorkFolder('city-config');
  const instance = await DuckDBInstance.create(':memory:', duckDbInstanceConfig({ spillDir: path.join(workDir, 'duckdb-spill'), threads: 1 }));
  const connection = await instance.connect();
  try {
    const literal = (value: unknown) => (typeof value === 'number' ? String(value) : sqlStringLiteral(String(value)));
    const rows = cityConfigRows(config).map(
      (row) => `(${CITY_CONFIG_TABLE.columns.map((column) => `CAST(${literal(row[column.name])} AS ${column.sqlType})`).join(', ')})`,
    );
    const columns = CITY_CONFIG_TABLE.columns.map((column) => sqlIdentifier(column.name)).join(', ');
    const file = path.join(workDir, 'city_config.parquet');
    await connection.run(
      `COPY (SELECT * FROM (VALUES ${rows.join(', ')}) AS cities(${columns}) ORDER BY city_code) TO ${sqlStringLiteral(file)} (FORMAT parquet)`,
    );
    await store.putFile(CITY_CONFIG_KEY, file, { contentType: 'application/vnd.apache.parquet' });
    return CITY_CONFIG_KEY;
  } finally {
    connection.closeSync();
    instance.closeSync();
    await removeWorkFolder(workDir);
  }
}
