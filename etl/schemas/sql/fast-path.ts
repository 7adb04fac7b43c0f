/**
 * A twin with a fast path (issue 14's speed): most values of an extract are already in the form the
 * parser normalises to — an ISO date, a plain number, an enumeration's own value — and the fast path
 * recognises exactly those with a cheap test (a short regular expression, a cast) and gives their
 * value directly; only the other rows reach the full twin. DuckDB evaluates a CASE's branches on the
 * rows selected for them, so the full twin's cost is paid by the few rows that need it.
 *
 * `when` must hold only for texts the full twin accepts with the value `value` gives: the property
 * tests of each twin run canonical values (fast) and everything else (full) against the JavaScript
 * parser, so a fast path that disagreed would fail them.
 */
import type { SqlFieldTwin } from './sql-field-twin.ts';

export interface FastPath {
  /** SQL condition on the trimmed text, true only for texts the twin accepts. */
  readonly when: (text: string) => string;
  /** The value of such a text, equal to the twin's. */
  readonly value: (text: string) => string;
}

/** `fastTest`, when given, is the test already computed for this text (the ingestion query's column). */
export function withFastPath(twin: SqlFieldTwin, fast: FastPath): SqlFieldTwin {
  return {
    fastTest: fast.when,
    ...(twin.lookup === undefined ? {} : { lookup: twin.lookup }),
    value: (text, prepared, fastTest = fast.when(text)) => `(CASE WHEN ${fastTest} THEN ${fast.value(text)} ELSE ${twin.value(text, prepared)} END)`,
    rule: (text, prepared, fastTest = fast.when(text)) => `(CASE WHEN ${fastTest} THEN NULL ELSE ${twin.rule(text, prepared)} END)`,
    message: (text, prepared, fastTest = fast.when(text)) => `(CASE WHEN ${fastTest} THEN NULL ELSE ${twin.message(text, prepared)} END)`,
  };
}
