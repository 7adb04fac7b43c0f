/**
 * Fractions as percentages (0.157258 → 15.7%); growth rates carry their sign (+15.7% / -28.6%).
 * The fraction is moved two places on its exact decimal, not multiplied as a double
 * (0.145 * 100 is 14.499999999999998), then rounded once, half away from zero.
 */
import { MISSING_VALUE } from './missing-value.ts';
import { groupDigits, groupedNumber, trimmedNumber } from './grouped-number.ts';
import { isZero, movePoint, roundedQuotient, type DecimalInput } from './decimal-text.ts';

export function formatPercent(fraction: DecimalInput | null, decimals = 1): string {
  return fraction === null ? MISSING_VALUE : `${groupedNumber(movePoint(fraction, 2), decimals)}%`;
}

export function formatGrowth(fraction: DecimalInput | null, decimals = 1): string {
  if (fraction === null) return MISSING_VALUE;
  const text = formatPercent(fraction, decimals);
  // Rounded text without a minus that is not all zeros is a positive rate: it gets its plus.
  return !text.startsWith('-') && /[1-9]/.test(text) ? `+${text}` : text;
}

/** part ÷ whole as a percentage, rounded once on the exact quotient (rejected ÷ read rows); "—" when whole is 0. */
export function formatShareOf(part: DecimalInput, whole: DecimalInput, decimals = 1): string {
  return isZero(whole) ? MISSING_VALUE : `${groupDigits(roundedQuotient(movePoint(part, 2), whole, decimals))}%`;
}

/** A configured rate without trailing zeros: 0.2 → "20%", 0.0125 → "1.25%". */
export function formatTrimmedPercent(fraction: DecimalInput, maxDecimals: number): string {
  return `${trimmedNumber(movePoint(fraction, 2), maxDecimals)}%`;
}
