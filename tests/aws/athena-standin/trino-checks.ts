/**
 * What Athena refuses before running anything, which DuckDB would happily run: SQL outside the
 * Trino grammar (`x::int`, `PRAGMA`, `CREATE MACRO`), a function Trino does not have
 * (`strftime`: the same list the view portability check uses, etl/reference/trino_functions.txt),
 * and more than one statement. The grammar is dt-sql-parser's Trino grammar, so this runs under
 * vitest or tsx only (TOOLING-NOTES.md), as the tests that start the stand-in do.
 */
import { TrinoSQL } from 'dt-sql-parser';
import { significantTokens, tokenizeSql } from '../../../etl/engines/sql-lexer.ts';
import { functionCalls } from '../../../etl/engines/sql-portability.ts';
import { userFailure, type QueryFailure } from './query-failure.ts';

const parser = new TrinoSQL();

/** The statement without a trailing `;`, or the failure Athena would report. */
export function trinoStatement(sql: string, trinoFunctions: ReadonlySet<string>): { readonly sql: string } | { readonly failure: QueryFailure } {
  const tokens = significantTokens(tokenizeSql(sql));
  const last = tokens[tokens.length - 1];
  const statement = last?.text === ';' ? sql.slice(0, last.offset) : sql;
  if (tokens.length === 0 || (tokens.length === 1 && last?.text === ';')) return { failure: userFailure('SYNTAX_ERROR', 'line 1:1: the query is empty') };
  if (tokens.slice(0, -1).some((token) => token.kind === 'operator' && token.text === ';')) {
    return { failure: userFailure('SYNTAX_ERROR', 'Only one sql statement is allowed') };
  }
  const [syntaxError] = parser.validate(statement);
  if (syntaxError !== undefined) {
    return { failure: userFailure('SYNTAX_ERROR', `line ${syntaxError.startLine}:${syntaxError.startColumn}: ${syntaxError.message}`) };
  }
  const unknown = functionCalls(statement).find((call) => !trinoFunctions.has(call.name));
  if (unknown !== undefined) {
    return { failure: userFailure('FUNCTION_NOT_FOUND', `line ${unknown.line}:${unknown.column}: Function '${unknown.name}' not registered`) };
  }
  return { sql: statement };
}
