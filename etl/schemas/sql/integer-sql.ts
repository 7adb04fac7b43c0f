/**
 * The twin of parse/integer.ts: a whole number (sign, thousands separators, full-width digits)
 * within [min, max] → INTEGER. JavaScript compares Number(digits), which may be inexact beyond
 * 2^53 but never on the wrong side of a bound inside INTEGER's range; SQL compares exactly, and a
 * number beyond DECIMAL(38,0) is NULL there, out of range.
 */
import { sqlHalfWidth } from './half-width-sql.ts';
import { sqlDecimal38, sqlIsDecimal } from './decimal-sql.ts';
import { sqlConcat, sqlQuote, sqlString, twinOf, type SqlFieldTwin } from './sql-field-twin.ts';
import { withFastPath } from './fast-path.ts';

/** fields.ts's INTEGER range, restated: fields.ts will import the twins, not the other way round. */
const INTEGER_MIN = -2_147_483_648;
const INTEGER_MAX = 2_147_483_647;

function fullIntegerTwin(min: number, max: number): SqlFieldTwin {
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < INTEGER_MIN || max > INTEGER_MAX || min > max) {
    throw new RangeError(`integerTwin: [${min}, ${max}] is not a range within INTEGER [${INTEGER_MIN}, ${INTEGER_MAX}]`);
  }
  // No fraction is allowed, so nothing is rounded; "-0" is 0 as in JavaScript.
  const value = (text: string) => sqlDecimal38(sqlHalfWidth(text), 0);
  return twinOf(
    (text) => [
      {
        when: `(NOT ${sqlIsDecimal(sqlHalfWidth(text))} OR contains(${sqlHalfWidth(text)}, '.'))`,
        rule: 'integer_format',
        message: sqlConcat(sqlString('expected a whole number such as 12 or 1,234, got '), sqlQuote(text)),
      },
      {
        when: `(${value(text)} IS NULL OR ${value(text)} < ${min} OR ${value(text)} > ${max})`,
        rule: 'integer_range',
        message: sqlConcat(sqlString(`expected a whole number from ${min} to ${max}, got `), sqlQuote(text)),
      },
    ],
    (text) => `TRY_CAST(${value(text)} AS INTEGER)`,
  );
}

/** Fast path: up to nine plain digits within [min, max]. */
export function integerTwin(min: number, max: number): SqlFieldTwin {
  return withFastPath(fullIntegerTwin(min, max), {
    when: (text) => `(regexp_full_match(${text}, '[0-9]{1,9}') AND TRY_CAST(${text} AS INTEGER) BETWEEN ${min} AND ${max})`,
    value: (text) => `TRY_CAST(${text} AS INTEGER)`,
  });
}
