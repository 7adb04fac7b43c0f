/**
 * The twins of parse/decimal.ts: splitDecimal's pattern (sign, thousands separators, full-width
 * digits) in RE2, and the value as DuckDB's own VARCHAR → DECIMAL cast of the digits without
 * separators. That cast is exact decimal arithmetic and, like toScaledUnits, rounds half away
 * from zero on the first dropped digit (0.005 → 0.01, -0.005 → -0.01); it gives NULL (TRY_CAST)
 * beyond DECIMAL(38, s), which is far outside DECIMAL(18, s) anyway. No DOUBLE anywhere.
 * Also the quantity field (fields.ts `quantity`: DECIMAL(18,4), never negative).
 */
import { sqlHalfWidth } from './half-width-sql.ts';
import { sqlConcat, sqlQuote, sqlString, twinOf, type SqlFieldTwin } from './sql-field-twin.ts';
import { withFastPath } from './fast-path.ts';

/** parse/decimal.ts DECIMAL: a sign, integer digits (grouped by commas in threes, or not), an optional fraction. */
const DECIMAL_PATTERN = '[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\\.[0-9]+)?';

/** BOOLEAN: the half-width text is a decimal number (splitDecimal would not return null). */
export function sqlIsDecimal(halfWidthText: string): string {
  return `regexp_full_match(${halfWidthText}, ${sqlString(DECIMAL_PATTERN)})`;
}

/**
 * DECIMAL(38, scale) of half-width text that sqlIsDecimal accepts, rounded half away from zero to
 * `scale` decimals; NULL when it does not fit DECIMAL(38, scale).
 */
export function sqlDecimal38(halfWidthText: string, scale: number): string {
  return `TRY_CAST(replace(${halfWidthText}, ',', '') AS DECIMAL(38,${scale}))`;
}

/** The largest DECIMAL(18, scale) magnitude as a SQL literal: eighteen nines with the point `scale` from the right. */
export function decimal18Max(scale: number): string {
  const nines = '9'.repeat(18);
  return scale === 0 ? nines : `${nines.slice(0, 18 - scale)}.${nines.slice(18 - scale)}`;
}

/** SQL condition: a DECIMAL(38, scale) value (NULL when it overflowed) does not fit DECIMAL(18, scale). */
export function sqlOutsideDecimal18(value: string, scale: number): string {
  return `(${value} IS NULL OR abs(${value}) > ${decimal18Max(scale)})`;
}

const QUANTITY_SCALE = 4;

/** fields.ts `quantity`: parseDecimal(text, 4), then number_negative. */
function fullQuantityTwin(): SqlFieldTwin {
  const value = (text: string) => sqlDecimal38(sqlHalfWidth(text), QUANTITY_SCALE);
  return twinOf(
    (text) => [
      {
        when: `NOT ${sqlIsDecimal(sqlHalfWidth(text))}`,
        rule: 'number_format',
        message: sqlConcat(sqlString('expected a decimal number such as 1234.5 or 1,234.5, got '), sqlQuote(text)),
      },
      {
        when: sqlOutsideDecimal18(value(text), QUANTITY_SCALE),
        rule: 'number_out_of_range',
        message: sqlConcat(sqlQuote(text), sqlString(` does not fit DECIMAL(18,${QUANTITY_SCALE})`)),
      },
      { when: `(${value(text)} < 0)`, rule: 'number_negative', message: sqlConcat(sqlString('expected a quantity ≥ 0, got '), sqlQuote(text)) },
    ],
    (text) => `TRY_CAST(${value(text)} AS DECIMAL(18,${QUANTITY_SCALE}))`,
  );
}

/** Fast path: a plain quantity with at most four decimals (at most 14 digits before the point: DECIMAL(18,4)). */
export function quantityTwin(): SqlFieldTwin {
  return withFastPath(fullQuantityTwin(), {
    when: (text) => `regexp_full_match(${text}, '[0-9]{1,14}(\\.[0-9]{1,4})?')`,
    value: (text) => `TRY_CAST(${text} AS DECIMAL(18,4))`,
  });
}
