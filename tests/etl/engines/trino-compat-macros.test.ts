import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDbEngine } from '../../../etl/engines/duckdb-engine.ts';
import type { QueryEngine } from '../../../etl/engines/query-engine.ts';
import { compatMacrosSql } from '../../../etl/engines/trino-compat-macros.ts';

describe('Trino compatibility macros on DuckDB', () => {
  let engine: QueryEngine;
  beforeAll(() => {
    engine = createDuckDbEngine({ threads: 1 });
  });
  afterAll(async () => {
    await engine.close();
  });

  it('gives regexp_like, day_of_week and last_day_of_month their Trino values and types', async () => {
    const result = await engine.query(`
      SELECT regexp_like('1a 2b 14m', '\\d+b') AS matches, regexp_like('abc', '^b') AS anchored,
             day_of_week(DATE '2024-01-07') AS sunday, day_of_week(DATE '2024-01-08') AS monday,
             last_day_of_month(DATE '2024-02-10') AS leap_end`);
    expect(result.rows).toEqual([{ matches: true, anchored: false, sunday: 7, monday: 1, leap_end: '2024-02-29' }]);
    expect(result.columns.map((c) => c.type)).toEqual(['BOOLEAN', 'BOOLEAN', 'BIGINT', 'BIGINT', 'DATE']);
  });

  it('writes one idempotent CREATE OR REPLACE MACRO per function', () => {
    expect(compatMacrosSql([{ name: 'f', parameters: ['a', 'b'], body: 'a + b', trinoMeaning: '' }])).toBe(
      'CREATE OR REPLACE MACRO f(a, b) AS a + b;',
    );
  });
});
