/**
 * The report month when none is given: the latest month that every monthly flow source covers
 * (the earliest of their last covered months). The programme ledger is left out because it is
 * sparse by nature: months without a certification are normal, not a sign of missing data.
 */
import { coverageBounds, type CoverageByDataset } from './coverage.ts';
import type { DatasetName } from '../schemas/dataset-spec.ts';

export const PERIOD_GOVERNING_DATASETS: readonly DatasetName[] = ['patent_events', 'trademark_events', 'pledges', 'tech_contracts', 'gi_output'];

export function defaultPeriod(coverage: CoverageByDataset): string | null {
  const lastMonths = PERIOD_GOVERNING_DATASETS.map((dataset) => coverageBounds(coverage[dataset])?.last).filter((month) => month !== undefined);
  if (lastMonths.length === 0) return null;
  return lastMonths.sort()[0]!;
}
