import { describe, expect, it } from 'vitest';
import { growthBeside } from '../../../../etl/reports/format/comparable-percent.ts';

describe('growthBeside: a rate printed so it compares with its threshold as the exact rate does', () => {
  it('one decimal when that already reads on the right side', () => {
    expect(growthBeside(0.215, 0.2)).toBe('+21.5%');
    expect(growthBeside(-0.106, 0)).toBe('-10.6%');
  });

  it('more decimals when one would round onto or across the threshold', () => {
    // 19.9996 % rounds to 20.0 %, which would read as "met" against 20 %.
    expect(growthBeside(0.199996, 0.2)).toBe('+19.9996%');
    // 19.96 % → "20.0%" at one decimal, "19.96%" at two.
    expect(growthBeside(0.1996, 0.2)).toBe('+19.96%');
    // 0.004 % above zero prints as "0.0%" at one decimal: not visibly above 0.
    expect(growthBeside(0.00004, 0)).toBe('+0.004%');
  });

  it('a rate equal to the threshold prints as the threshold', () => {
    expect(growthBeside(0.2, 0.2)).toBe('+20.0%');
    expect(growthBeside(0, 0)).toBe('0.0%');
  });
});
