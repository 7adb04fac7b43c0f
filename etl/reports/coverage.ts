/**
 * Coverage: the months a dataset has data for (first..last month with at least one row).
 * Inside it an absent month is a true zero; outside it a figure cannot be computed.
 */
import type { DatasetName } from '../schemas/dataset-spec.ts';
import { monthFromIndex, monthIndex } from './period.ts';

export interface Coverage {
  /** 'YYYY-MM' */
  readonly firstMonth: string;
  /** 'YYYY-MM' */
  readonly lastMonth: string;
}

export type CoverageByDataset = Readonly<Partial<Record<DatasetName, Coverage>>>;

/** The months covered by every one of `datasets`, or null when one has no data (or none is given). */
export function jointCoverage(datasets: readonly DatasetName[], coverage: CoverageByDataset): Coverage | null {
  if (datasets.length === 0) return null;
  let first = -Infinity;
  let last = Infinity;
  for (const dataset of datasets) {
    const one = coverage[dataset];
    if (!one) return null;
    first = Math.max(first, monthIndex(one.firstMonth));
    last = Math.min(last, monthIndex(one.lastMonth));
  }
  if (first > last) return null;
  return { firstMonth: monthFromIndex(first), lastMonth: monthFromIndex(last) };
}

/** True when every month from `from` to `to` (inclusive, from ≤ to) lies inside `coverage`. */
export function covers(coverage: Coverage | null, from: string, to: string): boolean {
  if (!coverage) return false;
  return monthIndex(coverage.firstMonth) <= monthIndex(from) && monthIndex(to) <= monthIndex(coverage.lastMonth);
}
