/**
 * The arithmetic of the self-evaluation grid (docs/self-evaluation.md "Arithmetic"), exact:
 * amounts in hundredths (fen for money, hundredths of a unit for counts), ratios in millionths,
 * targets kept as exact fractions of hundredths until the one rounding that publishes them.
 */
import { divideRounded, MICRO, numberToMicro } from './exact-decimal.ts';
import { PROGRAMME_MONTHS } from './indicator-status.ts';
import { known, missing, type Figure } from './null-reasons.ts';

const MICRO_PER_HUNDREDTH = 10_000n;
const MONTHS_PER_YEAR = 12n;

/** An exact amount in hundredths: numerator ÷ denominator (denominator > 0). */
export interface ExactAmount {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** A published number of the report (at most 2 decimals) → hundredths. */
export function numberToHundredths(value: number): bigint {
  return divideRounded(numberToMicro(value), MICRO_PER_HUNDREDTH);
}

/** The amount rounded half away from zero to hundredths: the figure report.json publishes. */
export function roundedHundredths(amount: ExactAmount): bigint {
  return divideRounded(amount.numerator, amount.denominator);
}

/**
 * 年度指标值 of a growth target: base-year value × (1 + g)^(year − base year), exact. A null,
 * zero or negative base keeps its reason (no target can grow from it); `years` < 1 means the year
 * is not after the base year.
 */
export function growthAnnualTarget(base: Figure<bigint>, growthMicro: bigint, years: number): Figure<ExactAmount> {
  if (!base.ok) return missing(base.reason);
  if (base.value < 0n) return missing('negative_value');
  const n = BigInt(years);
  return known({ numerator: base.value * (MICRO + growthMicro) ** n, denominator: MICRO ** n });
}

/** 序时目标 of a monthly flow indicator: the annual target × months ÷ 12. */
export function flowTargetToDate(annual: ExactAmount, monthsOfYear: number): ExactAmount {
  return { numerator: annual.numerator * BigInt(monthsOfYear), denominator: annual.denominator * MONTHS_PER_YEAR };
}

/**
 * A cumulative target pro-rated as the status logic does (indicator-status.ts): the level ×
 * min(months since the programme start ÷ 36, 1), the level in millionths as configured.
 */
export function proRatedCumulativeTarget(levelMicro: bigint, monthsElapsed: number): ExactAmount {
  const months = BigInt(Math.min(Math.max(monthsElapsed, 0), PROGRAMME_MONTHS));
  return { numerator: levelMicro * months, denominator: BigInt(PROGRAMME_MONTHS) * MICRO_PER_HUNDREDTH };
}

/** 完成率 = actual ÷ target in millionths, rounded once on the exact quotient; a zero target has none. */
export function completionRateMicro(actualHundredths: bigint, target: ExactAmount): Figure<bigint> {
  if (target.numerator === 0n) return missing('zero_target');
  return known(divideRounded(actualHundredths * target.denominator * MICRO, target.numerator));
}

/** Behind the target to date, compared exactly (as the status logic compares). */
export function isBehindTarget(actualHundredths: bigint, target: ExactAmount): boolean {
  return actualHundredths * target.denominator < target.numerator;
}

/**
 * 得分 = 分值 × min(完成率, 1), the published (6-decimal) rate, rounded to hundredths: full
 * points at or above the target, proportional below it, never below 0 (a negative actual).
 */
export function scoreHundredths(pointsHundredths: bigint, rateMicro: bigint): bigint {
  const capped = rateMicro > MICRO ? MICRO : rateMicro < 0n ? 0n : rateMicro;
  return divideRounded(pointsHundredths * capped, MICRO);
}
