/**
 * report.json's `self_evaluation`: the performance self-evaluation grid of the report's year to
 * date, from the figures the report already carries (so the grid agrees with the report) and the
 * city's targets and weights. Pure and exact; the rules are in docs/self-evaluation.md.
 */
import { centsToYuan, microToNumber, numberToMicro } from './exact-decimal.ts';
import { INDICATORS, type IndicatorId, type Target } from './indicators.ts';
import { known, missing, type Figure, type NullReason } from './null-reasons.ts';
import { firstMonthOfYear, lastMonthOfYear, latestCompleteYear, monthNumberOf, monthsInRange, parsePeriod, yearOf } from './period.ts';
import type { Report } from './report-schema.ts';
import {
  completionRateMicro,
  flowTargetToDate,
  growthAnnualTarget,
  isBehindTarget,
  numberToHundredths,
  proRatedCumulativeTarget,
  roundedHundredths,
  scoreHundredths,
  type ExactAmount,
} from './self-evaluation-arithmetic.ts';
import { DEFAULT_SELF_EVALUATION_WEIGHTS, isCityFilledRow, SELF_EVALUATION_ROWS, type SelfEvaluationRowDefinition, type SelfEvaluationRowKey } from './self-evaluation-rows.ts';
import type { SelfEvaluationFlag, SelfEvaluationRow, SelfEvaluationSection } from './self-evaluation-schema.ts';

/** The parts of a configured city the grid depends on. */
export interface SelfEvaluationCity {
  readonly baseYear: number;
  readonly programmeStartYear: number;
  readonly targets: Readonly<Record<IndicatorId, Target>>;
  /** null: DEFAULT_SELF_EVALUATION_WEIGHTS. */
  readonly weights: Readonly<Record<SelfEvaluationRowKey, number>> | null;
}

export interface SelfEvaluationInput {
  readonly period: string;
  readonly indicators: Report['indicators'];
  /** The patent-intensive section's year (its latest complete year with accounts), or null. */
  readonly patentIntensiveYear: number | null;
  readonly city: SelfEvaluationCity;
}

type Figures = Report['indicators'][IndicatorId];

/** What one row compares: the target to date, the actual value, and what they refer to. */
interface RowComparison {
  readonly year: number;
  readonly toDateShare: { readonly months: number; readonly of: 12 | 36 };
  readonly annualTarget: Figure<ExactAmount>;
  readonly targetToDate: Figure<ExactAmount>;
  readonly actual: Figure<bigint>;
}

export function selfEvaluationSection(input: SelfEvaluationInput): SelfEvaluationSection {
  const period = parsePeriod(input.period);
  const weights = input.city.weights ?? DEFAULT_SELF_EVALUATION_WEIGHTS;
  const rows = SELF_EVALUATION_ROWS.map((definition) => {
    const pointsHundredths = numberToHundredths(weights[definition.key]);
    return isCityFilledRow(definition.key)
      ? cityFilledRow(definition, yearOf(period), pointsHundredths)
      : indicatorRow(definition, compare(definition.key as IndicatorId, input, period), pointsHundredths);
  });
  const sum = (select: (row: SelfEvaluationRow) => boolean, value: (row: SelfEvaluationRow) => number) =>
    centsToYuan(rows.filter(select).reduce((total, row) => total + numberToHundredths(value(row)), 0n));
  return {
    year: yearOf(period),
    period,
    weights_source: input.city.weights === null ? 'default' : 'configured',
    rows,
    total_points: sum(() => true, (row) => row.points),
    score_total: sum((row) => row.score !== null, (row) => row.score ?? 0),
    points_scored: sum((row) => row.score !== null, (row) => row.points),
    points_to_fill: sum((row) => row.flag === 'filled_by_city', (row) => row.points),
    points_not_scored: sum((row) => row.score === null && row.flag !== 'filled_by_city', (row) => row.points),
  };
}

/** The target to date and the actual value of an indicator, by its kind and cadence. */
function compare(id: IndicatorId, input: SelfEvaluationInput, period: string): RowComparison {
  const indicator = INDICATORS[id];
  const figures = input.indicators[id];
  const { city } = input;
  const target = city.targets[id];
  const year = yearOf(period);
  if (indicator.kind === 'cumulative') {
    // The level due by December of the year and by the report month, on the status logic's straight line.
    const levelMicro = numberToMicro(target.value);
    const start = firstMonthOfYear(city.programmeStartYear);
    const elapsedByDecember = monthsInRange(start, lastMonthOfYear(year));
    const elapsed = monthsInRange(start, period);
    return {
      year,
      toDateShare: { months: Math.min(elapsed, 36), of: 36 },
      annualTarget: elapsedByDecember === 0 ? missing('before_programme_start') : known(proRatedCumulativeTarget(levelMicro, elapsedByDecember)),
      targetToDate: elapsed === 0 ? missing('before_programme_start') : known(proRatedCumulativeTarget(levelMicro, elapsed)),
      actual: amountOf(figures.cumulative, figures.null_reasons.cumulative),
    };
  }
  const growthMicro = numberToMicro(target.value);
  const base = annualOf(figures, city.baseYear);
  if (indicator.cadence === 'annual') {
    // A whole year from accounts: the latest complete year is compared with that year's whole target.
    const actualYear = input.patentIntensiveYear ?? latestCompleteYear(period);
    const annualTarget = actualYear <= city.baseYear ? missing<ExactAmount>('no_complete_year') : growthAnnualTarget(base, growthMicro, actualYear - city.baseYear);
    return { year: actualYear, toDateShare: { months: 12, of: 12 }, annualTarget, targetToDate: annualTarget, actual: annualOf(figures, actualYear) };
  }
  const months = monthNumberOf(period);
  const annualTarget = year <= city.baseYear ? missing<ExactAmount>('before_programme_start') : growthAnnualTarget(base, growthMicro, year - city.baseYear);
  return {
    year,
    toDateShare: { months, of: 12 },
    annualTarget,
    targetToDate: annualTarget.ok ? known(flowTargetToDate(annualTarget.value, months)) : annualTarget,
    actual: amountOf(figures.ytd, figures.null_reasons.ytd),
  };
}

function indicatorRow(definition: SelfEvaluationRowDefinition, comparison: RowComparison, pointsHundredths: bigint): SelfEvaluationRow {
  const { annualTarget, targetToDate, actual } = comparison;
  const rate: Figure<bigint> = !actual.ok ? missing(actual.reason) : !targetToDate.ok ? missing(targetToDate.reason) : completionRateMicro(actual.value, targetToDate.value);
  const score: Figure<bigint> = rate.ok ? known(scoreHundredths(pointsHundredths, rate.value)) : missing(rate.reason);
  const behind = actual.ok && targetToDate.ok && targetToDate.value.numerator !== 0n && isBehindTarget(actual.value, targetToDate.value);
  const flag: SelfEvaluationFlag | null = behind ? 'behind_target' : !rate.ok && rate.reason !== 'zero_target' ? 'data_missing' : null;
  const indicator = definition.key as IndicatorId;
  return withReasons({
    key: definition.key,
    level1: definition.level1,
    level2: definition.level2,
    indicator,
    unit: INDICATORS[indicator].unit,
    year: comparison.year,
    to_date_share: comparison.toDateShare,
    annual_target: publish(annualTarget, (amount) => roundedHundredths(amount)),
    target_to_date: publish(targetToDate, (amount) => roundedHundredths(amount)),
    actual: publish(actual, (hundredths) => hundredths),
    completion_rate: rate.ok ? known(microToNumber(rate.value)) : missing(rate.reason),
    points: centsToYuan(pointsHundredths),
    score: publish(score, (hundredths) => hundredths),
    flag,
  });
}

function cityFilledRow(definition: SelfEvaluationRowDefinition, year: number, pointsHundredths: bigint): SelfEvaluationRow {
  const byCity = missing<number>('filled_by_city');
  return withReasons({
    key: definition.key,
    level1: definition.level1,
    level2: definition.level2,
    indicator: null,
    unit: 'ratio',
    year,
    to_date_share: null,
    annual_target: byCity,
    target_to_date: byCity,
    actual: byCity,
    completion_rate: byCity,
    points: centsToYuan(pointsHundredths),
    score: byCity,
    flag: 'filled_by_city',
  });
}

type Nullable = 'annual_target' | 'target_to_date' | 'actual' | 'completion_rate' | 'score';
type RowDraft = Omit<SelfEvaluationRow, Nullable | 'null_reasons'> & { readonly [K in Nullable]: Figure<number> };

/** Figures → report.json numbers, with a reason beside every null. */
function withReasons(draft: RowDraft): SelfEvaluationRow {
  const reasons: Partial<Record<Nullable, NullReason>> = {};
  const value = (field: Nullable): number | null => {
    const figure = draft[field];
    if (figure.ok) return figure.value;
    reasons[field] = figure.reason;
    return null;
  };
  return {
    ...draft,
    annual_target: value('annual_target'),
    target_to_date: value('target_to_date'),
    actual: value('actual'),
    completion_rate: value('completion_rate'),
    score: value('score'),
    null_reasons: reasons,
  };
}

/** Hundredths → a published number with at most 2 decimals. */
function publish<T>(figure: Figure<T>, toHundredths: (value: T) => bigint): Figure<number> {
  return figure.ok ? known(centsToYuan(toHundredths(figure.value))) : missing(figure.reason);
}

/** A published figure of the report back to exact hundredths, or its reason. */
function amountOf(value: number | null, reason: NullReason | undefined): Figure<bigint> {
  return value === null ? missing(reason ?? 'no_data') : known(numberToHundredths(value));
}

function annualOf(figures: Figures, year: number): Figure<bigint> {
  const key = String(year);
  if (!(key in figures.annual)) return missing('no_data');
  return amountOf(figures.annual[key] ?? null, figures.null_reasons.annual?.[key]);
}
