/** Reads Parquet files back with DuckDB, values as JSON-friendly strings, for assertions. */
import { DuckDBInstance } from '@duckdb/node-api';

export async function parquetRows(files: readonly string[], orderBy: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const list = files.map((file) => `'${file.replaceAll("'", "''")}'`).join(', ');
    const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet([${list}], hive_partitioning = false) ORDER BY ${orderBy}`);
    return reader.getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
