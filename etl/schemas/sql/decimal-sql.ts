/**
 * The twins of parse/decimal.ts: splitDecimal's pattern (sign, thousands separators, full-width
 * digits) in RE2, the scaled units as HUGEINT by digit-string manipulation (no DOUBLE anywhere),
 * and the quantity field (fields.ts `quantity`: DECIMAL(18,4), never negative).
 */
import { DECIMAL18_MAX_UNITS } from '../parse/decimal.ts';
import { sqlHalfWidth } from './half-width-sql.ts';
import { sqlConcat, sqlQuote, sqlString, twinOf, type SqlFieldTwin } from './sql-field-twin.ts';

/** parse/decimal.ts DECIMAL: group 1 the sign, 2 the integer digits (maybe grouped), 3 the fraction. */
const DECIMAL_PATTERN = '^([+-]?)([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\\.([0-9]+))?$';
/** Digit strings longer than this are out of range whatever their value (HUGEINT holds 38 digits). */
const MAX_SIGNIFICANT_DIGITS = 19;

/** The parts of decimal text, as SQL expressions over already half-width text. */
export interface SqlDecimalText {
  /** BOOLEAN: the text is a decimal number (splitDecimal would not return null). */
  readonly matches: string;
  /** BOOLEAN: the sign is '-'. */
  readonly negative: string;
  /** VARCHAR: the integer digits without thousands separators. */
  readonly integerDigits: string;
  /** VARCHAR: the fraction digits, '' when there is no point. */
  readonly fractionDigits: string;
}

/** splitDecimal in SQL, for text already made half-width. */
export function sqlSplitDecimal(halfWidthText: string): SqlDecimalText {
  const group = (index: number) => `regexp_extract(${halfWidthText}, ${sqlString(DECIMAL_PATTERN)}, ${index})`;
  return {
    matches: `regexp_full_match(${halfWidthText}, ${sqlString(DECIMAL_PATTERN)})`,
    negative: `(${group(1)} = '-')`,
    integerDigits: `replace(${group(2)}, ',', '')`,
    fractionDigits: group(3),
  };
}

/**
 * toScaledUnits in SQL: the value in units of 10^-scale, rounded half away from zero, as HUGEINT;
 * NULL when it has more than MAX_SIGNIFICANT_DIGITS significant digits (then it is out of any
 * DECIMAL(18, s) range anyway, and HUGEINT could overflow).
 */
export function sqlScaledUnits(decimal: SqlDecimalText, scale: number): string {
  const kept = scale === 0 ? "''" : `rpad(left(${decimal.fractionDigits}, ${scale}), ${scale}, '0')`;
  const significant = `ltrim(${decimal.integerDigits} || ${kept}, '0')`;
  const roundsUp = `(substr(${decimal.fractionDigits}, ${scale + 1}, 1) >= '5')`;
  const magnitude = `(CASE WHEN length(${significant}) > ${MAX_SIGNIFICANT_DIGITS} THEN NULL ELSE CAST('0' || ${significant} AS HUGEINT) + (CASE WHEN ${roundsUp} THEN 1 ELSE 0 END) END)`;
  return `(CASE WHEN ${decimal.negative} THEN -${magnitude} ELSE ${magnitude} END)`;
}

/** SQL condition: the units (from sqlScaledUnits) do not fit DECIMAL(18, s). */
export function sqlOutsideDecimal18(units: string): string {
  return `(${units} IS NULL OR abs(${units}) > ${DECIMAL18_MAX_UNITS})`;
}

/** Units of 10^-scale (HUGEINT) → DECIMAL(18, scale), exactly (DECIMAL multiplication, no DOUBLE). */
export function sqlUnitsToDecimal18(units: string, scale: number): string {
  return `CAST(CAST(${units} AS DECIMAL(38,0)) * ${scale === 0 ? '1' : `0.${'0'.repeat(scale - 1)}1`} AS DECIMAL(18,${scale}))`;
}

const QUANTITY_SCALE = 4;

/** fields.ts `quantity`: parseDecimal(text, 4), then number_negative. */
export function quantityTwin(): SqlFieldTwin {
  const units = (text: string) => sqlScaledUnits(sqlSplitDecimal(sqlHalfWidth(text)), QUANTITY_SCALE);
  return twinOf(
    (text) => [
      {
        when: `NOT ${sqlSplitDecimal(sqlHalfWidth(text)).matches}`,
        rule: 'number_format',
        message: sqlConcat(sqlString('expected a decimal number such as 1234.5 or 1,234.5, got '), sqlQuote(text)),
      },
      {
        when: sqlOutsideDecimal18(units(text)),
        rule: 'number_out_of_range',
        message: sqlConcat(sqlQuote(text), sqlString(` does not fit DECIMAL(18,${QUANTITY_SCALE})`)),
      },
      { when: `(${units(text)} < 0)`, rule: 'number_negative', message: sqlConcat(sqlString('expected a quantity ≥ 0, got '), sqlQuote(text)) },
    ],
    (text) => sqlUnitsToDecimal18(units(text), QUANTITY_SCALE),
  );
}
