/**
 * Works out the months each dataset covers for one city (docs/indicators.md "Coverage"), from
 * what the lake knows about its source files and from the city configuration. Pure.
 *
 * Per dataset, in this order:
 * 1. the city configuration's `coverage` for the dataset, when set, is the coverage (configured);
 * 2. otherwise the union of
 *    - every delivery's declared coverage (`--covers`, coverage.json, S3 metadata: declared), and
 *    - for the deliveries that declare none and have current rows, the months from the start S
 *      to the last month of their rows (inferred). S is the city's `data_since` or, without one,
 *      the earliest month of any current row of any monthly dataset in the lake (the lake taken
 *      as one delivery). Registers (patents, trademarks) are stocks, not monthly flows: an
 *      undeclared register delivery covers its own first to last month instead.
 * A declared month stays declared where an inferred run overlaps it. Annual datasets cover
 * January of their first year to December of their last (they cannot be declared). Reference
 * datasets without a period have no coverage.
 */
import type { DatasetName } from '../schemas/dataset-spec.ts';
import { DATASETS } from '../schemas/index.ts';
import type { CoverageBasis, CoverageByDataset, CoverageRun, DatasetCoverage } from './coverage.ts';
import { INDICATORS, INDICATOR_IDS } from './indicators.ts';
import { monthFromIndex, monthIndex } from './period.ts';

/** What the lake knows about one ingested source file. */
export interface SourceFileCoverageFacts {
  readonly dataset: DatasetName;
  readonly sha256: string;
  /** The coverage its delivery declared, with where it was declared. */
  readonly declared: { readonly first: string; readonly last: string; readonly declaredIn: string } | null;
  /** First and last month of its current rows (after supersession); null when it has none. */
  readonly rows: { readonly first: string; readonly last: string } | null;
}

/** The parts of a configured city the coverage depends on. */
export interface CityCoverageSettings {
  /** 'YYYY-MM': the default first month of every monthly dataset for this city. */
  readonly dataSince: string | null;
  /** Per-dataset coverage set in the configuration; `last` null means up to the dataset's last known month. */
  readonly coverageOverrides: Readonly<Partial<Record<DatasetName, { readonly first: string; readonly last: string | null }>>>;
}

/** No configuration: the lake's own coverage (used to choose the default report month). */
export const LAKE_ONLY: CityCoverageSettings = { dataSince: null, coverageOverrides: {} };

/** Where a coverage set in the city configuration is said to come from. */
export const CONFIGURED_IN = 'city configuration';

/** The datasets monthly indicators are counted from: their rows decide the lake's start S. */
export const MONTHLY_FLOW_DATASETS: readonly DatasetName[] = [
  ...new Set(INDICATOR_IDS.filter((id) => INDICATORS[id].cadence === 'monthly').flatMap((id) => INDICATORS[id].governingDatasets)),
];

export function resolveCoverage(files: readonly SourceFileCoverageFacts[], city: CityCoverageSettings): CoverageByDataset {
  const lakeStart = city.dataSince ?? earliestFlowMonth(files);
  const coverage: Partial<Record<DatasetName, DatasetCoverage>> = {};
  for (const spec of Object.values(DATASETS)) {
    const own = files.filter((file) => file.dataset === spec.name);
    const runs =
      spec.partitioning.kind === 'none'
        ? null
        : spec.partitioning.kind === 'year'
          ? annualRuns(own)
          : monthlyRuns(own, city.coverageOverrides[spec.name], MONTHLY_FLOW_DATASETS.includes(spec.name) ? lakeStart : null);
    if (runs !== null) coverage[spec.name] = { runs };
  }
  return coverage;
}

function earliestFlowMonth(files: readonly SourceFileCoverageFacts[]): string | null {
  const firsts = files.filter((file) => MONTHLY_FLOW_DATASETS.includes(file.dataset) && file.rows !== null).map((file) => monthIndex(file.rows!.first));
  return firsts.length === 0 ? null : monthFromIndex(Math.min(...firsts));
}

/** `start` is the lake's start S for a monthly flow dataset, null for a register (which starts at its own rows). */
function monthlyRuns(
  files: readonly SourceFileCoverageFacts[],
  override: { readonly first: string; readonly last: string | null } | undefined,
  start: string | null,
): CoverageRun[] {
  const lastKnown = maxMonth(files.flatMap((file) => [file.declared?.last, file.rows?.last]));
  if (override !== undefined) {
    const last = override.last ?? lastKnown;
    if (last === null || monthIndex(last) < monthIndex(override.first)) return [];
    return [{ first: override.first, last, basis: 'configured', declaredIn: [CONFIGURED_IN] }];
  }
  const months = new MonthMap();
  for (const file of files) {
    if (file.declared !== null) months.mark(file.declared.first, file.declared.last, 'declared', file.declared.declaredIn);
  }
  const undeclared = files.filter((file) => file.declared === null && file.rows !== null);
  if (undeclared.length > 0) {
    const first = start ?? minMonth(undeclared.map((file) => file.rows!.first))!;
    const last = maxMonth(undeclared.map((file) => file.rows!.last))!;
    months.mark(first, last, 'inferred');
  }
  return months.runs();
}

function annualRuns(files: readonly SourceFileCoverageFacts[]): CoverageRun[] {
  const withRows = files.filter((file) => file.rows !== null);
  if (withRows.length === 0) return [];
  return [{ first: minMonth(withRows.map((file) => file.rows!.first))!, last: maxMonth(withRows.map((file) => file.rows!.last))!, basis: 'inferred' }];
}

function minMonth(months: readonly (string | null | undefined)[]): string | null {
  const indexes = months.filter((month): month is string => typeof month === 'string').map(monthIndex);
  return indexes.length === 0 ? null : monthFromIndex(Math.min(...indexes));
}

function maxMonth(months: readonly (string | null | undefined)[]): string | null {
  const indexes = months.filter((month): month is string => typeof month === 'string').map(monthIndex);
  return indexes.length === 0 ? null : monthFromIndex(Math.max(...indexes));
}

/** Months with how each is known; declared beats inferred where both mark a month. */
class MonthMap {
  private readonly byMonth = new Map<number, { basis: CoverageBasis; declaredIn: Set<string> }>();

  mark(first: string, last: string, basis: CoverageBasis, declaredIn?: string): void {
    for (let index = monthIndex(first); index <= monthIndex(last); index++) {
      const current = this.byMonth.get(index);
      if (current === undefined || (current.basis === 'inferred' && basis !== 'inferred')) {
        this.byMonth.set(index, { basis, declaredIn: new Set(declaredIn === undefined ? [] : [declaredIn]) });
      } else if (current.basis === basis && declaredIn !== undefined) {
        current.declaredIn.add(declaredIn);
      }
    }
  }

  /** Consecutive months of the same basis and declarations, as runs. */
  runs(): CoverageRun[] {
    const runs: CoverageRun[] = [];
    const indexes = [...this.byMonth.keys()].sort((a, b) => a - b);
    let open: { first: number; last: number; basis: CoverageBasis; declaredIn: string[] } | null = null;
    const close = () => {
      if (open === null) return;
      runs.push({
        first: monthFromIndex(open.first),
        last: monthFromIndex(open.last),
        basis: open.basis,
        ...(open.declaredIn.length > 0 ? { declaredIn: open.declaredIn } : {}),
      });
    };
    for (const index of indexes) {
      const month = this.byMonth.get(index)!;
      const declaredIn = [...month.declaredIn].sort();
      if (open !== null && index === open.last + 1 && open.basis === month.basis && open.declaredIn.join('\n') === declaredIn.join('\n')) {
        open.last = index;
        continue;
      }
      close();
      open = { first: index, last: index, basis: month.basis, declaredIn };
    }
    close();
    return runs;
  }
}
