/**
 * The twin of parse/patent-application-no.ts: a CN patent application number → `201710601862.3`, with
 * its check digit (Σ digit × 2,3,4,5,6,7,8,9,2,3,4,5 mod 11, 10 written X) and type digit verified.
 * The parser's fast path for an already normalised number gives the same result as its full path,
 * so the twin has only the full path.
 */
import { sqlHalfWidth } from './half-width-sql.ts';
import { JS_WHITESPACE_CLASS } from './js-whitespace.ts';
import { sqlJsUpper } from './js-case.ts';
import { sqlConcat, sqlQuote, sqlString, twinOf, type SqlFieldTwin } from './sql-field-twin.ts';

const WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5] as const;
const PATTERN = '(?:CN|ZL)?([0-9]{12}|[0-9]{8})\\.?([0-9X])';

/** Half-width, upper case (as JavaScript does it), every white space removed. */
const compact = (text: string) => `regexp_replace(${sqlJsUpper(sqlHalfWidth(text))}, ${sqlString(`${JS_WHITESPACE_CLASS}+`)}, '', 'g')`;
const digits = (text: string) => `regexp_extract(${compact(text)}, ${sqlString(`^${PATTERN}$`)}, 1)`;
const given = (text: string) => `regexp_extract(${compact(text)}, ${sqlString(`^${PATTERN}$`)}, 2)`;
const normalised = (text: string) => sqlConcat(digits(text), `'.'`, given(text));

/** applicationNoCheckDigit: the weighted sum over the 12 (or 8) digits, mod 11, 10 → X. */
function expectedCheck(text: string): string {
  const d = digits(text);
  const sum = WEIGHTS.map((weight, index) => `(CASE WHEN length(${d}) > ${index} THEN (ascii(substr(${d}, ${index + 1}, 1)) - 48) * ${weight} ELSE 0 END)`).join(' + ');
  return `(CASE WHEN (${sum}) % 11 = 10 THEN 'X' ELSE CAST((${sum}) % 11 AS VARCHAR) END)`;
}

/** The type digit: digit 5 of 12, digit 3 of 8. */
const typeDigit = (text: string) => `(CASE WHEN length(${digits(text)}) = 12 THEN substr(${digits(text)}, 5, 1) ELSE substr(${digits(text)}, 3, 1) END)`;
const typeKnown = (text: string) => `(CASE WHEN length(${digits(text)}) = 12 THEN ${typeDigit(text)} IN ('1', '2', '3', '8', '9') ELSE ${typeDigit(text)} IN ('1', '2', '3') END)`;

export const APPLICATION_NO_TWIN: SqlFieldTwin = twinOf(
  (text) => [
    {
      when: `NOT regexp_full_match(${compact(text)}, ${sqlString(PATTERN)})`,
      rule: 'application_no_format',
      message: sqlConcat(sqlString('expected 12 digits + "." + check digit (8 + 1 before 2003), optionally prefixed CN, e.g. 201710601862.3, got '), sqlQuote(text)),
    },
    {
      when: `${given(text)} <> ${expectedCheck(text)}`,
      rule: 'application_no_check',
      message: sqlConcat(sqlString('check digit is '), given(text), sqlString(', expected '), expectedCheck(text), sqlString(' ('), normalised(text), sqlString(')')),
    },
    {
      when: `NOT ${typeKnown(text)}`,
      rule: 'application_no_type',
      message: sqlConcat(
        sqlString('type digit (digit '),
        `(CASE WHEN length(${digits(text)}) = 12 THEN '5' ELSE '3' END)`,
        sqlString(') is '),
        typeDigit(text),
        sqlString(', expected '),
        `(CASE WHEN length(${digits(text)}) = 12 THEN '1, 2, 3, 8 or 9' ELSE '1, 2 or 3' END)`,
        sqlString(' ('),
        normalised(text),
        sqlString(')'),
      ),
    },
  ],
  normalised,
);
