/**
 * Checks that a view of sql/ is written in the subset of SQL that Trino (Athena engine v3) and
 * DuckDB run identically. Runs under vitest/tsx only: dt-sql-parser v4 cannot be loaded by plain
 * node (ERR_UNSUPPORTED_DIR_IMPORT), which is fine for a test-time check.
 *
 * The checks, each reported with file, line and column:
 * - `trino-syntax`: the Trino grammar parses the file;
 * - `unknown-function`: every function called is in Trino's function list (the grammar accepts any name);
 * - `approximate-function`: no approx_* function (results vary between runs; statistics must be exact);
 * - `date-trunc-without-cast`: date_trunc is wrapped in CAST (it returns TIMESTAMP on DuckDB, DATE on Trino);
 * - `differs-on-duckdb`: no function that both engines have with different results (concat, greatest…);
 * - `non-deterministic`: no clock or random value (a rerun of a month must give the same figures);
 * - `duckdb-only`: no DuckDB-only syntax (`::`, QUALIFY, GROUP BY ALL, double quotes, …);
 * - `grain-header`: the file starts with a comment stating its grain.
 */
import { TrinoSQL, TrinoSqlListener } from 'dt-sql-parser';
import type { FunctionCallContext } from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser.js';
import { findDuckDbIsms } from './duckdb-isms.ts';
import { lineAndColumn, tokenizeSql } from './sql-lexer.ts';

export type PortabilityRule =
  | 'trino-syntax'
  | 'unknown-function'
  | 'approximate-function'
  | 'date-trunc-without-cast'
  | 'differs-on-duckdb'
  | 'non-deterministic'
  | 'duckdb-only'
  | 'grain-header';

export interface PortabilityProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly rule: PortabilityRule;
  readonly message: string;
}

export interface FunctionCall {
  /** Lower-case; a qualified name keeps its dots (`main.my_macro`). */
  readonly name: string;
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  /** False when the call's value is used as is; true when it is the direct operand of CAST/TRY_CAST. */
  readonly insideCast: boolean;
}

/** Functions both engines have, with results that differ; a macro cannot fix them without breaking DuckDB's own. */
const DIFFERS_ON_DUCKDB: Readonly<Record<string, string>> = {
  concat: 'concat() skips NULL on DuckDB but returns NULL on Trino; write a || b (NULL on both) and coalesce where meant',
  greatest: 'greatest() skips NULL on DuckDB but returns NULL on Trino; write CASE WHEN, or coalesce every argument in a CASE',
  least: 'least() skips NULL on DuckDB but returns NULL on Trino; write CASE WHEN, or coalesce every argument in a CASE',
  dow: 'dow() is Sunday = 0 on DuckDB but Monday = 1 … Sunday = 7 on Trino; call day_of_week()',
};

/** Clock and random values: as words, because current_date and friends are grammar keywords, not calls. */
const NON_DETERMINISTIC = new Set([
  'current_date',
  'current_time',
  'current_timestamp',
  'localtime',
  'localtimestamp',
  'now',
  'rand',
  'random',
  'uuid',
  'shuffle',
]);

const parser = new TrinoSQL();

/** Every function call in the text, from the Trino parse tree (keywords such as IN or OVER are never calls). */
export function functionCalls(sql: string): FunctionCall[] {
  const calls: FunctionCall[] = [];
  class FunctionCollector extends TrinoSqlListener {
    override enterFunctionCall = (ctx: FunctionCallContext): void => {
      calls.push({
        name: ctx.functionName().getText().toLowerCase(),
        line: ctx.start?.line ?? 0,
        column: (ctx.start?.column ?? 0) + 1,
        insideCast: isDirectCastOperand(ctx),
      });
    };
  }
  parser.listen(new FunctionCollector(), parser.parse(sql));
  return calls;
}

/** True for `CAST(date_trunc(…) AS DATE)`: the nearest ancestor that adds text is the CAST itself. */
function isDirectCastOperand(ctx: FunctionCallContext): boolean {
  const text = ctx.getText();
  let ancestor = ctx.parent;
  while (ancestor !== null && ancestor.getText() === text) ancestor = ancestor.parent;
  return ancestor?.constructor.name === 'CastContext';
}

export function checkViewPortability(file: string, sql: string, trinoFunctions: ReadonlySet<string>): PortabilityProblem[] {
  const problems: PortabilityProblem[] = [];
  const at = (line: number, column: number, rule: PortabilityRule, message: string): void => {
    problems.push({ file, line, column, rule, message });
  };
  if (!startsWithGrainComment(sql)) {
    at(1, 1, 'grain-header', 'the file must start with a comment stating its grain ("-- Grain: one row per …")');
  }
  for (const error of parser.validate(sql)) {
    at(error.startLine, error.startColumn, 'trino-syntax', `Trino grammar: ${error.message}`);
  }
  for (const finding of findDuckDbIsms(sql)) {
    const { line, column } = lineAndColumn(sql, finding.offset);
    at(line, column, 'duckdb-only', finding.message);
  }
  for (const token of tokenizeSql(sql)) {
    if (token.kind === 'word' && NON_DETERMINISTIC.has(token.text.toLowerCase())) {
      const { line, column } = lineAndColumn(sql, token.offset);
      at(line, column, 'non-deterministic', `${token.text} changes between runs; take the report date as a parameter of the reading query`);
    }
  }
  for (const call of functionCalls(sql)) {
    if (!trinoFunctions.has(call.name)) {
      at(call.line, call.column, 'unknown-function', `function ${call.name}() is not a Trino function (etl/reference/trino_functions.txt)`);
    } else if (DIFFERS_ON_DUCKDB[call.name] !== undefined) {
      at(call.line, call.column, 'differs-on-duckdb', DIFFERS_ON_DUCKDB[call.name] as string);
    } else if (call.name.startsWith('approx_')) {
      at(call.line, call.column, 'approximate-function', `${call.name}() gives approximate results that vary between runs; statistics must be exact`);
    } else if (call.name === 'date_trunc' && !call.insideCast) {
      at(
        call.line,
        call.column,
        'date-trunc-without-cast',
        'date_trunc() returns TIMESTAMP on DuckDB and DATE on Trino; write CAST(date_trunc(…) AS DATE)',
      );
    }
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** `sql/marts/x.sql:12:5 [unknown-function] function strftime() is not a Trino function …` */
export function formatProblem(problem: PortabilityProblem): string {
  return `${problem.file}:${problem.line}:${problem.column} [${problem.rule}] ${problem.message}`;
}

function startsWithGrainComment(sql: string): boolean {
  const header: string[] = [];
  for (const token of tokenizeSql(sql)) {
    if (token.kind === 'line-comment' || token.kind === 'block-comment') header.push(token.text);
    else if (token.kind !== 'whitespace') break;
  }
  return /\bgrain\b/i.test(header.join('\n'));
}
