/**
 * The twin of parse/enumeration.ts, built from the parser's own spellings: the value as written, or
 * half-width, lower case, spaces and hyphens as underscores (`Utility Model` → utility_model), or
 * one of its Chinese words → the English value.
 */
import type { EnumerationParser } from '../parse/enumeration.ts';
import { sqlHalfWidth } from './half-width-sql.ts';
import { sqlJsLower } from './js-case.ts';
import { JS_WHITESPACE_CLASS } from './js-whitespace.ts';
import { sqlConcat, sqlIn, sqlQuote, sqlString, twinOf, type SqlFieldTwin } from './sql-field-twin.ts';
import { withFastPath } from './fast-path.ts';

function fullEnumerationTwin<V extends string>(parser: EnumerationParser<V>): SqlFieldTwin {
  const map = `MAP {${[...parser.spellings()].map(([spelling, value]) => `${sqlString(spelling)}: ${sqlString(value)}`).join(', ')}}`;
  const separators = `(?:${JS_WHITESPACE_CLASS}|-)+`;
  const value = (text: string) => `coalesce(${map}[${text}], ${map}[regexp_replace(${sqlJsLower(sqlHalfWidth(text))}, ${sqlString(separators)}, '_', 'g')])`;
  return twinOf(
    (text) => [{ when: `${value(text)} IS NULL`, rule: 'enum_value', message: sqlConcat(sqlString(`expected one of ${parser.expectedText()}, got `), sqlQuote(text)) }],
    value,
  );
}

/** Fast path: one of the values as written (the English value itself, e.g. `utility_model`). */
export function enumerationTwin<V extends string>(parser: EnumerationParser<V>): SqlFieldTwin {
  const values = [...parser.spellings()].filter(([spelling, value]) => spelling === value).map(([spelling]) => sqlString(spelling));
  if (values.length === 0) return fullEnumerationTwin(parser);
  return withFastPath(fullEnumerationTwin(parser), { when: (text) => sqlIn(text, values), value: (text) => text });
}
