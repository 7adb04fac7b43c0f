/** Whole counts with thousands separators. */
import type { DecimalInput } from './decimal-text.ts';
import { groupedNumber } from './grouped-number.ts';
import { MISSING_VALUE } from './missing-value.ts';

export function formatCount(count: DecimalInput | null): string {
  return count === null ? MISSING_VALUE : groupedNumber(count, 0);
}
