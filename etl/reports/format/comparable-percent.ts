/**
 * A rate printed beside the threshold it was judged against, with as many decimals as it takes for
 * the printed numbers to compare the way the exact ones do: a CAGR of 0.199996 against a target of
 * 20 % prints as "+19.9996%" (not "+20.0%", which would read as met), 0.215 as "+21.5%".
 */
import { compareDecimals, movePoint, roundedFixed, type DecimalInput } from './decimal-text.ts';
import { formatGrowth } from './percent.ts';

/** Ratios are published to 6 decimals: 4 decimals of a per cent show them exactly. */
const MAX_DECIMALS = 4;

/** The growth rate (signed) with 1 decimal, or more when 1 would print it on the wrong side of (or onto) `threshold`. */
export function growthBeside(fraction: DecimalInput, threshold: DecimalInput): string {
  const exactOrder = compareDecimals(fraction, threshold);
  const thresholdPercent = movePoint(threshold, 2);
  for (let decimals = 1; decimals < MAX_DECIMALS; decimals++) {
    if (compareDecimals(roundedFixed(movePoint(fraction, 2), decimals), thresholdPercent) === exactOrder) return formatGrowth(fraction, decimals);
  }
  return formatGrowth(fraction, MAX_DECIMALS);
}
