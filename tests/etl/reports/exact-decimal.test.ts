import { describe, expect, it } from 'vitest';
import {
  cagrMicro,
  centsToYuan,
  divideRounded,
  formatCents,
  growthMicro,
  integerNthRoot,
  numberToMicro,
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
    expect(cagrMicro(144n, 100n, 2)).toBe(200_000n);
    expect(cagrMicro(2n, 1n, 2)).toBe(414_214n); // 1.41421356… − 1
    expect(cagrMicro(1331n, 1000n, 3)).toBe(100_000n);
    expect(cagrMicro(0n, 5n, 2)).toBe(-1_000_000n);
  });
});

describe('growth and CAGR, rounded half away from zero', () => {
  it('growthMicro rounds the growth itself, not the ratio', () => {
    expect(growthMicro(87654350n, 100000000n)).toBe(-123457n); // −0.1234565
    expect(growthMicro(112345650n, 100000000n)).toBe(123457n); // +0.1234565
    expect(growthMicro(2n, 3n)).toBe(-333333n);
    expect(() => growthMicro(1n, 0n)).toThrow('growth from 0 is not defined');
  });

  it('cagrMicro: exact roots, halves away from zero on both sides', () => {
    expect(cagrMicro(144n, 100n, 2)).toBe(200000n);
    expect(cagrMicro(200n, 100n, 2)).toBe(414214n); // √2 − 1 = 0.41421356…
    expect(cagrMicro(8765435n, 10000000n, 1)).toBe(-123457n); // exact −0.1234565
    expect(cagrMicro(11234565n, 10000000n, 1)).toBe(123457n); // exact +0.1234565
    expect(cagrMicro(50n, 100n, 2)).toBe(-292893n); // √0.5 − 1 = −0.29289321…
    expect(cagrMicro(64n, 81n, 2)).toBe(-111111n);
    expect(cagrMicro(0n, 81n, 3)).toBe(-1000000n);
  });

  it('numberToMicro reads the decimal the number was written as', () => {
    expect(numberToMicro(0.1234565)).toBe(123457n);
    expect(numberToMicro(-0.1234565)).toBe(-123457n);
    expect(numberToMicro(0.35)).toBe(350000n);
    expect(numberToMicro(1e-7)).toBe(0n);
    expect(numberToMicro(5e-7)).toBe(1n);
    expect(numberToMicro(1200)).toBe(1200000000n);
    expect(() => numberToMicro(Number.NaN)).toThrow('NaN is not a finite number');
  });
});
