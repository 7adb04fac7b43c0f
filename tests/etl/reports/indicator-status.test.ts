import { describe, expect, it } from 'vitest';
import { statusOfCumulative, statusOfGrowth } from '../../../etl/reports/indicator-status.ts';

describe('statusOfGrowth', () => {
  const target = 200_000n; // 0.2
  it.each([
    ['met: CAGR at the target', 200_000n, null, 'met'],
    ['on_track: CAGR below but YTD growth at the target', 150_000n, 200_000n, 'on_track'],
    ['on_track: no CAGR, YTD growth above the target', null, 250_000n, 'on_track'],
    ['behind: CAGR below and no YTD growth', 150_000n, null, 'behind'],
    ['behind: no CAGR and YTD growth below', null, 199_999n, 'behind'],
    ['no_data: neither', null, null, 'no_data'],
  ] as const)('%s', (_name, cagrMicro, yoyMicro, expected) => {
    expect(statusOfGrowth({ cagrMicro, yoyMicro, targetMicro: target })).toBe(expected);
  });

  it('a target of 0 means any positive growth: 0 is behind, 0.000001 is met / on_track', () => {
    expect(statusOfGrowth({ cagrMicro: 0n, yoyMicro: 0n, targetMicro: 0n })).toBe('behind');
    expect(statusOfGrowth({ cagrMicro: 1n, yoyMicro: null, targetMicro: 0n })).toBe('met');
    expect(statusOfGrowth({ cagrMicro: -5n, yoyMicro: 1n, targetMicro: 0n })).toBe('on_track');
  });
});

describe('statusOfCumulative', () => {
  it('prorates the target over 36 months and caps the fraction at 1', () => {
    // target 5; after 12 months the line is 5 × 12/36 = 1.6667
    expect(statusOfCumulative({ cumulativeCents: 200n, targetMicro: 5_000_000n, monthsElapsed: 12 })).toBe('on_track');
    expect(statusOfCumulative({ cumulativeCents: 100n, targetMicro: 5_000_000n, monthsElapsed: 12 })).toBe('behind');
    // after 48 months the line is the whole target
    expect(statusOfCumulative({ cumulativeCents: 400n, targetMicro: 5_000_000n, monthsElapsed: 48 })).toBe('behind');
    expect(statusOfCumulative({ cumulativeCents: 500n, targetMicro: 5_000_000n, monthsElapsed: 48 })).toBe('met');
    expect(statusOfCumulative({ cumulativeCents: null, targetMicro: 5_000_000n, monthsElapsed: 12 })).toBe('no_data');
  });
});
