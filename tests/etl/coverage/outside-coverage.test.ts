import { describe, expect, it } from 'vitest';
import { isOutsideCoverageWarning, monthsOutside, outsideCoverageWarning } from '../../../etl/coverage/outside-coverage.ts';

const COVERAGE = { first: '2019-01', last: '2025-03' };

describe('monthsOutside', () => {
  it('lists the months before and after the coverage, joining consecutive months', () => {
    expect(monthsOutside(COVERAGE, ['2025-06', '2018-12', '2019-01', '2025-03', '2025-04', '2025-05', '2018-10', '2025-04'])).toEqual(['2018-10', '2018-12', '2025-04..2025-06']);
  });

  it('joins a run across a year end', () => {
    expect(monthsOutside(COVERAGE, ['2018-11', '2018-12', '2017-01'])).toEqual(['2017-01', '2018-11..2018-12']);
  });

  it('is empty when every month lies inside, or there are no months', () => {
    expect(monthsOutside(COVERAGE, ['2019-01', '2022-07', '2025-03'])).toEqual([]);
    expect(monthsOutside(COVERAGE, [])).toEqual([]);
  });
});

describe('outsideCoverageWarning', () => {
  it('says which months lie outside and that their figures are not published', () => {
    const warning = outsideCoverageWarning(COVERAGE, ['2018-12', '2024-01', '2025-04', '2025-05']);
    expect(warning).toBe(
      'accepted rows of 2018-12, 2025-04..2025-05 lie outside the declared coverage 2019-01..2025-03: figures for months outside the declared coverage are not published',
    );
    expect(isOutsideCoverageWarning(warning!)).toBe(true);
  });

  it('is null when every month lies inside', () => {
    expect(outsideCoverageWarning(COVERAGE, ['2019-01', '2025-03'])).toBeNull();
  });

  it('tells its own warnings from a whole-file check\'s', () => {
    expect(isOutsideCoverageWarning('3 classes of category 05 are partial')).toBe(false);
  });
});
