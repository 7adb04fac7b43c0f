import { describe, expect, it } from 'vitest';
import { checkViewPortability, formatProblem, functionCalls } from '../../../etl/engines/sql-portability.ts';
import { loadTrinoFunctionList, parseTrinoFunctionList } from '../../../etl/engines/trino-function-list.ts';

const TRINO = parseTrinoFunctionList('# test list\ncount\nsum\ncoalesce\ndate_trunc\nrow_number\napprox_distinct\nsubstring\n');

describe('functionCalls', () => {
  it('finds calls from the Trino parse tree, not keywords, type names, CTE names or words in strings', () => {
    const sql = `with counted as (select count(*) as n, coalesce(a, 'x(') as b from t where a in (1, 2) and exists (select 1))
      select row_number() over (order by n) as r, cast(n as decimal(18,2)) as d, SUBSTRING(b, 1, 2) as s from counted -- not_a_call(x)`;
    expect(functionCalls(sql).map((c) => c.name)).toEqual(['count', 'coalesce', 'row_number', 'substring']);
  });

  it('reports the position of each call and whether CAST wraps it', () => {
    const calls = functionCalls("select\n  cast(date_trunc('month', d) as date) as m,\n  date_trunc('month', d) as t\nfrom x");
    expect(calls).toEqual([
      { name: 'date_trunc', line: 2, column: 8, insideCast: true },
      { name: 'date_trunc', line: 3, column: 3, insideCast: false },
    ]);
  });
});

describe('checkViewPortability', () => {
  it('fails a DuckDB-only view with messages naming the file and each function', () => {
    const sql = [
      '-- Grain: one row per city.',
      "select strftime(d, '%Y') as y, approx_quantile(v, 0.5) as median, approx_distinct(k) as keys,",
      '       row_number() over (partition by city order by d) as rn',
      'from t',
      'qualify rn = 1',
    ].join('\n');
    const messages = checkViewPortability('sql/marts/mart_bad.sql', sql, TRINO).map(formatProblem);
    expect(messages).toEqual([
      "sql/marts/mart_bad.sql:2:8 [unknown-function] function strftime() is not a Trino function (etl/reference/trino_functions.txt)",
      'sql/marts/mart_bad.sql:2:32 [unknown-function] function approx_quantile() is not a Trino function (etl/reference/trino_functions.txt)',
      'sql/marts/mart_bad.sql:2:67 [approximate-function] approx_distinct() gives approximate results that vary between runs; statistics must be exact',
      'sql/marts/mart_bad.sql:5:1 [duckdb-only] QUALIFY is DuckDB-only; filter the window result in an outer query',
      expect.stringMatching(/^sql\/marts\/mart_bad\.sql:5:9 \[trino-syntax\] Trino grammar: /),
    ]);
  });

  it('names each DuckDB-only construct', () => {
    const sql = [
      '/* Grain: one row per x. */',
      'select "label" as a, x::integer as b, 7 // 2 as c, * exclude (y) from t where s ilike \'a%\' group by all',
    ].join('\n');
    const rules = checkViewPortability('v.sql', sql, TRINO)
      .filter((p) => p.rule === 'duckdb-only')
      .map((p) => `${p.line}:${p.column} ${p.message.split(';')[0]}`);
    expect(rules).toEqual([
      '2:8 double quotes ("label"): DuckDB and Trino read them as a case-sensitive identifier, never a string',
      '2:23 `::` casts are DuckDB/PostgreSQL syntax',
      '2:41 `//` integer division is DuckDB-only',
      '2:54 SELECT * EXCLUDE is DuckDB-only',
      '2:81 ILIKE is DuckDB-only',
      '2:101 GROUP BY ALL is DuckDB-only',
    ]);
  });

  it('requires date_trunc inside a CAST and a grain header, and refuses parameters', () => {
    const problems = checkViewPortability('v.sql', "select date_trunc('month', d) as m from t where d > :since", TRINO);
    expect(problems.map((p) => [p.rule, p.line, p.column])).toEqual([
      ['grain-header', 1, 1],
      ['date-trunc-without-cast', 1, 8],
      ['trino-syntax', 1, 53],
      ['duckdb-only', 1, 53],
    ]);
    expect(problems[3]?.message).toBe(':since: a view takes no parameters; filter the view in the query that reads it');
  });

  it('refuses functions that give different results on the two engines', () => {
    const trino = parseTrinoFunctionList('concat\ngreatest\nleast\ndow\n');
    const sql = '-- Grain: one row.\nselect concat(a, b) as c, greatest(x, y) as g, least(x, y) as l, dow(d) as w from t';
    expect(checkViewPortability('v.sql', sql, trino).map((p) => `${p.rule} ${p.column} ${p.message.split(';')[0]}`)).toEqual([
      'differs-on-duckdb 8 concat() skips NULL on DuckDB but returns NULL on Trino',
      'differs-on-duckdb 27 greatest() skips NULL on DuckDB but returns NULL on Trino',
      'differs-on-duckdb 48 least() skips NULL on DuckDB but returns NULL on Trino',
      'differs-on-duckdb 66 dow() is Sunday = 0 on DuckDB but Monday = 1 … Sunday = 7 on Trino',
    ]);
  });

  it('refuses clock and random values', () => {
    const trino = parseTrinoFunctionList('now\nrandom\n');
    const sql = "-- Grain: one row.\nselect current_date as d, now() as n, random() as r, 'current_date' as label from t";
    expect(checkViewPortability('v.sql', sql, trino).map((p) => `${p.rule} ${p.line}:${p.column} ${p.message.split(';')[0]}`)).toEqual([
      'non-deterministic 2:8 current_date changes between runs',
      'non-deterministic 2:27 now changes between runs',
      'non-deterministic 2:39 random changes between runs',
    ]);
  });

  it('passes a portable view', () => {
    const sql = `-- stg_x: example.
-- Grain: one row per city_code and month.
with source as (
    select city_code, cast(date_trunc('month', d) as date) as month, amount_cny from t
)
select city_code, month, sum(amount_cny) as amount_cny, count(*) filter (where amount_cny > 0) as n
from source
group by city_code, month;
`;
    expect(checkViewPortability('sql/staging/stg_x.sql', sql, TRINO)).toEqual([]);
  });
});

describe('the Trino function list', () => {
  it('loads the copy in etl/reference with Trino names and without DuckDB-only ones', async () => {
    const names = await loadTrinoFunctionList();
    expect(names.has('date_trunc')).toBe(true);
    expect(names.has('count_if')).toBe(true);
    expect(names.has('strftime')).toBe(false);
    expect(names.has('approx_quantile')).toBe(false);
    expect(names.size).toBe(322);
  });

  it('refuses a malformed line', () => {
    expect(() => parseTrinoFunctionList('count\nDate Trunc\n')).toThrow('the Trino function list holds "Date Trunc"; expected one lower-case name a line');
  });
});
