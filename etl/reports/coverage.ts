/**
 * Coverage: the months a dataset's data is complete for. Inside coverage a month without a row
 * is a true zero; a figure whose window leaves coverage cannot be computed, and says why.
 *
 * Coverage is a set of months, kept as sorted, disjoint runs of consecutive months; each run
 * says how it is known (declared by the delivery, set in the city configuration, or inferred
 * from the rows: docs/indicators.md "Coverage"). How the runs are worked out from the lake is
 * in coverage-resolution.ts; this file is the month-set arithmetic the figures use.
 */
import type { DatasetName } from '../schemas/dataset-spec.ts';
import { monthFromIndex, monthIndex } from './period.ts';

export const COVERAGE_BASES = ['declared', 'configured', 'inferred'] as const;
export type CoverageBasis = (typeof COVERAGE_BASES)[number];

export interface CoverageRun {
  /** 'YYYY-MM' */
  readonly first: string;
  /** 'YYYY-MM', ≥ first */
  readonly last: string;
  readonly basis: CoverageBasis;
  /** Where a declared or configured run was declared (a file, an option, the configuration). */
  readonly declaredIn?: readonly string[];
}

/** The months one dataset covers: sorted, disjoint runs; no runs means nothing is covered. */
export interface DatasetCoverage {
  readonly runs: readonly CoverageRun[];
}

export type CoverageByDataset = Readonly<Partial<Record<DatasetName, DatasetCoverage>>>;

/** Why a window of months has no figure, when it leaves coverage. */
export type CoverageGap = 'no_data' | 'not_covered' | 'not_yet_reported';

/** Coverage of consecutive months first..last, for callers (and tests) that know just that. */
export function coverageOfSpan(first: string, last: string, basis: CoverageBasis = 'inferred'): DatasetCoverage {
  if (monthIndex(first) > monthIndex(last)) throw new RangeError(`coverage ${first}..${last}: the first month is after the last`);
  return { runs: [{ first, last, basis }] };
}

/** First and last covered month, or null when nothing is covered. */
export function coverageBounds(coverage: DatasetCoverage | null | undefined): { first: string; last: string } | null {
  const runs = coverage?.runs ?? [];
  if (runs.length === 0) return null;
  return { first: runs[0]!.first, last: runs[runs.length - 1]!.last };
}

/**
 * The months covered by every one of `datasets` (an indicator's governing datasets): the
 * intersection of their month sets. Null when one of them has no coverage at all, or none is given.
 */
export function jointCoverage(datasets: readonly DatasetName[], coverage: CoverageByDataset): DatasetCoverage | null {
  if (datasets.length === 0) return null;
  let joint: Interval[] | null = null;
  for (const dataset of datasets) {
    const runs = coverage[dataset]?.runs ?? [];
    if (runs.length === 0) return null;
    const intervals = runs.map(toInterval);
    joint = joint === null ? intervals : intersect(joint, intervals);
  }
  // A run of the joint coverage is inferred unless every dataset vouches for it otherwise: the
  // basis of a joint run is not reported, only its months matter.
  return { runs: (joint ?? []).map(([first, last]) => ({ first: monthFromIndex(first), last: monthFromIndex(last), basis: 'inferred' })) };
}

/**
 * Null when every month from `from` to `to` (inclusive, from ≤ to) is covered; otherwise why not:
 * `no_data` when nothing is covered at all, `not_yet_reported` when the only months missing come
 * after the last covered month (the source has not delivered them yet), `not_covered` when a
 * missing month lies before the coverage starts or in a gap of it.
 */
export function coverageGap(coverage: DatasetCoverage | null, from: string, to: string): CoverageGap | null {
  const runs = coverage?.runs ?? [];
  if (runs.length === 0) return 'no_data';
  const first = monthIndex(from);
  const last = monthIndex(to);
  const lastCovered = monthIndex(runs[runs.length - 1]!.last);
  let missingBeforeEnd = false;
  let missingAfterEnd = false;
  let month = first;
  for (const run of runs.map(toInterval)) {
    if (month > last) break;
    if (run[1] < month) continue;
    if (run[0] > month) {
      // months month..min(run start − 1, last) are missing, all before the last covered month
      missingBeforeEnd = true;
      if (run[0] > last) break;
    }
    month = Math.max(month, run[1] + 1);
  }
  if (month <= last) {
    if (month <= lastCovered) missingBeforeEnd = true;
    else missingAfterEnd = true;
  }
  if (missingBeforeEnd) return 'not_covered';
  if (missingAfterEnd) return 'not_yet_reported';
  return null;
}

/** True when every month from `from` to `to` lies inside `coverage`. */
export function covers(coverage: DatasetCoverage | null, from: string, to: string): boolean {
  return coverageGap(coverage, from, to) === null;
}

/** Whether one month is covered. */
export function coversMonth(coverage: DatasetCoverage | null | undefined, month: string): boolean {
  const index = monthIndex(month);
  return (coverage?.runs ?? []).some((run) => monthIndex(run.first) <= index && index <= monthIndex(run.last));
}

type Interval = readonly [number, number];

function toInterval(run: CoverageRun): Interval {
  return [monthIndex(run.first), monthIndex(run.last)];
}

function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]![0], b[j]![0]);
    const end = Math.min(a[i]![1], b[j]![1]);
    if (start <= end) result.push([start, end]);
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return result;
}
