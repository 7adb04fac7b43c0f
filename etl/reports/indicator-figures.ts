/**
 * The figures of one indicator for one city and report month, exactly as report.json carries
 * them (REPORT-CONTRACT.md). Pure: no I/O. The rules are written out for analysts in
 * docs/indicators.md; each rule below names the figure it produces.
 */
import { covers, jointCoverage, type Coverage, type CoverageByDataset } from './coverage.ts';
import {
  MICRO,
  centsToCount,
  centsToYuan,
  microToNumber,
  nthRootOfRatioMicro,
  numberToMicro,
  ratioMicro,
} from './exact-decimal.ts';
import type { IndicatorDefinition, IndicatorId, IndicatorUnit, Target } from './indicators.ts';
import { MonthlySeries, type MonthlyValue } from './monthly-series.ts';
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
  readonly coverage: CoverageByDataset;
  readonly city: CityProgramme;
  /** The report month, 'YYYY-MM'. */
  readonly period: string;
}

export interface IndicatorFigures {
  readonly unit: IndicatorUnit;
  readonly month: number | null;
  readonly ytd: number | null;
  readonly ytd_prev: number | null;
  readonly yoy_growth: number | null;
  readonly annual: Readonly<Record<string, number | null>>;
  readonly cagr_since_base: number | null;
  readonly cumulative: number | null;
  readonly target: Target;
  readonly status: IndicatorStatus;
}

export function computeIndicatorFigures(input: IndicatorFiguresInput): IndicatorFigures {
  const { indicator, city } = input;
  const period = parsePeriod(input.period);
  const what = `city ${city.code} indicator ${indicator.id}`;
  const series = MonthlySeries.from(input.series, what);
  const window = new FigureWindow(series, jointCoverage(indicator.governingDatasets, input.coverage), countingStart(indicator, city));
  const toNumber = (cents: bigint | null, where: string): number | null =>
    cents === null ? null : indicator.unit === 'cny' ? centsToYuan(cents) : centsToCount(cents, `${what} ${where}`);

  const year = yearOf(period);
  const month = window.sum(period, period);
  const ytd = window.sum(firstMonthOfYear(year), period);
  const ytdPrev = window.sum(firstMonthOfYear(year - 1), addMonths(period, -12));
  const yoyMicro = ytd !== null && ytdPrev !== null && ytdPrev !== 0n ? ratioMicro(ytd, ytdPrev) - MICRO : null;

  const lastYear = latestCompleteYear(period);
  const firstYear = indicator.kind === 'flow' ? city.baseYear : city.programmeStartYear;
  const annualCents = new Map<number, bigint | null>();
  for (let y = firstYear; y <= lastYear; y++) annualCents.set(y, window.sum(firstMonthOfYear(y), lastMonthOfYear(y)));
  const annual: Record<string, number | null> = {};
  for (const [y, cents] of annualCents) annual[String(y)] = toNumber(cents, `annual ${y}`);

  const target = city.targets[indicator.id];
  const common = {
    unit: indicator.unit,
    month: toNumber(month, period),
    ytd: toNumber(ytd, `ytd ${period}`),
    ytd_prev: toNumber(ytdPrev, `ytd_prev ${period}`),
    yoy_growth: yoyMicro === null ? null : microToNumber(yoyMicro),
    annual,
    target,
  };
  if (indicator.kind === 'flow') {
    const cagrMicro = cagrSinceBase(annualCents, city.baseYear, lastYear);
    return {
      ...common,
      cagr_since_base: cagrMicro === null ? null : microToNumber(cagrMicro),
      cumulative: null,
      status: statusOfGrowth({ cagrMicro, yoyMicro, targetMicro: numberToMicro(target.value) }),
    };
  }

  const programmeStart = firstMonthOfYear(city.programmeStartYear);
  const cumulative = window.sum(programmeStart, period);
  return {
    ...common,
    cagr_since_base: null,
    cumulative: toNumber(cumulative, `cumulative ${period}`),
    status: statusOfCumulative({
      cumulativeCents: cumulative,
      targetMicro: numberToMicro(target.value),
      monthsElapsed: monthsInRange(programmeStart, period),
    }),
  };
}

/** Cumulative indicators count only from 1 January of the programme start year. */
function countingStart(indicator: IndicatorDefinition, city: CityProgramme): string | null {
  return indicator.kind === 'cumulative' ? firstMonthOfYear(city.programmeStartYear) : null;
}

/**
 * (annual[L] / annual[B])^(1/(L−B)) − 1 in millionths; null when L ≤ B, either year is not
 * computable, annual[B] is 0 (no base to grow from) or annual[L] is negative.
 */
function cagrSinceBase(annual: ReadonlyMap<number, bigint | null>, baseYear: number, lastYear: number): bigint | null {
  if (lastYear <= baseYear) return null;
  const base = annual.get(baseYear) ?? null;
  const last = annual.get(lastYear) ?? null;
  if (base === null || last === null || base <= 0n || last < 0n) return null;
  return nthRootOfRatioMicro(last, base, lastYear - baseYear) - MICRO;
}

/** Sums a window of months, or null when a month of it is outside coverage or before counting starts. */
class FigureWindow {
  constructor(
    private readonly series: MonthlySeries,
    private readonly coverage: Coverage | null,
    private readonly countingStart: string | null,
  ) {}

  sum(from: string, to: string): bigint | null {
    // An empty window (the cumulative window of a period before the programme start) has no figure.
    if (monthIndex(from) > monthIndex(to)) return null;
    if (this.countingStart !== null && monthIndex(from) < monthIndex(this.countingStart)) return null;
    if (!covers(this.coverage, from, to)) return null;
    return this.series.sum(from, to);
  }
}
