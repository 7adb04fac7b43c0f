import { describe, expect, it } from 'vitest';
import { yuanToWan } from '../../../../etl/reports/xlsx/wan-yuan.ts';

describe('yuanToWan', () => {
  it('divides by 10,000 on the decimal, where a float division leaves an error', () => {
    // 1234567.89 / 10000 is 123.45678899999999 and 4.35 / 10000 is 0.00043499999999999995 in doubles.
    expect(yuanToWan(1234567.89)).toBe(123.456789);
    expect(yuanToWan(4.35)).toBe(0.000435);
    expect(yuanToWan(100.15)).toBe(0.010015);
    expect(yuanToWan(-0.29)).toBe(-0.000029);
    expect(yuanToWan(123456789.5)).toBe(12345.67895);
    expect(yuanToWan(0)).toBe(0);
  });

  it('keeps null (an empty cell, never 0)', () => {
    expect(yuanToWan(null)).toBeNull();
  });
});
