/** Whole counts with thousands separators. */
import { groupedNumber } from './grouped-number.ts';
import { MISSING_VALUE } from './missing-value.ts';

export function formatCount(count: number | null): string {
  return count === null ? MISSING_VALUE : groupedNumber(count, 0);
}
