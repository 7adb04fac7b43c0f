import { describe, expect, it } from 'vitest';
import { coverageBounds, coverageGap, coverageOfSpan, coversMonth, jointCoverage, type DatasetCoverage } from '../../../etl/reports/coverage.ts';

const runs = (...spans: [string, string][]): DatasetCoverage => ({ runs: spans.map(([first, last]) => ({ first, last, basis: 'declared' })) });

describe('coverageGap: why a window is not covered', () => {
  const gapped = runs(['2023-01', '2023-06'], ['2023-09', '2024-03']);

  it('is null inside one run, and across adjacent runs', () => {
    expect(coverageGap(gapped, '2023-02', '2023-06')).toBeNull();
    expect(coverageGap(runs(['2023-01', '2023-06'], ['2023-07', '2023-12']), '2023-05', '2023-08')).toBeNull();
  });

  it('no_data when nothing is covered', () => {
    expect(coverageGap(null, '2023-01', '2023-01')).toBe('no_data');
    expect(coverageGap({ runs: [] }, '2023-01', '2023-01')).toBe('no_data');
  });

  it('not_covered before the start and in a gap', () => {
    expect(coverageGap(gapped, '2022-12', '2023-02')).toBe('not_covered');
    expect(coverageGap(gapped, '2023-07', '2023-07')).toBe('not_covered');
    expect(coverageGap(gapped, '2023-05', '2023-10')).toBe('not_covered');
    expect(coverageGap(gapped, '2020-01', '2020-12')).toBe('not_covered');
  });

  it('not_yet_reported only when every missing month is after the last covered month', () => {
    expect(coverageGap(gapped, '2024-01', '2024-06')).toBe('not_yet_reported');
    expect(coverageGap(gapped, '2025-01', '2025-01')).toBe('not_yet_reported');
    // a gap and months after the end: the gap wins
    expect(coverageGap(gapped, '2023-05', '2024-06')).toBe('not_covered');
  });

  it('covers single months and tells the bounds', () => {
    expect(coversMonth(gapped, '2023-08')).toBe(false);
    expect(coversMonth(gapped, '2023-09')).toBe(true);
    expect(coverageBounds(gapped)).toEqual({ first: '2023-01', last: '2024-03' });
    expect(coverageBounds(undefined)).toBeNull();
  });
});

describe('jointCoverage: the months every governing dataset covers', () => {
  it('intersects month sets, gaps included', () => {
    const joint = jointCoverage(['patent_events', 'trademark_events'], {
      patent_events: runs(['2023-01', '2023-06'], ['2023-09', '2024-03']),
      trademark_events: coverageOfSpan('2023-04', '2023-12'),
    });
    expect(joint?.runs.map(({ first, last }) => [first, last])).toEqual([
      ['2023-04', '2023-06'],
      ['2023-09', '2023-12'],
    ]);
  });

  it('is null when a dataset has no coverage, or none is given', () => {
    expect(jointCoverage(['patent_events', 'trademark_events'], { patent_events: coverageOfSpan('2023-01', '2023-12') })).toBeNull();
    expect(jointCoverage([], {})).toBeNull();
  });

  it('refuses a span that ends before it starts', () => {
    expect(() => coverageOfSpan('2024-02', '2024-01')).toThrow('coverage 2024-02..2024-01: the first month is after the last');
  });
});
