/**
 * Athena's ExecutionParameters: each `?` of the query (outside strings, quoted names and
 * comments) takes the next parameter, a SQL literal as text (`'440300'`, `2024`,
 * `DOUBLE '1.5'`, `NULL`). The stand-in puts each literal in place of its `?` and then runs the
 * statement; a count that does not match fails the query as Trino does.
 */
import { tokenizeSql } from '../../../etl/engines/sql-lexer.ts';
import { userFailure, type QueryFailure } from './query-failure.ts';

export function bindPositionalParameters(sql: string, parameters: readonly string[]): { readonly sql: string } | { readonly failure: QueryFailure } {
  const tokens = tokenizeSql(sql);
  const placeholders = tokens.filter((token) => token.kind === 'operator' && token.text === '?').length;
  if (placeholders !== parameters.length) {
    return { failure: userFailure('INVALID_PARAMETER_USAGE', `Incorrect number of parameters: expected ${placeholders} but found ${parameters.length}`) };
  }
  let index = 0;
  return { sql: tokens.map((token) => (token.kind === 'operator' && token.text === '?' ? (parameters[index++] as string) : token.text)).join('') };
}
