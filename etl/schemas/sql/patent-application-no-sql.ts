/**
 * The twin of parse/patent-application-no.ts: a CN patent application number → `201710601862.3`, with
 * its check digit (Σ digit × 2,3,4,5,6,7,8,9,2,3,4,5 mod 11, 10 written X) and type digit verified.
 * The parser's fast path for an already normalised number gives the same result as its full path,
 * so the twin has only the full path. The compacted text is bound once (sqlLet): written out in each
 * check it made every expression 170–350 kB and a query took 0.6 s to bind.
 */
import { sqlHalfWidth } from './half-width-sql.ts';
import { JS_WHITESPACE_CLASS } from './js-whitespace.ts';
import { sqlJsUpper } from './js-case.ts';
import { sqlConcat, sqlIn, sqlQuote, sqlString, twinOf, type SqlFieldTwin } from './sql-field-twin.ts';
import { sqlLet } from './sql-let.ts';
import { withFastPath } from './fast-path.ts';

const WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5] as const;
const PATTERN = '(?:CN|ZL)?([0-9]{12}|[0-9]{8})\\.?([0-9X])';

/** Half-width, upper case (as JavaScript does it), every white space removed. */
const compact = (text: string) => `regexp_replace(${sqlJsUpper(sqlHalfWidth(text))}, ${sqlString(`${JS_WHITESPACE_CLASS}+`)}, '', 'g')`;
/** The name the compacted text is bound to in every expression of the twin. */
const COMPACT = 'application_no_compact';
const DIGITS = `regexp_extract(${COMPACT}, ${sqlString(`^${PATTERN}$`)}, 1)`;
const GIVEN = `regexp_extract(${COMPACT}, ${sqlString(`^${PATTERN}$`)}, 2)`;
const NORMALISED = sqlConcat(DIGITS, `'.'`, GIVEN);

/** applicationNoCheckDigit: the weighted sum over the 12 (or 8) digits, mod 11, 10 → X. */
const EXPECTED_CHECK = (() => {
  const sum = WEIGHTS.map((weight, index) => `(CASE WHEN length(${DIGITS}) > ${index} THEN (ascii(substr(${DIGITS}, ${index + 1}, 1)) - 48) * ${weight} ELSE 0 END)`).join(' + ');
  return `(CASE WHEN (${sum}) % 11 = 10 THEN 'X' ELSE CAST((${sum}) % 11 AS VARCHAR) END)`;
})();

/** The type digit: digit 5 of 12, digit 3 of 8. */
const TYPE_DIGIT = `(CASE WHEN length(${DIGITS}) = 12 THEN substr(${DIGITS}, 5, 1) ELSE substr(${DIGITS}, 3, 1) END)`;
const TYPE_KNOWN = `(CASE WHEN length(${DIGITS}) = 12 THEN ${sqlIn(TYPE_DIGIT, ["'1'", "'2'", "'3'", "'8'", "'9'"])} ELSE ${sqlIn(TYPE_DIGIT, ["'1'", "'2'", "'3'"])} END)`;

/** The twin over the bound compacted text; `text` itself only appears quoted in the format message. */
const OVER_COMPACT: SqlFieldTwin = twinOf(
  (text) => [
    {
      when: `NOT regexp_full_match(${COMPACT}, ${sqlString(PATTERN)})`,
      rule: 'application_no_format',
      message: sqlConcat(sqlString('expected 12 digits + "." + check digit (8 + 1 before 2003), optionally prefixed CN, e.g. 201710601862.3, got '), sqlQuote(text)),
    },
    {
      when: `${GIVEN} <> ${EXPECTED_CHECK}`,
      rule: 'application_no_check',
      message: sqlConcat(sqlString('check digit is '), GIVEN, sqlString(', expected '), EXPECTED_CHECK, sqlString(' ('), NORMALISED, sqlString(')')),
    },
    {
      when: `NOT ${TYPE_KNOWN}`,
      rule: 'application_no_type',
      message: sqlConcat(
        sqlString('type digit (digit '),
        `(CASE WHEN length(${DIGITS}) = 12 THEN '5' ELSE '3' END)`,
        sqlString(') is '),
        TYPE_DIGIT,
        sqlString(', expected '),
        `(CASE WHEN length(${DIGITS}) = 12 THEN '1, 2, 3, 8 or 9' ELSE '1, 2 or 3' END)`,
        sqlString(' ('),
        NORMALISED,
        sqlString(')'),
      ),
    },
  ],
  () => NORMALISED,
);

const FULL_APPLICATION_NO_TWIN: SqlFieldTwin = {
  value: (text) => sqlLet(compact(text), COMPACT, OVER_COMPACT.value(text)),
  rule: (text) => sqlLet(compact(text), COMPACT, OVER_COMPACT.rule(text)),
  message: (text) => sqlLet(compact(text), COMPACT, OVER_COMPACT.message(text)),
};

/** The check digit of a normalised 12-digit number's digits, as SQL. */
const checkDigit12 = (text: string) => {
  const sum = WEIGHTS.map((weight, index) => `(ascii(substr(${text}, ${index + 1}, 1)) - 48) * ${weight}`).join(' + ');
  return `(CASE (${sum}) % 11 WHEN 10 THEN 'X' ELSE CAST((${sum}) % 11 AS VARCHAR) END)`;
};

/** Fast path: already `201710601862.3` (twelve digits), check digit and type digit right (the parser's own fast path). */
export const APPLICATION_NO_TWIN: SqlFieldTwin = withFastPath(FULL_APPLICATION_NO_TWIN, {
  when: (text) => `(regexp_full_match(${text}, '[0-9]{4}[12389][0-9]{7}\\.[0-9X]') AND substr(${text}, 14, 1) = ${checkDigit12(text)})`,
  value: (text) => text,
});
