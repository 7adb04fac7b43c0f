/**
 * The month a report is for, and whether it can be reported at all (docs/operations.md "When a
 * report is refused"). A report is never written blank: an empty lake, or a month that no
 * monthly source covers (after the data, or before it), is refused with what is missing and the
 * latest month that can be reported.
 */
import { defaultPeriod } from './default-period.ts';
import { coverageBounds, type CoverageByDataset } from './coverage.ts';
import { MONTHLY_FLOW_DATASETS } from './coverage-resolution.ts';
import { monthIndex } from './period.ts';

/** No report can be written for the month asked (or none can be chosen). */
export class ReportPeriodError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportPeriodError';
  }
}

/**
 * The report month: `requested`, or by default the latest month every flow source covers.
 * Throws ReportPeriodError when no monthly source covers anything, or when every monthly
 * source's coverage ends before the month (or starts after it), for the lake or for one of
 * `cities` (their own coverage, which the city configuration may narrow).
 */
export function chooseReportPeriod(
  lakeCoverage: CoverageByDataset,
  requested: string | undefined,
  cities: readonly { readonly label: string; readonly coverage: CoverageByDataset }[] = [],
): string {
  const spans = spansOf(lakeCoverage);
  if (spans.length === 0) {
    throw new ReportPeriodError(
      `the lake holds no monthly data (none of ${MONTHLY_FLOW_DATASETS.join(', ')} has rows or a declared coverage), so there is no month to report: ingest the sources first`,
    );
  }
  const fallback = defaultPeriod(lakeCoverage) ?? latest(spans);
  const period = requested ?? fallback;
  const problem = [{ label: 'the lake', coverage: lakeCoverage }, ...cities].map(({ label, coverage }) => problemOf(label, coverage, period, fallback)).find((text) => text !== null);
  if (problem !== undefined && problem !== null) throw new ReportPeriodError(problem);
  return period;
}

interface Span {
  readonly dataset: string;
  readonly first: string;
  readonly last: string;
}

function spansOf(coverage: CoverageByDataset): Span[] {
  return MONTHLY_FLOW_DATASETS.flatMap((dataset) => {
    const bounds = coverageBounds(coverage[dataset]);
    return bounds === null ? [] : [{ dataset, ...bounds }];
  });
}

function latest(spans: readonly Span[]): string {
  return spans.map((span) => span.last).sort().at(-1)!;
}

function problemOf(label: string, coverage: CoverageByDataset, period: string, fallback: string): string | null {
  const spans = spansOf(coverage);
  const list = (pick: (span: Span) => string) => spans.map((span) => `${span.dataset} ${pick(span)}`).join(', ');
  const advice = `the latest month every flow source covers is ${fallback}: report it with --period ${fallback}, or ingest the sources for ${period} first`;
  if (spans.length === 0) return `no report for ${period}: no monthly source covers any month for ${label}; ${advice}`;
  if (spans.every((span) => monthIndex(span.last) < monthIndex(period))) {
    return `no report for ${period}: it is after the data of ${label}: every monthly source ends before it (${list((span) => `ends ${span.last}`)}); ${advice}`;
  }
  if (spans.every((span) => monthIndex(span.first) > monthIndex(period))) {
    return `no report for ${period}: it is before the data of ${label}: every monthly source starts after it (${list((span) => `starts ${span.first}`)}); ${advice}`;
  }
  return null;
}
