/**
 * Runs a field parser's SQL twin in DuckDB over many texts in one query, and the JavaScript parser
 * (the oracle) over the same texts, so a property test can require equal results: the same value
 * (compared as text: the SQL value CAST to VARCHAR, the JavaScript value by `jsValueText`) or the
 * same rule and message.
 */
import { ParseFailure } from '../../etl/schemas/parse/parse-failure.ts';
import type { SqlFieldTwin } from '../../etl/schemas/sql/sql-field-twin.ts';
import { sqlString } from '../../etl/schemas/sql/sql-field-twin.ts';
import type { QueryEngine } from '../../etl/engines/query-engine.ts';

export interface ParseOutcome {
  readonly value: string | null;
  readonly rule: string | null;
  readonly message: string | null;
}

export function jsOutcome(parse: (text: string) => unknown, text: string, jsValueText: (value: never) => string): ParseOutcome {
  const result = parse(text);
  if (result instanceof ParseFailure) return { value: null, rule: result.rule, message: result.message };
  return { value: jsValueText(result as never), rule: null, message: null };
}

/** The twin's outcome for each text, in order. */
export async function sqlOutcomes(engine: QueryEngine, twin: SqlFieldTwin, texts: readonly string[]): Promise<ParseOutcome[]> {
  if (texts.length === 0) return [];
  const values = texts.map((text, index) => `(${index}, ${sqlString(text)})`).join(', ');
  const { lookup } = twin;
  const joined = lookup === undefined ? '' : `LEFT JOIN (${lookup.relation}) AS l ON l.key = ${lookup.key('input.t')}`;
  const sql = `SELECT i, CAST(${twin.value('t', 'p')} AS VARCHAR) AS value, ${twin.rule('t', 'p')} AS rule, ${twin.message('t', 'p')} AS message FROM (SELECT input.*, ${lookup === undefined ? 'NULL' : 'l.value'} AS p FROM (VALUES ${values}) AS input(i, t) ${joined}) ORDER BY i`;
  const result = await engine.query<{ i: number; value: string | null; rule: string | null; message: string | null }>(sql);
  return result.rows.map((row) => ({ value: row.value, rule: row.rule, message: row.message }));
}

/** The texts whose SQL and JavaScript outcomes differ, with both, for a readable failure. */
export async function disagreements(
  engine: QueryEngine,
  twin: SqlFieldTwin,
  parse: (text: string) => unknown,
  texts: readonly string[],
  jsValueText: (value: never) => string = String,
): Promise<{ text: string; js: ParseOutcome; sql: ParseOutcome }[]> {
  const sql = await sqlOutcomes(engine, twin, texts);
  return texts.flatMap((text, index) => {
    const js = jsOutcome(parse, text, jsValueText);
    const fromSql = sql[index]!;
    return js.value === fromSql.value && js.rule === fromSql.rule && js.message === fromSql.message ? [] : [{ text, js, sql: fromSql }];
  });
}
