/**
 * The month a report is for, and whether it can be reported at all (docs/operations.md "When a
 * report is refused"). A report is never written blank: an empty lake, or a month outside every
 * source's data — after it, or before it — is refused with what is missing and the latest month
 * that can be reported.
 *
 * A month is reportable when it lies within the months the monthly sources cover (from the
 * earliest first month to the latest last month of any of them: gaps inside give null figures
 * with their reasons, not a refusal). A lake with annual accounts and no monthly source at all
 * (patent-intensive figures only) reports a month whose latest complete year the accounts cover.
 */
import { coverageBounds, type CoverageByDataset } from './coverage.ts';
import { MONTHLY_FLOW_DATASETS } from './coverage-resolution.ts';
import { defaultPeriod } from './default-period.ts';
import { firstMonthOfYear, lastMonthOfYear, latestCompleteYear, monthIndex } from './period.ts';
import type { DatasetName } from '../schemas/dataset-spec.ts';

/** The annual accounts the patent-intensive figures are computed from. */
export const ANNUAL_FIGURE_DATASETS: readonly DatasetName[] = ['enterprise_accounts', 'industry_accounts'];

/** No report can be written for the month asked (or none can be chosen). */
export class ReportPeriodError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportPeriodError';
  }
}

/**
 * The report month: `requested`, or by default the latest month every flow source covers (with
 * annual accounts only: December of their last year). Throws ReportPeriodError when no source
 * has data, or when the month is outside the data of the lake or of one of `cities` (their own
 * coverage, which the city configuration may narrow).
 */
export function chooseReportPeriod(
  lakeCoverage: CoverageByDataset,
  requested: string | undefined,
  cities: readonly { readonly label: string; readonly coverage: CoverageByDataset }[] = [],
): string {
  const monthly = spansOf(lakeCoverage, MONTHLY_FLOW_DATASETS);
  const annual = spansOf(lakeCoverage, ANNUAL_FIGURE_DATASETS);
  if (monthly.length === 0 && annual.length === 0) {
    throw new ReportPeriodError(
      `the lake holds no data with a period (none of ${[...MONTHLY_FLOW_DATASETS, ...ANNUAL_FIGURE_DATASETS].join(', ')} has rows or a declared coverage), so there is no month to report: ingest the sources first`,
    );
  }
  const fallback = defaultPeriod(lakeCoverage) ?? latestOf(annual.map((span) => span.last));
  const period = requested ?? fallback;
  for (const { label, coverage } of [{ label: 'the lake', coverage: lakeCoverage }, ...cities]) {
    const problem = problemOf(label, coverage, period, fallback);
    if (problem !== null) throw new ReportPeriodError(problem);
  }
  return period;
}

interface Span {
  readonly dataset: DatasetName;
  readonly first: string;
  readonly last: string;
}

function spansOf(coverage: CoverageByDataset, datasets: readonly DatasetName[]): Span[] {
  return datasets.flatMap((dataset) => {
    const bounds = coverageBounds(coverage[dataset]);
    return bounds === null ? [] : [{ dataset, ...bounds }];
  });
}

function latestOf(months: readonly string[]): string {
  return [...months].sort().at(-1)!;
}

/** Whether [from, to] overlaps the months from the earliest first to the latest last month of `spans`. */
function withinSpans(spans: readonly Span[], from: string, to: string): boolean {
  return spans.some((span) => monthIndex(span.first) <= monthIndex(to)) && spans.some((span) => monthIndex(span.last) >= monthIndex(from));
}

function problemOf(label: string, coverage: CoverageByDataset, period: string, fallback: string): string | null {
  const monthly = spansOf(coverage, MONTHLY_FLOW_DATASETS);
  const annual = spansOf(coverage, ANNUAL_FIGURE_DATASETS);
  const year = latestCompleteYear(period);
  const reportable = monthly.length > 0 ? withinSpans(monthly, period, period) : withinSpans(annual, firstMonthOfYear(year), lastMonthOfYear(year));
  if (reportable) return null;
  const spans = monthly.length > 0 ? monthly : annual;
  const list = (pick: (span: Span) => string) => spans.map((span) => `${span.dataset} ${pick(span)}`).join(', ');
  const advice = `the latest month that can be reported is ${fallback}: report it with --period ${fallback}, or ingest the sources for ${period} first`;
  if (spans.length === 0) return `no report for ${period}: no source covers any month for ${label}; ${advice}`;
  if (spans.every((span) => monthIndex(span.first) > monthIndex(period))) {
    return `no report for ${period}: it is before the data of ${label}: every source starts after it (${list((span) => `starts ${span.first}`)}); ${advice}`;
  }
  const what = monthly.length > 0 ? 'every monthly source ends before it' : `the annual accounts do not cover its latest complete year ${year}`;
  return `no report for ${period}: it is after the data of ${label}: ${what} (${list((span) => `ends ${span.last}`)}); ${advice}`;
}
