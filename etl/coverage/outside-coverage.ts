/**
 * The warning a manifest carries when a file's accepted rows fall in months outside its declared
 * coverage. The rows stay in the lake (a later declaration may widen the coverage), but figures
 * for months outside the declared coverage are not published.
 */
import { monthFromIndex, monthIndex } from '../reports/period.ts';
import { formatMonthRange, type MonthRange } from './coverage-range.ts';

const WARNING_MIDDLE = ' lie outside the declared coverage ';

/**
 * The months of `months` (each 'YYYY-MM', any order) outside `coverage`, in order, with runs of
 * consecutive months joined: `['2018-12', '2025-04..2025-06']`.
 */
export function monthsOutside(coverage: MonthRange, months: readonly string[]): string[] {
  const first = monthIndex(coverage.first);
  const last = monthIndex(coverage.last);
  const outside = [...new Set(months.map(monthIndex))].filter((index) => index < first || index > last).sort((a, b) => a - b);
  const spans: string[] = [];
  let start = 0;
  for (let index = 1; index <= outside.length; index += 1) {
    if (index < outside.length && outside[index] === outside[index - 1]! + 1) continue;
    const from = monthFromIndex(outside[start]!);
    const to = monthFromIndex(outside[index - 1]!);
    spans.push(from === to ? from : `${from}..${to}`);
    start = index;
  }
  return spans;
}

/** The manifest warning for accepted rows in `months` outside `coverage`, or null when they all lie inside. */
export function outsideCoverageWarning(coverage: MonthRange, months: readonly string[]): string | null {
  const outside = monthsOutside(coverage, months);
  if (outside.length === 0) return null;
  return `accepted rows of ${outside.join(', ')}${WARNING_MIDDLE}${formatMonthRange(coverage)}: figures for months outside the declared coverage are not published`;
}

/** True for a warning made by outsideCoverageWarning: it is replaced when the declaration changes. */
export function isOutsideCoverageWarning(warning: string): boolean {
  return warning.startsWith('accepted rows of ') && warning.includes(WARNING_MIDDLE);
}
