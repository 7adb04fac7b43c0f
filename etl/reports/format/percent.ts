/** Fractions as percentages (0.157258 → 15.7%); growth rates carry their sign (+15.7% / -28.6%). */
import { MISSING_VALUE } from './missing-value.ts';
import { groupedNumber } from './grouped-number.ts';

export function formatPercent(fraction: number | null, decimals = 1): string {
  return fraction === null ? MISSING_VALUE : `${groupedNumber(fraction * 100, decimals)}%`;
}

export function formatGrowth(fraction: number | null, decimals = 1): string {
  if (fraction === null) return MISSING_VALUE;
  const text = formatPercent(fraction, decimals);
  return fraction > 0 && text !== formatPercent(0, decimals) ? `+${text}` : text;
}
