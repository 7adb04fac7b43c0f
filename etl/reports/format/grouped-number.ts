/**
 * Digits grouped by thousands with a fixed number of decimals, the way Chinese statistics
 * bulletins print them (1,234,567.89). Written by hand rather than with Intl so the output does
 * not depend on the ICU data a Node build ships. Rounding is half away from zero on the exact
 * decimal (decimal-text.ts): 1.005 → "1.01", where (1.005).toFixed(2) is "1.00".
 */
import { DecimalError } from '../exact-decimal.ts';
import { roundedFixed, type DecimalInput } from './decimal-text.ts';

export function groupedNumber(value: DecimalInput, decimals: number): string {
  return groupDigits(roundedFixed(value, decimals));
}

/** Thousands separators in rounded fixed-point text: "-1234567.89" → "-1,234,567.89". */
export function groupDigits(fixed: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(fixed);
  if (!match) throw new DecimalError(`${JSON.stringify(fixed)} is not rounded fixed-point text`);
  const [, sign = '', whole = '', fraction] = match;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** Like groupedNumber but without trailing zeros (axis ticks: 0.5, 1, 1.5 rather than 0.50, 1, 1.50). */
export function trimmedNumber(value: DecimalInput, maxDecimals: number): string {
  const text = groupedNumber(value, maxDecimals);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
