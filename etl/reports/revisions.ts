/**
 * The report's revisions section (数据修订, docs/indicators.md "Revisions"): the figures of earlier
 * periods that changed since the city's previous report, and the deliveries that changed them.
 * Pure: the previous report and the source-file facts are read by the caller.
 *
 * - Compared with: the city's latest report for an earlier month, as it was published.
 * - Compared figures: the monthly values both reports show (their 24-month trends overlap in the
 *   months up to the previous report's month) and the annual values both list.
 * - A change is a figure that had a value and now has another value or none. A figure that was
 *   null and now has a value is a first publication (late data), not a revision.
 * - Sources: the deliveries ingested after the previous report was made (ingestion sequence
 *   above the one it recorded) of a dataset the indicator reads, whose rows — or the earlier
 *   rows they superseded — fall in the revised period.
 */
import { z } from 'zod';
import type { DatasetName } from '../schemas/dataset-spec.ts';
import { INDICATORS, INDICATOR_IDS, type IndicatorId } from './indicators.ts';
import type { MonthlyTrend } from './monthly-trend.ts';
import type { NullReason } from './null-reasons.ts';
import type { Report, RevisionsSection } from './report-schema.ts';

/**
 * The parts of an earlier report.json the comparison reads, parsed leniently: a report published
 * by an earlier version of ipstats may lack later extensions (then every delivery counts as new).
 */
export const PublishedReportSchema = z.object({
  period: z.string(),
  generated_at: z.string(),
  indicators: z.record(z.string(), z.object({ annual: z.record(z.string(), z.number().nullable()) }).loose()),
  monthly_trend: z.object({ months: z.array(z.string()), values: z.record(z.string(), z.array(z.number().nullable())) }).loose(),
  data_quality: z
    .object({ lake: z.object({ by_dataset: z.record(z.string(), z.object({ last_ingest_seq: z.number() }).loose()) }).loose().optional() })
    .loose(),
});
export type PublishedReport = z.infer<typeof PublishedReportSchema>;

/** One ingested source file, as its manifest describes it. */
export interface RevisionSourceFacts {
  readonly dataset: DatasetName;
  readonly file: string;
  readonly sha256: string;
  readonly ingestSeq: number;
  readonly ingestedAt: string;
  /** Periods of its own rows: 'YYYY-MM' (monthly datasets), 'YYYY' (annual), or '*' (no period: it touches every period). */
  readonly periods: readonly string[];
  /** Rows of earlier files it superseded, by their period ('YYYY-MM' or 'YYYY'). */
  readonly supersededByPeriod: Readonly<Record<string, number>>;
}

export interface RevisionsInput {
  readonly current: Pick<Report, 'indicators' | 'monthly_trend'>;
  readonly previous: PublishedReport | null;
  readonly sources: readonly RevisionSourceFacts[];
}

type Change = RevisionsSection['changes'][number];

export function revisionsSection({ current, previous, sources }: RevisionsInput): RevisionsSection {
  if (previous === null) return { compared_with: null, changes: [] };
  const newSources = sources.filter((source) => source.ingestSeq > lastIngestSeqOf(previous, source.dataset));
  const changes: Change[] = [];
  for (const id of INDICATOR_IDS) {
    const unit = INDICATORS[id].unit;
    for (const { period, figure, old, now, reason } of changedMonths(id, previous, current.monthly_trend).concat(changedYears(id, previous, current))) {
      changes.push({ indicator: id, period, figure, unit, old, new: now, ...(reason === undefined ? {} : { null_reason: reason }), sources: sourcesOf(id, period, newSources) });
    }
  }
  return { compared_with: { period: previous.period, generated_at: previous.generated_at }, changes };
}

interface ChangedFigure {
  readonly period: string;
  readonly figure: 'month' | 'annual';
  /** Only figures that had a value can be revised. */
  readonly old: number;
  readonly now: number | null;
  /** Why the new value is null. */
  readonly reason?: NullReason;
}

function changedMonths(id: IndicatorId, previous: PublishedReport, trend: MonthlyTrend): ChangedFigure[] {
  const oldValues = previous.monthly_trend.values[id];
  if (oldValues === undefined) return [];
  const changes: ChangedFigure[] = [];
  previous.monthly_trend.months.forEach((month, index) => {
    const old = oldValues[index] ?? null;
    const at = trend.months.indexOf(month);
    if (old === null || at < 0 || month > previous.period) return;
    const now = trend.values[id][at] ?? null;
    if (now !== old) changes.push({ period: month, figure: 'month', old, now, ...(now === null ? { reason: trend.null_reasons[id][at] ?? undefined } : {}) });
  });
  return changes;
}

function changedYears(id: IndicatorId, previous: PublishedReport, current: Pick<Report, 'indicators'>): ChangedFigure[] {
  const oldAnnual = previous.indicators[id]?.annual ?? {};
  const nowAnnual: Readonly<Record<string, number | null>> = current.indicators[id].annual;
  const nowReasons: Readonly<Record<string, NullReason>> = current.indicators[id].null_reasons.annual ?? {};
  return Object.keys(oldAnnual)
    .sort()
    .flatMap((year) => {
      const old = oldAnnual[year] ?? null;
      if (old === null || !(year in nowAnnual)) return [];
      const now = nowAnnual[year] ?? null;
      return now === old ? [] : [{ period: year, figure: 'annual' as const, old, now, ...(now === null ? { reason: nowReasons[year] } : {}) }];
    });
}

/** The deliveries that can explain a change of `id` in `period` ('YYYY-MM' or 'YYYY'). */
function sourcesOf(id: IndicatorId, period: string, sources: readonly RevisionSourceFacts[]): Change['sources'] {
  const datasets = INDICATORS[id].sourceDatasets;
  return sources
    .filter((source) => datasets.includes(source.dataset))
    .flatMap((source) => {
      const touchesOwn = source.periods.some((own) => overlaps(own, period));
      const superseded = Object.entries(source.supersededByPeriod)
        .filter(([own]) => overlaps(own, period))
        .reduce((total, [, rows]) => total + rows, 0);
      if (!touchesOwn && superseded === 0) return [];
      return [{ dataset: source.dataset, file: source.file, sha256: source.sha256, ingest_seq: source.ingestSeq, ingested_at: source.ingestedAt, superseded_rows: superseded }];
    })
    .sort((a, b) => a.ingest_seq - b.ingest_seq || (a.dataset < b.dataset ? -1 : a.dataset > b.dataset ? 1 : 0));
}

/** Whether a file's period ('YYYY-MM', 'YYYY' or '*') and a revised period ('YYYY-MM' or 'YYYY') share a month. */
function overlaps(filePeriod: string, revised: string): boolean {
  if (filePeriod === '*') return true;
  return filePeriod.startsWith(revised) || revised.startsWith(filePeriod);
}

function lastIngestSeqOf(previous: PublishedReport, dataset: DatasetName): number {
  return previous.data_quality.lake?.by_dataset[dataset]?.last_ingest_seq ?? 0;
}
