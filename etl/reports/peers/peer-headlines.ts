/**
 * The figure each indicator is ranked by — its headline figure — taken from a city's report
 * (docs/indicators.md "Rank among the configured cities"):
 *
 * - monthly flow indicators: `ytd` (the year to date);
 * - cumulative indicators: `cumulative` (since 1 January of the programme start year);
 * - the annual-cadence indicator (patent-intensive value added): `annual.<Y>`, Y the latest
 *   complete year of the report month — the same year for every city of the month, so the
 *   cities are compared on one year.
 *
 * A headline is small (one number or a null reason per indicator), so the AWS run can pass every
 * city's headlines to every city's report in the state's input.
 */
import { INDICATORS, INDICATOR_IDS, type IndicatorId } from '../indicators.ts';
import type { NullReason } from '../null-reasons.ts';
import { latestCompleteYear } from '../period.ts';

/** The part of a report the headline figures come from. */
export interface HeadlineSource {
  readonly city: { readonly code: string };
  readonly period: string;
  readonly indicators: Readonly<
    Record<
      IndicatorId,
      {
        readonly ytd: number | null;
        readonly cumulative: number | null;
        readonly annual: Readonly<Record<string, number | null>>;
        readonly null_reasons: {
          readonly ytd?: NullReason;
          readonly cumulative?: NullReason;
          readonly annual?: Readonly<Record<string, NullReason>>;
        };
      }
    >
  >;
}

/** One indicator's headline: a value, or the null reason of the figure. */
export type HeadlineFigure = { readonly value: number; readonly null_reason?: undefined } | { readonly value: null; readonly null_reason: NullReason };

/** A city's headline figures for the month, one per indicator. */
export interface PeerHeadlines {
  readonly city: string;
  readonly figures: Readonly<Record<IndicatorId, HeadlineFigure>>;
}

/** The field of report.json an indicator is ranked by, for a report month: 'ytd', 'cumulative' or 'annual.YYYY'. */
export function rankValueField(id: IndicatorId, period: string): string {
  const indicator = INDICATORS[id];
  if (indicator.cadence === 'annual') return `annual.${latestCompleteYear(period)}`;
  return indicator.kind === 'cumulative' ? 'cumulative' : 'ytd';
}

export function headlinesOf(report: HeadlineSource): PeerHeadlines {
  const figures = Object.fromEntries(INDICATOR_IDS.map((id) => [id, headlineOf(report, id)])) as Record<IndicatorId, HeadlineFigure>;
  return { city: report.city.code, figures };
}

function headlineOf(report: HeadlineSource, id: IndicatorId): HeadlineFigure {
  const figures = report.indicators[id];
  const field = rankValueField(id, report.period);
  if (field === 'ytd' || field === 'cumulative') {
    const value = figures[field];
    return value === null ? { value: null, null_reason: reasonOf(figures.null_reasons[field], report, id, field) } : { value };
  }
  const year = field.slice('annual.'.length);
  // A base year after the latest complete year leaves the year out of `annual`: no complete year yet.
  if (!(year in figures.annual)) return { value: null, null_reason: 'no_complete_year' };
  const value = figures.annual[year] ?? null;
  return value === null ? { value: null, null_reason: reasonOf(figures.null_reasons.annual?.[year], report, id, field) } : { value };
}

/** report.json gives every null a reason (report-schema.ts); a report read without one is refused here, not ranked silently. */
function reasonOf(reason: NullReason | undefined, report: HeadlineSource, id: IndicatorId, field: string): NullReason {
  if (reason === undefined) throw new Error(`the report of city ${report.city.code} for ${report.period} has ${id}.${field} null without a null reason`);
  return reason;
}
