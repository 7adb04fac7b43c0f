import { describe, expect, it } from 'vitest';
import {
  centsToYuan,
  divideRounded,
  formatCents,
  integerNthRoot,
  nthRootOfRatioMicro,
  parseCents,
  ratioMicro,
} from '../../../etl/reports/exact-decimal.ts';

describe('parseCents / formatCents', () => {
  it.each([
    ['1234.50', 123450n],
    ['1234.5', 123450n],
    ['7', 700n],
    ['-0.05', -5n],
    ['0.00', 0n],
  ])('%s → %s', (text, cents) => {
    expect(parseCents(text, 'x')).toBe(cents);
  });
  it('rejects text that is not a 2-decimal number', () => {
    expect(() => parseCents('1,234.50', 'pledges 2024-01')).toThrow('pledges 2024-01: "1,234.50" is not a decimal with at most 2 decimals');
    expect(() => parseCents('1e3', 'x')).toThrow('"1e3" is not a decimal');
  });
  it('formats back', () => {
    expect(formatCents(-5n)).toBe('-0.05');
    expect(formatCents(123450n)).toBe('1234.50');
    expect(centsToYuan(123450n)).toBe(1234.5);
  });
});

describe('ratios and roots', () => {
  it('rounds half away from zero', () => {
    expect(divideRounded(5n, 2n)).toBe(3n);
    expect(divideRounded(-5n, 2n)).toBe(-3n);
    expect(divideRounded(4n, 3n)).toBe(1n);
    expect(ratioMicro(2n, 3n)).toBe(666_667n);
  });
  it('integer roots are floors', () => {
    expect(integerNthRoot(143n, 2)).toBe(11n);
    expect(integerNthRoot(144n, 2)).toBe(12n);
    expect(integerNthRoot(26n, 3)).toBe(2n);
    expect(integerNthRoot(27n, 3)).toBe(3n);
    expect(integerNthRoot(10n ** 40n, 4)).toBe(10n ** 10n);
  });
  it('roots of ratios in millionths', () => {
    expect(nthRootOfRatioMicro(144n, 100n, 2)).toBe(1_200_000n);
    expect(nthRootOfRatioMicro(2n, 1n, 2)).toBe(1_414_214n); // 1.41421356…
    expect(nthRootOfRatioMicro(1331n, 1000n, 3)).toBe(1_100_000n);
    expect(nthRootOfRatioMicro(0n, 5n, 2)).toBe(0n);
  });
});
