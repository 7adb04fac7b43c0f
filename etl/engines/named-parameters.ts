/**
 * Named `:name` parameters, the portable way queries take values (see query-engine.ts).
 * Each engine rewrites them to its own placeholder: DuckDB `$name`, Athena `?` in order.
 * The lexer makes sure that `':x'` in a string literal, `":x"` in a quoted identifier,
 * `-- :x` in a comment and a DuckDB `x::int` cast are left alone.
 */
import { tokenizeSql } from './sql-lexer.ts';
import type { QueryParams } from './query-engine.ts';

export interface RewrittenQuery {
  readonly sql: string;
  /** Parameter names in order of occurrence, repeats included (what positional binding needs). */
  readonly occurrences: readonly string[];
  /** Each parameter name once, in order of first occurrence. */
  readonly names: readonly string[];
}

/** Replaces every `:name` with `placeholder(name, index)`, index counting occurrences from 0. */
export function rewriteNamedParameters(sql: string, placeholder: (name: string, index: number) => string): RewrittenQuery {
  const occurrences: string[] = [];
  let rewritten = '';
  for (const token of tokenizeSql(sql)) {
    if (token.kind !== 'parameter') {
      rewritten += token.text;
      continue;
    }
    const name = token.text.slice(1);
    rewritten += placeholder(name, occurrences.length);
    occurrences.push(name);
  }
  return { sql: rewritten, occurrences, names: [...new Set(occurrences)] };
}

/** Throws when the query uses a parameter the caller did not give; extra values are ignored. */
export function assertParametersGiven(names: readonly string[], params: QueryParams): void {
  const missing = names.filter((name) => !Object.hasOwn(params, name));
  if (missing.length > 0) {
    const given = Object.keys(params);
    throw new Error(
      `missing value for parameter ${missing.map((n) => `:${n}`).join(', ')}; ` +
        `given: ${given.length > 0 ? given.map((n) => `:${n}`).join(', ') : 'none'}`,
    );
  }
}
