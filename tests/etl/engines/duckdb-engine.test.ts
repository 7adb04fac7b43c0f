import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDbEngine } from '../../../etl/engines/duckdb-engine.ts';
import { QueryError, type QueryEngine } from '../../../etl/engines/query-engine.ts';

describe('createDuckDbEngine', () => {
  let engine: QueryEngine;

  beforeAll(async () => {
    engine = createDuckDbEngine({ threads: 1 });
    await engine.execute(`
      CREATE TABLE pledges_fixture (pledge_id VARCHAR, registration_date DATE, secured_amount_cny DECIMAL(18,2), ip_count INTEGER);
      INSERT INTO pledges_fixture VALUES
        ('P1', DATE '2024-01-05', 12.50, 1),
        ('P2', DATE '2024-02-29', 0.05, 2),
        ('P3', DATE '2024-03-01', 1000000.00, 3);
    `);
  });
  afterAll(async () => {
    await engine.close();
  });

  it('returns DECIMAL as an exact string with the column scale, DATE as YYYY-MM-DD, sum(int) as a number', async () => {
    const result = await engine.query(`
      SELECT sum(secured_amount_cny) AS total_cny, min(registration_date) AS first_date, sum(ip_count) AS ip_count,
             CAST(12.5 AS DECIMAL(18,2)) AS twelve_fifty, CAST(1 AS DECIMAL(18,4)) AS one
      FROM pledges_fixture`);
    expect(result.rows).toEqual([
      { total_cny: '1000012.55', first_date: '2024-01-05', ip_count: 6, twelve_fifty: '12.50', one: '1.0000' },
    ]);
    expect(result.columns).toEqual([
      { name: 'total_cny', type: 'DECIMAL(38,2)' },
      { name: 'first_date', type: 'DATE' },
      { name: 'ip_count', type: 'HUGEINT' },
      { name: 'twelve_fifty', type: 'DECIMAL(18,2)' },
      { name: 'one', type: 'DECIMAL(18,4)' },
    ]);
    expect(result.queryId).toMatch(/^duckdb-\d+$/);
  });

  it('returns booleans, doubles, NULL, negative decimals and ISO timestamps', async () => {
    const result = await engine.query(`
      SELECT true AS yes, CAST(5 AS DOUBLE) / 2 AS half, CAST(NULL AS VARCHAR) AS nothing,
             CAST(-0.05 AS DECIMAL(18,2)) AS refund, TIMESTAMP '2024-01-02 03:04:05.123' AS at`);
    expect(result.rows).toEqual([{ yes: true, half: 2.5, nothing: null, refund: '-0.05', at: '2024-01-02T03:04:05.123' }]);
  });

  it('throws a RangeError naming the column when an integer is beyond 2^53', async () => {
    await expect(engine.query('SELECT CAST(9007199254740993 AS BIGINT) AS big')).rejects.toThrow(
      /query duckdb-\d+: column "big" holds 9007199254740993, beyond the exact range/,
    );
    await expect(engine.query('SELECT CAST(9007199254740993 AS BIGINT) AS big')).rejects.toBeInstanceOf(RangeError);
    const atLimit = await engine.query('SELECT CAST(9007199254740991 AS HUGEINT) AS big');
    expect(atLimit.rows).toEqual([{ big: 9007199254740991 }]);
  });

  it('binds named parameters with their types, and compares a string parameter with a DATE column', async () => {
    const result = await engine.query(
      `SELECT pledge_id FROM pledges_fixture
       WHERE registration_date <= CAST(:end_date AS DATE) AND ip_count >= :min_count AND :flag
       ORDER BY pledge_id`,
      { end_date: '2024-02-29', min_count: 1, flag: true, unused: 'ignored' },
    );
    expect(result.rows).toEqual([{ pledge_id: 'P1' }, { pledge_id: 'P2' }]);
  });

  it('leaves :x inside string literals, quoted identifiers, comments and :: casts alone', async () => {
    const result = await engine.query(
      `SELECT ':x' AS literal, 1 AS ":x", CAST(:x AS INTEGER) + 1 AS next, '2'::INTEGER AS cast_value -- :x in a comment
       /* and :x here */`,
      { x: 41 },
    );
    expect(result.rows).toEqual([{ literal: ':x', ':x': 1, next: 42, cast_value: 2 }]);
  });

  it('uses a parameter given as null and one repeated twice', async () => {
    const result = await engine.query('SELECT :v IS NULL AS is_null, CAST(:n AS INTEGER) * :n AS squared', { v: null, n: 7 });
    expect(result.rows).toEqual([{ is_null: true, squared: 49 }]);
  });

  it('fails with a QueryError naming a missing parameter', async () => {
    await expect(engine.query('SELECT :a AS a, :b AS b', { a: 1 })).rejects.toThrow(
      /query duckdb-\d+ failed: missing value for parameter :b; given: :a/,
    );
  });

  it('pages 2,500 rows in pages of 1000, 1000 and 500 without losing or repeating a row', async () => {
    const sizes: number[] = [];
    let sum = 0;
    for await (const page of engine.pages<{ n: number }>('SELECT CAST(range AS INTEGER) AS n FROM range(2500) ORDER BY n', {}, { pageSize: 1000 })) {
      sizes.push(page.length);
      for (const row of page) sum += row.n;
    }
    expect(sizes).toEqual([1000, 1000, 500]);
    expect(sum).toBe((2499 * 2500) / 2);
  });

  it('lets a caller run other queries while it pages, and stop early', async () => {
    const seen: number[] = [];
    for await (const page of engine.pages<{ n: number }>('SELECT CAST(range AS INTEGER) AS n FROM range(5000) ORDER BY n', {}, { pageSize: 100 })) {
      const inner = await engine.query<{ c: number }>('SELECT CAST(count(*) AS INTEGER) AS c FROM pledges_fixture');
      seen.push((page[0] as { n: number }).n + (inner.rows[0] as { c: number }).c);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual([3, 103, 203]);
  });

  it('returns the columns of an empty result', async () => {
    const result = await engine.query("SELECT pledge_id, secured_amount_cny FROM pledges_fixture WHERE pledge_id = 'none'");
    expect(result.rows).toEqual([]);
    expect(result.columns).toEqual([
      { name: 'pledge_id', type: 'VARCHAR' },
      { name: 'secured_amount_cny', type: 'DECIMAL(18,2)' },
    ]);
  });

  it('wraps engine errors in a QueryError with the query id, the statement and the cause', async () => {
    const error = await engine.query('SELECT * FROM no_such_table').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryError);
    const queryError = error as QueryError;
    expect(queryError.message).toMatch(/^query duckdb-\d+ failed: Catalog Error: Table with name no_such_table does not exist/);
    expect(queryError.message).toContain('in: SELECT * FROM no_such_table');
    expect(queryError.sql).toBe('SELECT * FROM no_such_table');
    expect(queryError.queryId).toMatch(/^duckdb-\d+$/);
    expect((queryError.cause as Error).message).toMatch(/^Catalog Error/);
  });

  it('wraps DDL errors from execute', async () => {
    await expect(engine.execute('CREATE VIEW broken AS SELECT missing_column FROM pledges_fixture')).rejects.toThrow(
      /query duckdb-\d+ failed: Binder Error: Referenced column "missing_column" not found/,
    );
  });

  it('refuses result types it cannot return faithfully', async () => {
    await expect(engine.query('SELECT [1, 2] AS list')).rejects.toThrow(/column "list" has type INTEGER\[\], which the query engine cannot return/);
  });

  it('stops a query when its signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('operator cancelled'));
    await expect(engine.query('SELECT 1 AS one', {}, { signal: controller.signal })).rejects.toThrow(
      /query duckdb-\d+ aborted: operator cancelled/,
    );
  });

  it('interrupts a running query when its signal fires', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('deadline passed')), 50);
    const started = performance.now();
    await expect(
      engine.query('SELECT count(*) AS n FROM range(100000000) a, range(100000) b WHERE a.range + b.range = -1', {}, { signal: controller.signal }),
    ).rejects.toThrow(/query duckdb-\d+ aborted: deadline passed/);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('refuses a pageSize below 1', async () => {
    await expect(engine.query('SELECT 1 AS one', {}, { pageSize: 0 })).rejects.toThrow(/pageSize must be a whole number ≥ 1, got 0/);
  });
});

describe('createDuckDbEngine options', () => {
  it('validates threads and memoryLimit', () => {
    expect(() => createDuckDbEngine({ threads: 0 })).toThrow(/threads must be a whole number ≥ 1, got 0/);
    expect(() => createDuckDbEngine({ memoryLimit: 'lots' })).toThrow(/memoryLimit must look like '512MB' or '2GB', got 'lots'/);
  });

  it('applies the memory limit and refuses queries after close', async () => {
    const engine = createDuckDbEngine({ memoryLimit: '256MB', threads: 1 });
    const result = await engine.query<{ v: string }>("SELECT current_setting('memory_limit') AS v");
    expect(result.rows[0]?.v).toBe('244.1 MiB');
    await engine.close();
    await expect(engine.query('SELECT 1')).rejects.toThrow(/refused: the DuckDB engine is closed/);
  });
});
