/**
 * Why a figure of a report is null: one code from a small fixed vocabulary (docs/indicators.md
 * "Why a figure is null"). Every null figure of report.json carries one; report-schema.ts
 * refuses a report where a null has no reason or a reason has no null.
 */
import { z } from 'zod';

export const NULL_REASONS = [
  /** A month of the window lies outside the data's coverage: before it starts, or in a gap. */
  'not_covered',
  /** The window reaches past the last month the source has delivered. */
  'not_yet_reported',
  /** A dataset the figure needs has no data at all: nothing ingested and nothing declared. */
  'no_data',
  /** Cumulative indicators count only from 1 January of the programme start year. */
  'before_programme_start',
  /** Growth from 0 (the earlier value is 0): no ratio exists. */
  'zero_base',
  /** Growth from or to a negative value (a loss) is not defined. */
  'negative_value',
  /** The CAGR needs a complete year after the base year. */
  'no_complete_year',
  /** The figure does not exist for this kind of indicator (e.g. `cumulative` of a flow indicator). */
  'not_applicable',
  /** Patent-intensive figures: no classification of patent-intensive industries is loaded. */
  'no_classification',
  /** Self-evaluation grid: the target to date is 0, so no completion rate exists (docs/self-evaluation.md). */
  'zero_target',
  /** Self-evaluation grid: no lake data holds the figure; the city fills it in (budget execution, satisfaction). */
  'filled_by_city',
  /** An optional column the figure needs is blank (unknown) for some of the rows it counts: `missing_columns` names it. */
  'unknown_values',
  /** No resident population (常住人口) for the report year or an earlier year. */
  'no_population',
] as const;
export type NullReason = (typeof NULL_REASONS)[number];

export const NullReasonSchema = z.enum(NULL_REASONS).meta({ id: 'null_reason', description: 'Why a figure is null (docs/indicators.md "Why a figure is null").' });

/** A figure, or the reason it has none. */
export type Figure<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: NullReason };

export const known = <T>(value: T): Figure<T> => ({ ok: true, value });
export const missing = <T>(reason: NullReason): Figure<T> => ({ ok: false, reason });

/** Applies `f` to a known figure; a missing one keeps its reason. */
export function mapFigure<T, U>(figure: Figure<T>, f: (value: T) => U): Figure<U> {
  return figure.ok ? known(f(figure.value)) : missing(figure.reason);
}

/** The value, or null. */
export function valueOf<T>(figure: Figure<T>): T | null {
  return figure.ok ? figure.value : null;
}
