/**
 * Exact decimal text for every printed figure (issue 9 §3): a figure is rounded once, half away
 * from zero, on the exact decimal it stands for, never on a double. report.json's numbers were
 * made from exact decimals (money to 2, ratios to 6 decimals), and a number's shortest string
 * form (`String(x)`) gives back that decimal; so a number is read through `String`, and decimal
 * text ("1234.50", "-0.1234565") is accepted as it is. decimal.js does the arithmetic; this is
 * the only module that knows it.
 */
import DecimalModule, { type Decimal } from 'decimal.js';
import { DecimalError } from '../exact-decimal.ts';

/** A figure to print: a number (taken as its shortest string form) or decimal text. */
export type DecimalInput = number | string;

// decimal.js types itself as a CommonJS module, so under NodeNext TypeScript takes the default
// import for the module object; Node's ESM entry (decimal.mjs) exports the constructor itself.
const DecimalJs = DecimalModule as unknown as typeof Decimal;

/**
 * ROUND_HALF_UP is half away from zero in decimal.js (−1.005 → −1.01). 100 significant digits
 * hold every report figure and its products with powers of ten exactly; divisions truncate
 * (see roundedQuotient), so no operation rounds a figure before the one rounding that prints it.
 */
const Exact = DecimalJs.clone({ precision: 100, rounding: DecimalJs.ROUND_HALF_UP });
const Truncating = DecimalJs.clone({ precision: 100, rounding: DecimalJs.ROUND_DOWN });

const DECIMAL_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function exact(value: DecimalInput): Decimal {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new DecimalError(`${value} is not a finite number, so it cannot be printed as a decimal`);
    return new Exact(String(value));
  }
  if (!DECIMAL_TEXT.test(value.trim())) throw new DecimalError(`${JSON.stringify(value)} is not decimal text (expected e.g. "1234.50" or "-0.125")`);
  return new Exact(value.trim());
}

function checkDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) throw new DecimalError(`decimals must be an integer from 0 to 20, got ${decimals}`);
}

/** Fixed-point text without a sign on zero: "-0.00" would read as a negative nothing. */
function fixedText(value: Decimal, decimals: number): string {
  const text = value.toFixed(decimals, DecimalJs.ROUND_HALF_UP);
  return /^-[0.]+$/.test(text) ? text.slice(1) : text;
}

/** value rounded half away from zero to `decimals` places: roundedFixed(1.005, 2) = "1.01", roundedFixed(-0.001, 2) = "0.00". */
export function roundedFixed(value: DecimalInput, decimals: number): string {
  checkDecimals(decimals);
  return fixedText(exact(value), decimals);
}

/** value × 10^places as exact decimal text: movePoint(0.145, 2) = "14.5" (where 0.145 * 100 is 14.499999999999998). */
export function movePoint(value: DecimalInput, places: number): string {
  if (!Number.isInteger(places)) throw new DecimalError(`places must be an integer, got ${places}`);
  return exact(value).times(new Exact(10).pow(places)).toFixed();
}

/**
 * numerator ÷ denominator rounded once, half away from zero, to `decimals` places. The quotient is
 * truncated at 100 significant digits first; rounding that truncation half up gives the same
 * result as rounding the exact quotient, because a truncated value reaches a rounding midpoint
 * only if the exact one does too (the midpoint itself has far fewer digits).
 */
export function roundedQuotient(numerator: DecimalInput, denominator: DecimalInput, decimals: number): string {
  checkDecimals(decimals);
  const divisor = exact(denominator);
  if (divisor.isZero()) throw new DecimalError(`cannot divide ${numerator} by zero`);
  const quotient = new Truncating(exact(numerator)).div(new Truncating(divisor));
  return fixedText(new Exact(quotient), decimals);
}

/** −1, 0 or 1 as |value| is below, at or above |threshold| (money units: 万元 from 10,000). */
export function compareMagnitude(value: DecimalInput, threshold: DecimalInput): number {
  return exact(value).abs().comparedTo(exact(threshold).abs());
}

/** True when the value is exactly zero ("0.00", -0, 0). */
export function isZero(value: DecimalInput): boolean {
  return exact(value).isZero();
}

/** −1, 0 or 1 as a is below, equal to or above b, exactly (signed; compareMagnitude compares sizes). */
export function compareDecimals(a: DecimalInput, b: DecimalInput): number {
  return exact(a).comparedTo(exact(b));
}
