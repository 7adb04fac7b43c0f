import { describe, expect, it } from 'vitest';
import { compareMagnitude, isZero, movePoint, roundedFixed, roundedQuotient } from '../../../../etl/reports/format/decimal-text.ts';

describe('roundedFixed rounds half away from zero on the exact decimal', () => {
  it('rounds the decimal a number was written as, not its double', () => {
    expect((1.005).toFixed(2)).toBe('1.00'); // the double is 1.00499999999999989…
    expect(roundedFixed(1.005, 2)).toBe('1.01');
    expect(roundedFixed(2.675, 2)).toBe('2.68');
    expect(roundedFixed(-1.005, 2)).toBe('-1.01');
    expect(roundedFixed(0.1234565, 6)).toBe('0.123457');
  });

  it('prints a value that rounds to zero without a sign', () => {
    expect(roundedFixed(-0.001, 2)).toBe('0.00');
    expect(roundedFixed(-0, 1)).toBe('0.0');
    expect(roundedFixed('-0.004', 2)).toBe('0.00');
    expect(roundedFixed('-0.005', 2)).toBe('-0.01');
  });

  it('takes decimal text beyond what a double holds', () => {
    expect(String(99999999999999.99)).toBe('99999999999999.98');
    expect(roundedFixed('99999999999999.99', 2)).toBe('99999999999999.99');
    expect(roundedFixed(1e21, 0)).toBe('1000000000000000000000');
    expect(roundedFixed(1e-7, 7)).toBe('0.0000001');
  });

  it('refuses what is not a decimal, naming it', () => {
    expect(() => roundedFixed('12,5', 2)).toThrow('"12,5" is not decimal text (expected e.g. "1234.50" or "-0.125")');
    expect(() => roundedFixed(Number.NaN, 2)).toThrow('NaN is not a finite number, so it cannot be printed as a decimal');
    expect(() => roundedFixed(1, 1.5)).toThrow('decimals must be an integer from 0 to 20, got 1.5');
  });
});

describe('movePoint and roundedQuotient are exact', () => {
  it('moves the decimal point without a double product', () => {
    expect(0.145 * 100).toBe(14.499999999999998);
    expect(movePoint(0.145, 2)).toBe('14.5');
    expect(movePoint(0.07, 2)).toBe('7');
    expect(movePoint(0.0125, 2)).toBe('1.25');
    expect(movePoint('-0.1234565', 2)).toBe('-12.34565');
    expect(movePoint('11.97', -2)).toBe('0.1197');
  });

  it('rounds the exact quotient once', () => {
    expect(roundedQuotient('123456789012.35', 100_000_000, 2)).toBe('1234.57');
    expect(roundedQuotient(1, 8, 2)).toBe('0.13'); // 0.125 exactly: half away from zero
    expect(roundedQuotient(-1, 8, 2)).toBe('-0.13');
    expect(roundedQuotient(1, 3, 4)).toBe('0.3333');
    expect(roundedQuotient(2, 3, 4)).toBe('0.6667');
    // 0.00004999… must not be rounded to 0.00005 first and then up to 0.0001.
    expect(roundedQuotient(4999999, 100000000000, 4)).toBe('0.0000');
    expect(roundedQuotient(-1, 2000, 3)).toBe('-0.001');
    expect(roundedQuotient(-1, 3000, 3)).toBe('0.000');
    expect(() => roundedQuotient(1, '0.00', 2)).toThrow('cannot divide 1 by zero');
  });

  it('compares magnitudes and finds zero exactly', () => {
    expect(compareMagnitude('99999999.99', 100_000_000)).toBe(-1);
    expect(compareMagnitude(-100_000_000, 100_000_000)).toBe(0);
    expect(compareMagnitude('100000000.01', 100_000_000)).toBe(1);
    expect(isZero('0.00')).toBe(true);
    expect(isZero(-0)).toBe(true);
    expect(isZero('0.01')).toBe(false);
  });
});
