import { describe, expect, it } from 'vitest';
import { numberToMicro } from '../../../etl/reports/exact-decimal.ts';
import { statusOfCumulative } from '../../../etl/reports/indicator-status.ts';
import { known, missing } from '../../../etl/reports/null-reasons.ts';
import {
  completionRateMicro,
  flowTargetToDate,
  growthAnnualTarget,
  isBehindTarget,
  proRatedCumulativeTarget,
  roundedHundredths,
  scoreHundredths,
  type ExactAmount,
} from '../../../etl/reports/self-evaluation-arithmetic.ts';

function exact<T>(figure: { ok: true; value: T } | { ok: false }): T {
  if (!figure.ok) throw new Error('expected a value');
  return figure.value;
}

describe('年度指标值 of a growth target: base × (1 + g)^(year − base year)', () => {
  it('4 transfers in the base year, 20 %/yr, two years on: 4 × 1.44 = 5.76; 序时 to June 5.76 × 6 ÷ 12 = 2.88', () => {
    const annual = exact(growthAnnualTarget(known(400n), numberToMicro(0.2), 2));
    expect(roundedHundredths(annual)).toBe(576n);
    expect(roundedHundredths(flowTargetToDate(annual, 6))).toBe(288n);
  });

  it('¥1,000,000.00, 30 %/yr, three years: 2,197,000.00; 序时 to May 2,197,000 × 5 ÷ 12 = 915,416.666… → 915,416.67', () => {
    const annual = exact(growthAnnualTarget(known(100_000_000n), numberToMicro(0.3), 3));
    expect(roundedHundredths(annual)).toBe(219_700_000n);
    expect(roundedHundredths(flowTargetToDate(annual, 5))).toBe(91_541_667n);
  });

  it('rounds once on the exact value: 7 × 1.2 = 8.4; 序时 to July 8.4 × 7 ÷ 12 = 4.9', () => {
    const annual = exact(growthAnnualTarget(known(700n), numberToMicro(0.2), 1));
    expect(roundedHundredths(annual)).toBe(840n);
    expect(roundedHundredths(flowTargetToDate(annual, 7))).toBe(490n);
  });

  it('a growth target of 0 ("any growth") gives the base-year value itself', () => {
    expect(roundedHundredths(exact(growthAnnualTarget(known(15_025n), 0n, 2)))).toBe(15_025n);
  });

  it('a null base keeps its reason; a negative base has no target; a zero base gives a zero target', () => {
    expect(growthAnnualTarget(missing('not_covered'), numberToMicro(0.2), 2)).toEqual(missing('not_covered'));
    expect(growthAnnualTarget(known(-100n), numberToMicro(0.2), 2)).toEqual(missing('negative_value'));
    expect(roundedHundredths(exact(growthAnnualTarget(known(0n), numberToMicro(0.2), 2)))).toBe(0n);
  });
});

describe('cumulative targets pro-rated as the status logic does: level × min(months ÷ 36, 1)', () => {
  it('100 after 18 months is 50; after 24 months 66.666… → 66.67; after 40 months the whole 100', () => {
    expect(roundedHundredths(proRatedCumulativeTarget(numberToMicro(100), 18))).toBe(5_000n);
    expect(roundedHundredths(proRatedCumulativeTarget(numberToMicro(100), 24))).toBe(6_667n);
    expect(roundedHundredths(proRatedCumulativeTarget(numberToMicro(100), 40))).toBe(10_000n);
  });

  it('behind is decided exactly, as statusOfCumulative decides it: 19.44 is behind 100 × 7 ÷ 36 = 19.444…, 19.45 is not', () => {
    const target = proRatedCumulativeTarget(numberToMicro(100), 7);
    expect(roundedHundredths(target)).toBe(1_944n);
    expect(isBehindTarget(1_944n, target)).toBe(true);
    expect(statusOfCumulative({ cumulativeCents: 1_944n, targetMicro: numberToMicro(100), monthsElapsed: 7 })).toBe('behind');
    expect(isBehindTarget(1_945n, target)).toBe(false);
    expect(statusOfCumulative({ cumulativeCents: 1_945n, targetMicro: numberToMicro(100), monthsElapsed: 7 })).toBe('on_track');
  });
});

describe('完成率 and 得分', () => {
  const transfersToJune: ExactAmount = flowTargetToDate(exact(growthAnnualTarget(known(400n), numberToMicro(0.2), 2)), 6);

  it('completion rate = actual ÷ target to date, 6 decimals on the exact quotient: 1,237 ÷ 2.88 = 429.513888… → 429.513889', () => {
    expect(completionRateMicro(123_700n, transfersToJune)).toEqual(known(429_513_889n));
    // 2 ÷ 3 (target 100 × 24 ÷ 36 = 66.666…, actual 44.44…): 30 ÷ 66.666… = 0.45 exactly.
    expect(completionRateMicro(3_000n, proRatedCumulativeTarget(numberToMicro(100), 24))).toEqual(known(450_000n));
  });

  it('a zero target has no completion rate (no division by zero)', () => {
    expect(completionRateMicro(123_700n, { numerator: 0n, denominator: 1n })).toEqual(missing('zero_target'));
  });

  it('score = points × min(rate, 1), rounded to 2 decimals, never below 0', () => {
    expect(scoreHundredths(625n, 429_513_889n)).toBe(625n); // capped: full 6.25 points
    expect(scoreHundredths(625n, 1_000_000n)).toBe(625n);
    expect(scoreHundredths(625n, 500_000n)).toBe(313n); // 3.125 → 3.13, half away from zero
    expect(scoreHundredths(750n, 333_333n)).toBe(250n); // 2.4999975 → 2.50
    expect(scoreHundredths(750n, 450_000n)).toBe(338n); // 3.375 → 3.38
    expect(scoreHundredths(750n, 0n)).toBe(0n);
    expect(scoreHundredths(750n, -250_000n)).toBe(0n);
  });
});
