/**
 * The figures of one indicator for one city and report month, exactly as report.json carries
 * them (docs/report-contract.md), each null figure with the reason it is null. Pure: no I/O. The
 * rules are written out for analysts in docs/indicators.md; each rule below names the figure it
 * produces.
 */
import { coverageGap, jointCoverage, type CoverageByDataset, type DatasetCoverage } from './coverage.ts';
import { cagrMicro, centsToCount, centsToYuan, growthMicro, microToNumber, numberToMicro } from './exact-decimal.ts';
import type { IndicatorDefinition, IndicatorId, IndicatorUnit, Target } from './indicators.ts';
import { MonthlySeries, type MonthlyValue } from './monthly-series.ts';
import { known, missing, valueOf, type Figure, type NullReason } from './null-reasons.ts';
import {
  addMonths,
  firstMonthOfYear,
  lastMonthOfYear,
  latestCompleteYear,
  monthIndex,
  monthsInRange,
  parsePeriod,
  yearOf,
} from './period.ts';
import { statusOfCumulative, statusOfGrowth, type IndicatorStatus } from './indicator-status.ts';

/** The parts of a configured city the figures depend on. */
export interface CityProgramme {
  readonly code: string;
  readonly programmeStartYear: number;
  readonly baseYear: number;
  readonly targets: Readonly<Record<IndicatorId, Target>>;
}

export interface IndicatorFiguresInput {
  readonly indicator: IndicatorDefinition;
  readonly series: readonly MonthlyValue[];
  /** The city's coverage of every dataset (coverage-resolution.ts). */
  readonly coverage: CoverageByDataset;
  readonly city: CityProgramme;
  /** The report month, 'YYYY-MM'. */
  readonly period: string;
}

/** Why each null figure is null; only null figures have an entry (report.json `null_reasons`). */
export interface IndicatorNullReasons {
  readonly month?: NullReason;
  readonly month_yoy_growth?: NullReason;
  readonly ytd?: NullReason;
  readonly ytd_prev?: NullReason;
  readonly yoy_growth?: NullReason;
  readonly cagr_since_base?: NullReason;
  readonly cumulative?: NullReason;
  readonly annual?: Readonly<Record<string, NullReason>>;
  /** Why the status is `no_data`. */
  readonly status?: NullReason;
}

export interface IndicatorFigures {
  readonly unit: IndicatorUnit;
  readonly month: number | null;
  /** 本月同比: the month over the same month a year earlier, − 1. */
  readonly month_yoy_growth: number | null;
  readonly ytd: number | null;
  readonly ytd_prev: number | null;
  readonly yoy_growth: number | null;
  readonly annual: Readonly<Record<string, number | null>>;
  readonly cagr_since_base: number | null;
  readonly cumulative: number | null;
  readonly target: Target;
  readonly status: IndicatorStatus;
  readonly null_reasons: IndicatorNullReasons;
}

/** The exact figures before they become JSON numbers: sums in hundredths, ratios in millionths. */
export interface ExactFigures {
  readonly month: Figure<bigint>;
  readonly monthYoyGrowth: Figure<bigint>;
  readonly ytd: Figure<bigint>;
  readonly ytdPrev: Figure<bigint>;
  readonly yoyGrowth: Figure<bigint>;
  readonly annual: ReadonlyMap<number, Figure<bigint>>;
  readonly cagrSinceBase: Figure<bigint>;
  readonly cumulative: Figure<bigint>;
}

export function computeIndicatorFigures(input: IndicatorFiguresInput): IndicatorFigures {
  const { indicator, city } = input;
  const period = parsePeriod(input.period);
  const what = `city ${city.code} indicator ${indicator.id}`;
  const series = MonthlySeries.from(input.series, what);
  const window = new FigureWindow(series, jointCoverage(indicator.governingDatasets, input.coverage), countingStart(indicator, city));

  const year = yearOf(period);
  const month = window.sum(period, period);
  const sameMonthLastYear = window.sum(addMonths(period, -12), addMonths(period, -12));
  const ytd = window.sum(firstMonthOfYear(year), period);
  const ytdPrev = window.sum(firstMonthOfYear(year - 1), addMonths(period, -12));
  const lastYear = latestCompleteYear(period);
  const firstYear = indicator.kind === 'flow' ? city.baseYear : city.programmeStartYear;
  const annual = new Map<number, Figure<bigint>>();
  for (let y = firstYear; y <= lastYear; y++) annual.set(y, window.sum(firstMonthOfYear(y), lastMonthOfYear(y)));

  const exact: ExactFigures = {
    month,
    monthYoyGrowth: growthOf(month, sameMonthLastYear),
    ytd,
    ytdPrev,
    yoyGrowth: growthOf(ytd, ytdPrev),
    annual,
    cagrSinceBase: indicator.kind === 'flow' ? cagrSinceBase(annual, city.baseYear, lastYear) : missing('not_applicable'),
    cumulative: indicator.kind === 'cumulative' ? window.sum(firstMonthOfYear(city.programmeStartYear), period) : missing('not_applicable'),
  };
  const target = city.targets[indicator.id];
  const status =
    indicator.kind === 'flow'
      ? statusOfGrowth({ cagrMicro: valueOf(exact.cagrSinceBase), yoyMicro: valueOf(exact.yoyGrowth), targetMicro: numberToMicro(target.value) })
      : statusOfCumulative({
          cumulativeCents: valueOf(exact.cumulative),
          targetMicro: numberToMicro(target.value),
          monthsElapsed: monthsInRange(firstMonthOfYear(city.programmeStartYear), period),
        });
  return publishFigures(exact, { unit: indicator.unit, target, status, what, period });
}

export interface PublishOptions {
  readonly unit: IndicatorUnit;
  readonly target: Target;
  readonly status: IndicatorStatus;
  /** Names the figures in errors ("city 440300 indicator …"). */
  readonly what: string;
  /** The report month, to name the figures in errors. */
  readonly period: string;
}

/** Exact figures → report.json's numbers and null_reasons (also used for the annual patent-intensive indicator). */
export function publishFigures(exact: ExactFigures, { unit, target, status, what, period }: PublishOptions): IndicatorFigures {
  const amount = (figure: Figure<bigint>, where: string): number | null =>
    !figure.ok ? null : unit === 'cny' ? centsToYuan(figure.value) : centsToCount(figure.value, `${what} ${where}`);
  const ratio = (figure: Figure<bigint>): number | null => (figure.ok ? microToNumber(figure.value) : null);
  const reasons: Record<string, unknown> = {};
  const note = (name: string, figure: Figure<bigint>) => {
    if (!figure.ok) reasons[name] = figure.reason;
  };
  note('month', exact.month);
  note('month_yoy_growth', exact.monthYoyGrowth);
  note('ytd', exact.ytd);
  note('ytd_prev', exact.ytdPrev);
  note('yoy_growth', exact.yoyGrowth);
  note('cagr_since_base', exact.cagrSinceBase);
  note('cumulative', exact.cumulative);
  const annual: Record<string, number | null> = {};
  const annualReasons: Record<string, NullReason> = {};
  for (const [year, figure] of exact.annual) {
    annual[String(year)] = amount(figure, `annual ${year}`);
    if (!figure.ok) annualReasons[String(year)] = figure.reason;
  }
  if (Object.keys(annualReasons).length > 0) reasons['annual'] = annualReasons;
  if (status === 'no_data') reasons['status'] = statusReason(exact, target);
  return {
    unit,
    month: amount(exact.month, period),
    month_yoy_growth: ratio(exact.monthYoyGrowth),
    ytd: amount(exact.ytd, `ytd ${period}`),
    ytd_prev: amount(exact.ytdPrev, `ytd_prev ${period}`),
    yoy_growth: ratio(exact.yoyGrowth),
    annual,
    cagr_since_base: ratio(exact.cagrSinceBase),
    cumulative: amount(exact.cumulative, `cumulative ${period}`),
    target,
    status,
    null_reasons: reasons as IndicatorNullReasons,
  };
}

/**
 * Why a status cannot be evaluated. Cumulative target: why `cumulative` is null. Growth target:
 * why the CAGR is null, unless that is only because no year after the base year is complete
 * yet, in which case why the year-to-date growth is null.
 */
function statusReason(exact: ExactFigures, target: Target): NullReason {
  if (target.kind === 'cumulative') return exact.cumulative.ok ? 'not_applicable' : exact.cumulative.reason;
  if (!exact.cagrSinceBase.ok && exact.cagrSinceBase.reason !== 'no_complete_year' && exact.cagrSinceBase.reason !== 'not_applicable') return exact.cagrSinceBase.reason;
  return exact.yoyGrowth.ok ? 'not_applicable' : exact.yoyGrowth.reason;
}

/**
 * current ÷ previous − 1; a missing input keeps its reason. Growth from 0 or from a negative
 * value has no meaning; growth to a negative value (a loss after a gain) does: below −100 %.
 */
export function growthOf(current: Figure<bigint>, previous: Figure<bigint>): Figure<bigint> {
  if (!current.ok) return missing(current.reason);
  if (!previous.ok) return missing(previous.reason);
  if (previous.value === 0n) return missing('zero_base');
  if (previous.value < 0n) return missing('negative_value');
  return known(growthMicro(current.value, previous.value));
}

/** (annual[L] / annual[B])^(1/(L−B)) − 1 in millionths, or why not. */
export function cagrSinceBase(annual: ReadonlyMap<number, Figure<bigint>>, baseYear: number, lastYear: number): Figure<bigint> {
  if (lastYear <= baseYear) return missing('no_complete_year');
  const base = annual.get(baseYear) ?? missing<bigint>('not_covered');
  const last = annual.get(lastYear) ?? missing<bigint>('not_covered');
  if (!base.ok) return missing(base.reason);
  if (!last.ok) return missing(last.reason);
  if (base.value === 0n) return missing('zero_base');
  if (base.value < 0n || last.value < 0n) return missing('negative_value');
  return known(cagrMicro(last.value, base.value, lastYear - baseYear));
}

/** Cumulative indicators count only from 1 January of the programme start year. */
function countingStart(indicator: IndicatorDefinition, city: CityProgramme): string | null {
  return indicator.kind === 'cumulative' ? firstMonthOfYear(city.programmeStartYear) : null;
}

/** Sums a window of months, or says why it cannot: before counting starts, or outside coverage. */
class FigureWindow {
  constructor(
    private readonly series: MonthlySeries,
    private readonly coverage: DatasetCoverage | null,
    private readonly countingStart: string | null,
  ) {}

  sum(from: string, to: string): Figure<bigint> {
    // An empty window (the cumulative window of a period before the programme start) has no figure.
    if (monthIndex(from) > monthIndex(to)) return missing('before_programme_start');
    if (this.countingStart !== null && monthIndex(from) < monthIndex(this.countingStart)) return missing('before_programme_start');
    const gap = coverageGap(this.coverage, from, to);
    if (gap !== null) return missing(gap);
    return known(this.series.sum(from, to));
  }
}
