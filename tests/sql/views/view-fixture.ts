/**
 * The view tests' fixture: a fresh DuckDB with the lake's source tables (tests/support/sql-fixture.ts),
 * the given rows inserted, and every view of sql/ created. Columns a row leaves out are NULL;
 * lineage defaults to _source_sha256 'fixture', _ingest_seq 1 and _source_row = position + 2.
 * Values come back per the QueryEngine contract: integers as numbers, DECIMAL as a string with
 * its scale, DATE as "YYYY-MM-DD".
 */
import type { Row } from '../../../etl/engines/query-engine.ts';
import { sqlFixture, type FixtureRow, type SqlFixtureOptions } from '../../support/sql-fixture.ts';

export type { FixtureRow };
export type ResultRow = Row;

/** Source table name (a dataset, or city_config) → its fixture rows. */
export type FixtureSources = Readonly<Record<string, readonly FixtureRow[]>>;

export interface ViewFixture {
  query(sql: string): Promise<ResultRow[]>;
  close(): Promise<void>;
}

export async function createViewFixture(sources: FixtureSources, options: SqlFixtureOptions = {}): Promise<ViewFixture> {
  const db = await sqlFixture(options);
  try {
    for (const [table, rows] of Object.entries(sources)) await db.insert(table, rows);
    await db.createViews();
  } catch (error) {
    await db.close();
    throw error;
  }
  return { query: (sql) => db.rows(sql), close: () => db.close() };
}
