/**
 * The SQL twin of a field parser (issue 14): the same normalised value or the same failure — rule
 * code and message, byte for byte — computed by DuckDB inside the ingestion query instead of by
 * JavaScript per row. Each field builder of etl/schemas/fields.ts has one twin, beside its
 * JavaScript parser (etl/schemas/parse/); the property tests in tests/etl/schemas/sql/ run both on
 * generated text and require equal results, so the JavaScript parser stays the oracle.
 *
 * A twin sees `text`: a SQL expression of the raw value already trimmed the way String.prototype.trim
 * does and known to be non-empty (empty and absent values — null or `required` — are the row
 * generator's, as parseFieldValue does them in JavaScript). Ingestion runs on DuckDB only (locally
 * and in the Lambda), so a twin may use DuckDB's functions; it must not depend on settings
 * (time zone, locale) and must be deterministic.
 */
export interface SqlFieldTwin {
  /**
   * A reference-table look-up done once per row by a LEFT JOIN before the checks run (a scalar
   * subquery per check would be a join each, over the whole row); the checks receive the joined
   * `value` as `prepared`, which a twin with a look-up needs (SQL NULL otherwise). @default none
   */
  readonly lookup?: SqlLookup;
  /**
   * The test of the twin's fast path (fast-path.ts), for a query that computes it once per row
   * into a column and passes that column to the expressions as `fastTest`. @default none
   */
  readonly fastTest?: (text: string) => string;
  /** The parsed value in the field's SQL type (dataset-spec SqlType); NULL when the value fails. */
  readonly value: TwinExpression;
  /** The failure's rule code (VARCHAR), NULL when the value parses. */
  readonly rule: TwinExpression;
  /** The failure's message, exactly the JavaScript parser's (VARCHAR), NULL when the value parses. */
  readonly message: TwinExpression;
}

/**
 * A twin's expression of the trimmed `text`; `prepared` is its look-up's joined value, `fastTest`
 * its fast path's test already computed (both SQL; a twin without them ignores them).
 */
export type TwinExpression = (text: string, prepared?: string, fastTest?: string) => string;

/** A relation of `key` (VARCHAR, unique) and `value`, joined on `key = key(text)`. */
export interface SqlLookup {
  readonly relation: string;
  readonly key: (text: string) => string;
}

/** One failure a twin checks for, in the order the JavaScript parser checks. */
export interface SqlFailureCheck {
  /** SQL condition that is true when the value fails this check (checks before it passed). */
  readonly when: string;
  readonly rule: string;
  /** SQL expression of the message (use sqlString for literal parts, sqlQuote for a quoted value). */
  readonly message: string;
}

/** A twin from an ordered list of checks and the value once every check passes. */
export function twinOf(
  checks: (text: string, prepared: string) => readonly SqlFailureCheck[],
  value: (text: string, prepared: string) => string,
  lookup?: SqlLookup,
): SqlFieldTwin {
  const firstFailing = (text: string, prepared: string, pick: (check: SqlFailureCheck) => string) => {
    const list = checks(text, prepared);
    if (list.length === 0) return 'NULL';
    return `(CASE ${list.map((check) => `WHEN ${check.when} THEN ${pick(check)}`).join(' ')} ELSE NULL END)`;
  };
  return {
    ...(lookup === undefined ? {} : { lookup }),
    value: (text, prepared = 'NULL') => {
      const list = checks(text, prepared);
      return list.length === 0 ? value(text, prepared) : `(CASE WHEN ${list.map((check) => `(${check.when})`).join(' OR ')} THEN NULL ELSE ${value(text, prepared)} END)`;
    },
    rule: (text, prepared = 'NULL') => firstFailing(text, prepared, (check) => sqlString(check.rule)),
    message: (text, prepared = 'NULL') => firstFailing(text, prepared, (check) => check.message),
  };
}

/** A SQL string literal. */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** JSON.stringify's escape of each character it escapes: backslash and quote first, then U+0001–U+001F. */
const JSON_ESCAPES: readonly (readonly [string, string])[] = [
  ['\\', '\\\\'],
  ['"', '\\"'],
  ...Array.from({ length: 0x1f }, (_, index): [string, string] => {
    const char = String.fromCharCode(index + 1);
    return [char, JSON.stringify(char).slice(1, -1)];
  }),
];

/**
 * SQL expression of JSON.stringify(value) — parse-failure.ts `quote` — for a VARCHAR expression.
 * Not DuckDB's to_json: it writes nine control characters with upper-case hex (\u001F where
 * JSON.stringify writes \u001f). Only failing values are quoted, so the chain of replaces costs
 * nothing on valid rows. (U+0000 cannot reach a message: DuckDB strings may not hold it.)
 */
export function sqlQuote(value: string): string {
  const escaped = JSON_ESCAPES.reduce((expression, [char, escape]) => `replace(${expression}, ${sqlString(char)}, ${sqlString(escape)})`, value);
  return `('"' || ${escaped} || '"')`;
}

/** Concatenation of SQL expressions (a NULL part makes the whole NULL, as `||` does). */
export function sqlConcat(...parts: readonly string[]): string {
  return `(${parts.join(' || ')})`;
}

/**
 * `value IN (items…)` as list_contains: DuckDB rewrites an IN list of more than a few constants
 * into a MARK join, which runs on every row whatever CASE branch it sits in (dozens of them made
 * the ingestion query ten times slower); list_contains stays a scalar function. `value` must not be
 * NULL (twins only see non-empty text).
 */
export function sqlIn(value: string, items: readonly string[]): string {
  return `list_contains([${items.join(', ')}], ${value})`;
}
