import { describe, expect, it } from 'vitest';
import { coverageOfSpan } from '../../../etl/reports/coverage.ts';
import { computeIndicatorFigures, type CityProgramme } from '../../../etl/reports/indicator-figures.ts';
import { INDICATORS, INDICATOR_IDS, type IndicatorId, type Target } from '../../../etl/reports/indicators.ts';

const defaultTargets = Object.fromEntries(INDICATOR_IDS.map((id) => [id, INDICATORS[id].defaultTarget])) as Record<IndicatorId, Target>;

const shenzhen: CityProgramme = { code: '440300', programmeStartYear: 2024, baseYear: 2023, targets: defaultTargets };

describe('flow indicator: ip_transfer_licence_count, period 2025-06', () => {
  // Coverage: patent_events 2022-03..2025-08, trademark_events 2022-01..2025-08 → joint 2022-03..2025-08.
  const coverage = {
    patent_events: coverageOfSpan('2022-03', '2025-08'),
    trademark_events: coverageOfSpan('2022-01', '2025-08'),
  };
  const series = [
    { month: '2023-05', value: '60.00' },
    { month: '2023-11', value: '40.00' },
    { month: '2024-01', value: '10.00' },
    // 2024-02 absent: a true zero inside coverage
    { month: '2024-03', value: '5.00' },
    { month: '2024-06', value: '7.00' },
    { month: '2024-12', value: '122.00' },
    { month: '2025-01', value: '12.00' },
    { month: '2025-03', value: '8.00' },
    { month: '2025-06', value: '4.00' },
    { month: '2025-07', value: '100.00' }, // after the report month: never counted
  ];
  const figures = computeIndicatorFigures({
    indicator: INDICATORS.ip_transfer_licence_count,
    series,
    coverage,
    city: shenzhen,
    period: '2025-06',
  });

  it('month, ytd and ytd_prev sum their months, absent months counting 0', () => {
    expect(figures.month).toBe(4);
    expect(figures.ytd).toBe(24); // 12 + 0 + 8 + 0 + 0 + 4
    expect(figures.ytd_prev).toBe(22); // 10 + 0 + 5 + 0 + 0 + 7
  });

  it('yoy_growth is ytd / ytd_prev - 1 rounded to 6 decimals', () => {
    expect(figures.yoy_growth).toBe(0.090909); // 24 / 22 = 1.0909090…
  });

  it('annual holds base year to latest complete year; CAGR over one year', () => {
    expect(figures.annual).toEqual({ '2023': 100, '2024': 144 });
    expect(figures.cagr_since_base).toBe(0.44);
    expect(figures.cumulative).toBeNull();
  });

  it('is met when CAGR ≥ 0.2', () => {
    expect(figures.target).toEqual({ kind: 'growth', value: 0.2 });
    expect(figures.status).toBe('met');
    expect(figures.unit).toBe('count');
  });

  it('is null where the joint coverage does not reach: the other dataset ends in 2025-05', () => {
    const short = computeIndicatorFigures({
      indicator: INDICATORS.ip_transfer_licence_count,
      series,
      coverage: { ...coverage, trademark_events: coverageOfSpan('2022-01', '2025-05') },
      city: shenzhen,
      period: '2025-06',
    });
    expect(short.month).toBeNull();
    expect(short.ytd).toBeNull();
    expect(short.ytd_prev).toBe(22);
    expect(short.yoy_growth).toBeNull();
    expect(short.annual).toEqual({ '2023': 100, '2024': 144 });
    expect(short.status).toBe('met');
  });
});

describe('coverage gaps', () => {
  it('a base year only partly covered gives null annual and null CAGR; no yoy either → no_data', () => {
    const figures = computeIndicatorFigures({
      indicator: INDICATORS.pledge_project_count,
      series: [
        { month: '2023-05', value: '3' },
        { month: '2024-05', value: '4' },
      ],
      coverage: { pledges: coverageOfSpan('2023-03', '2024-12') },
      city: shenzhen,
      period: '2024-12',
    });
    expect(figures.annual).toEqual({ '2023': null, '2024': 4 });
    expect(figures.ytd).toBe(4);
    expect(figures.ytd_prev).toBeNull();
    expect(figures.yoy_growth).toBeNull();
    expect(figures.cagr_since_base).toBeNull();
    expect(figures.status).toBe('no_data');
  });

  it('a dataset with no coverage at all makes every figure null, never 0', () => {
    const figures = computeIndicatorFigures({
      indicator: INDICATORS.patent_contract_turnover_cny,
      series: [{ month: '2025-01', value: '5.00' }],
      coverage: {},
      city: shenzhen,
      period: '2025-06',
    });
    expect(figures).toEqual({
      unit: 'cny',
      month: null,
      month_yoy_growth: null,
      ytd: null,
      ytd_prev: null,
      yoy_growth: null,
      annual: { '2023': null, '2024': null },
      cagr_since_base: null,
      cumulative: null,
      target: { kind: 'growth', value: 0.4 },
      status: 'no_data',
      null_reasons: {
        month: 'no_data',
        month_yoy_growth: 'no_data',
        ytd: 'no_data',
        ytd_prev: 'no_data',
        yoy_growth: 'no_data',
        annual: { '2023': 'no_data', '2024': 'no_data' },
        cagr_since_base: 'no_data',
        cumulative: 'not_applicable',
        status: 'no_data',
      },
    });
  });

  it('patent_intensive_value_added_cny is always null / no_data for now', () => {
    const figures = computeIndicatorFigures({
      indicator: INDICATORS.patent_intensive_value_added_cny,
      series: [{ month: '2024-01', value: '5.00' }],
      coverage: { enterprise_accounts: coverageOfSpan('2020-01', '2025-12') },
      city: shenzhen,
      period: '2025-06',
    });
    expect(figures.ytd).toBeNull();
    expect(figures.annual).toEqual({ '2023': null, '2024': null });
    expect(figures.target).toEqual({ kind: 'growth', value: 0 });
    expect(figures.status).toBe('no_data');
  });
});

describe('CAGR and growth statuses (pledge_amount_cny, money)', () => {
  const city: CityProgramme = { ...shenzhen, programmeStartYear: 2023, baseYear: 2022 };
  const coverage = { pledges: coverageOfSpan('2020-01', '2024-12') };
  const series = [
    { month: '2022-07', value: '1000000.00' },
    { month: '2023-03', value: '1200000.00' },
    { month: '2024-02', value: '1440000.00' },
  ];

  it('100 → 144 over two years is a CAGR of exactly 0.2', () => {
    const figures = computeIndicatorFigures({ indicator: INDICATORS.pledge_amount_cny, series, coverage, city, period: '2024-12' });
    expect(figures.annual).toEqual({ '2022': 1000000, '2023': 1200000, '2024': 1440000 });
    expect(figures.cagr_since_base).toBe(0.2);
    expect(figures.yoy_growth).toBe(0.2);
    // default target 0.3: CAGR and YTD growth both below it
    expect(figures.status).toBe('behind');
  });

  it('a CAGR equal to the target is met', () => {
    const figures = computeIndicatorFigures({
      indicator: INDICATORS.pledge_amount_cny,
      series,
      coverage,
      city: { ...city, targets: { ...city.targets, pledge_amount_cny: { kind: 'growth', value: 0.2 } } },
      period: '2024-12',
    });
    expect(figures.status).toBe('met');
  });

  it('a CAGR that is not a round number is rounded to 6 decimals: 100 → 200 over 2 years', () => {
    const figures = computeIndicatorFigures({
      indicator: INDICATORS.pledge_amount_cny,
      series: [
        { month: '2022-01', value: '100.00' },
        { month: '2024-01', value: '200.00' },
      ],
      coverage,
      city,
      period: '2024-12',
    });
    expect(figures.cagr_since_base).toBe(0.414214); // √2 − 1 = 0.41421356…
  });

  it('annual[base] = 0 makes the CAGR null; YTD growth ≥ target makes it on_track', () => {
    const figures = computeIndicatorFigures({
      indicator: INDICATORS.pledge_amount_cny,
      series: [
        { month: '2023-06', value: '100.00' },
        { month: '2024-06', value: '150.00' },
      ],
      coverage,
      city,
      period: '2024-06',
    });
    expect(figures.annual).toEqual({ '2022': 0, '2023': 100 });
    expect(figures.cagr_since_base).toBeNull();
    expect(figures.yoy_growth).toBe(0.5);
    expect(figures.status).toBe('on_track');
  });

  it('money sums exactly and rounds to the fen: 0.10 + 0.20 is 0.3', () => {
    const figures = computeIndicatorFigures({
      indicator: INDICATORS.pledge_amount_cny,
      series: [
        { month: '2024-01', value: '0.10' },
        { month: '2024-02', value: '0.2' },
        { month: '2024-03', value: '12345678901.05' },
      ],
      coverage,
      city,
      period: '2024-03',
    });
    expect(figures.month).toBe(12345678901.05);
    expect(figures.ytd).toBe(12345678901.35);
    expect(figures.ytd_prev).toBe(0); // 2023-01..03, covered, no rows
  });

  it('rejects a value with more than 2 decimals, naming the city, indicator and month', () => {
    expect(() =>
      computeIndicatorFigures({
        indicator: INDICATORS.pledge_amount_cny,
        series: [{ month: '2024-01', value: '0.125' }],
        coverage,
        city,
        period: '2024-03',
      }),
    ).toThrow('city 440300 indicator pledge_amount_cny 2024-01: "0.125" is not a decimal with at most 2 decimals');
  });
});

describe('cumulative indicators', () => {
  const coverage = { programme_records: coverageOfSpan('2023-01', '2025-06') };

  it('count from 1 January of the programme start year; earlier records are ignored', () => {
    const figures = computeIndicatorFigures({
      indicator: INDICATORS.securitization_product_count,
      series: [
        { month: '2023-05', value: '3' },
        { month: '2024-02', value: '1' },
        { month: '2025-06', value: '1' },
      ],
      coverage,
      city: shenzhen,
      period: '2025-06',
    });
    expect(figures).toEqual({
      unit: 'count',
      month: 1,
      // 2024-06 had none: no base for the month's growth.
      month_yoy_growth: null,
      ytd: 1,
      ytd_prev: 1,
      yoy_growth: 0,
      annual: { '2024': 1 },
      cagr_since_base: null,
      cumulative: 2,
      target: { kind: 'cumulative', value: 1 },
      status: 'met',
      null_reasons: { month_yoy_growth: 'zero_base', cagr_since_base: 'not_applicable' },
    });
  });

  it('ytd_prev of the programme start year is null (wholly before counting starts)', () => {
    const figures = computeIndicatorFigures({
      indicator: INDICATORS.securitization_product_count,
      series: [{ month: '2023-05', value: '3' }],
      coverage,
      city: shenzhen,
      period: '2024-06',
    });
    expect(figures.ytd).toBe(0);
    expect(figures.ytd_prev).toBeNull();
    expect(figures.yoy_growth).toBeNull();
    expect(figures.cumulative).toBe(0);
    expect(figures.status).toBe('behind');
  });

  it('a period before the programme start: everything null, no_data', () => {
    const figures = computeIndicatorFigures({
      indicator: INDICATORS.operation_centre_count,
      series: [{ month: '2023-05', value: '2' }],
      coverage,
      city: shenzhen,
      period: '2023-06',
    });
    expect(figures.month).toBeNull();
    expect(figures.ytd).toBeNull();
    expect(figures.ytd_prev).toBeNull();
    expect(figures.cumulative).toBeNull();
    expect(figures.annual).toEqual({});
    expect(figures.status).toBe('no_data');
  });

  it('on_track at 18 of 36 months needs half the target: 100 of 200 is on_track, 99 is behind', () => {
    const run = (value: string) =>
      computeIndicatorFigures({
        indicator: INDICATORS.ip_certified_entity_count,
        series: [{ month: '2024-03', value }],
        coverage,
        city: shenzhen,
        period: '2025-06',
      });
    expect(run('100').status).toBe('on_track');
    expect(run('99').status).toBe('behind');
    expect(run('200').status).toBe('met');
  });

  it('cumulative is null when the coverage starts after the programme start', () => {
    const figures = computeIndicatorFigures({
      indicator: INDICATORS.ip_custody_sme_count,
      series: [{ month: '2025-03', value: '5' }],
      coverage: { programme_records: coverageOfSpan('2024-02', '2025-06') },
      city: shenzhen,
      period: '2025-06',
    });
    expect(figures.ytd).toBe(5);
    expect(figures.cumulative).toBeNull();
    expect(figures.annual).toEqual({ '2024': null });
    expect(figures.status).toBe('no_data');
  });

  it('a count with a fraction is an error naming the figure', () => {
    expect(() =>
      computeIndicatorFigures({
        indicator: INDICATORS.operation_centre_count,
        series: [{ month: '2025-06', value: '1.50' }],
        coverage,
        city: shenzhen,
        period: '2025-06',
      }),
    ).toThrow('city 440300 indicator operation_centre_count 2025-06: a count must be a whole number, got 1.50');
  });
});

describe('input checks', () => {
  it('rejects a month given twice', () => {
    expect(() =>
      computeIndicatorFigures({
        indicator: INDICATORS.pledge_project_count,
        series: [
          { month: '2025-01', value: '1' },
          { month: '2025-01', value: '2' },
        ],
        coverage: {},
        city: shenzhen,
        period: '2025-06',
      }),
    ).toThrow('city 440300 indicator pledge_project_count: month 2025-01 appears twice in the monthly series; expected one value per month');
  });

  it('rejects a bad period, naming it', () => {
    expect(() =>
      computeIndicatorFigures({ indicator: INDICATORS.pledge_project_count, series: [], coverage: {}, city: shenzhen, period: '2025-13' }),
    ).toThrow('period "2025-13" is not a month: expected YYYY-MM with month 01-12');
  });
});

describe('a reason for every null', () => {
  const figuresOf = (input: Partial<Parameters<typeof computeIndicatorFigures>[0]>) =>
    computeIndicatorFigures({ indicator: INDICATORS.pledge_project_count, series: [], coverage: {}, city: shenzhen, period: '2025-06', ...input });

  it('a source that has not delivered the report month yet: not_yet_reported, while earlier windows stand', () => {
    const figures = figuresOf({ series: [{ month: '2024-03', value: '2' }], coverage: { pledges: coverageOfSpan('2023-01', '2025-04') } });
    expect(figures.month).toBeNull();
    expect(figures.ytd).toBeNull();
    expect(figures.ytd_prev).toBe(2);
    // 2023 is covered and has no rows: a true 0, so the CAGR has no base to grow from.
    expect(figures.null_reasons).toEqual({
      month: 'not_yet_reported',
      month_yoy_growth: 'not_yet_reported',
      ytd: 'not_yet_reported',
      yoy_growth: 'not_yet_reported',
      cagr_since_base: 'zero_base',
      cumulative: 'not_applicable',
      status: 'zero_base',
    });
  });

  it('a window before the coverage starts is not_covered; the base year too, so the CAGR says why', () => {
    const figures = figuresOf({ series: [{ month: '2024-03', value: '2' }], coverage: { pledges: coverageOfSpan('2023-02', '2025-06') } });
    expect(figures.annual).toEqual({ '2023': null, '2024': 2 });
    // 2024-06 and 2025-06 are covered and empty: no base for the month's growth.
    expect(figures.null_reasons).toEqual({ annual: { '2023': 'not_covered' }, month_yoy_growth: 'zero_base', cagr_since_base: 'not_covered', cumulative: 'not_applicable' });
    expect(figures.ytd_prev).toBe(2);
  });

  it('本月同比: the month over the same month a year earlier; that month not covered → its reason', () => {
    const series = [
      { month: '2024-06', value: '4' },
      { month: '2024-07', value: '100' },
      { month: '2025-05', value: '100' },
      { month: '2025-06', value: '5' },
    ];
    // 5 ÷ 4 − 1 = 0.25; the months around do not count.
    expect(figuresOf({ series, coverage: { pledges: coverageOfSpan('2023-01', '2025-06') } }).month_yoy_growth).toBe(0.25);
    // 2 ÷ 3 − 1 = −0.333333… rounded to 6 decimals.
    const fall = figuresOf({ series: [{ month: '2024-06', value: '3' }, { month: '2025-06', value: '2' }], coverage: { pledges: coverageOfSpan('2023-01', '2025-06') } });
    expect(fall.month_yoy_growth).toBe(-0.333333);
    // The coverage starts after 2024-06: the month a year earlier is not covered.
    const late = figuresOf({ series, coverage: { pledges: coverageOfSpan('2024-07', '2025-06') } });
    expect(late.month_yoy_growth).toBeNull();
    expect(late.null_reasons.month_yoy_growth).toBe('not_covered');
    expect(late.month).toBe(5);
  });

  it('a gap inside the coverage is not_covered even when the coverage also ends early', () => {
    const gap = { runs: [{ first: '2023-01', last: '2024-02', basis: 'declared' as const }, { first: '2024-05', last: '2025-03', basis: 'declared' as const }] };
    const figures = figuresOf({ coverage: { pledges: gap } });
    expect(figures.null_reasons.ytd_prev).toBe('not_covered'); // 2024-01..06 misses 03 and 04
    expect(figures.null_reasons.ytd).toBe('not_yet_reported'); // 2025-01..06 misses 04..06, after the end
    expect(figures.null_reasons.annual).toEqual({ '2024': 'not_covered' });
    expect(figures.annual['2023']).toBe(0);
  });

  it('growth from 0 is zero_base; the status says so instead of "no data"', () => {
    const figures = figuresOf({ series: [{ month: '2025-02', value: '3' }], coverage: { pledges: coverageOfSpan('2023-01', '2025-06') } });
    expect(figures.ytd_prev).toBe(0);
    expect(figures.yoy_growth).toBeNull();
    expect(figures.cagr_since_base).toBeNull();
    expect(figures.status).toBe('no_data');
    expect(figures.null_reasons).toEqual({ month_yoy_growth: 'zero_base', yoy_growth: 'zero_base', cagr_since_base: 'zero_base', cumulative: 'not_applicable', status: 'zero_base' });
  });

  it('no complete year after the base year: no_complete_year; the status then takes the YTD growth', () => {
    const city = { ...shenzhen, programmeStartYear: 2025, baseYear: 2024 };
    const figures = figuresOf({ city, period: '2025-06', series: [{ month: '2024-03', value: '2' }, { month: '2025-03', value: '3' }], coverage: { pledges: coverageOfSpan('2024-01', '2025-06') } });
    expect(figures.annual).toEqual({ '2024': 2 });
    // 2024-06 and 2025-06 are both 0: the month's growth has no base.
    expect(figures.null_reasons).toEqual({ month_yoy_growth: 'zero_base', cagr_since_base: 'no_complete_year', cumulative: 'not_applicable' });
    expect(figures.yoy_growth).toBe(0.5);
    expect(figures.status).toBe('on_track');
    const uncovered = figuresOf({ city, coverage: { pledges: coverageOfSpan('2025-01', '2025-06') } });
    expect(uncovered.null_reasons.status).toBe('not_covered'); // the YTD growth's reason: 2024 is not covered
  });

  it('cumulative indicators: before_programme_start for windows before 1 January of the start year', () => {
    const figures = computeIndicatorFigures({
      indicator: INDICATORS.operation_centre_count,
      series: [],
      coverage: { programme_records: coverageOfSpan('2020-01', '2025-06') },
      city: { ...shenzhen, programmeStartYear: 2025 },
      period: '2025-03',
    });
    expect(figures.ytd_prev).toBeNull();
    expect(figures.null_reasons).toEqual({ month_yoy_growth: 'before_programme_start', ytd_prev: 'before_programme_start', yoy_growth: 'before_programme_start', cagr_since_base: 'not_applicable' });
    const early = computeIndicatorFigures({
      indicator: INDICATORS.operation_centre_count,
      series: [],
      coverage: { programme_records: coverageOfSpan('2020-01', '2025-06') },
      city: { ...shenzhen, programmeStartYear: 2025 },
      period: '2024-11',
    });
    expect(early.status).toBe('no_data');
    expect(early.null_reasons).toEqual({
      month: 'before_programme_start',
      month_yoy_growth: 'before_programme_start',
      ytd: 'before_programme_start',
      ytd_prev: 'before_programme_start',
      yoy_growth: 'before_programme_start',
      cagr_since_base: 'not_applicable',
      cumulative: 'before_programme_start',
      status: 'before_programme_start',
    });
  });

  it('declared coverage wider than the rows makes the empty months true zeros', () => {
    const figures = figuresOf({ series: [{ month: '2025-02', value: '4' }, { month: '2024-02', value: '5' }], coverage: { pledges: { runs: [{ first: '2023-01', last: '2025-06', basis: 'declared' }] } } });
    expect(figures.month).toBe(0);
    expect(figures.ytd).toBe(4);
    expect(figures.ytd_prev).toBe(5);
    expect(figures.yoy_growth).toBe(-0.2);
    expect(figures.annual).toEqual({ '2023': 0, '2024': 5 });
  });
});

describe('exact rounding of growth, half away from zero', () => {
  const pledges = coverageOfSpan('2022-01', '2025-06');
  const money = (input: { series: { month: string; value: string }[]; period: string; city?: CityProgramme }) =>
    computeIndicatorFigures({ indicator: INDICATORS.pledge_amount_cny, coverage: { pledges }, city: input.city ?? shenzhen, series: input.series, period: input.period });

  it('876,543.50 / 1,000,000 − 1 = −0.1234565 prints −0.123457 (a negative half goes away from zero)', () => {
    const figures = money({ series: [{ month: '2024-06', value: '1000000.00' }, { month: '2025-06', value: '876543.50' }], period: '2025-06' });
    expect(figures.yoy_growth).toBe(-0.123457);
  });

  it('a positive half goes up: 1,123,456.50 / 1,000,000 − 1 = 0.1234565 → 0.123457', () => {
    const figures = money({ series: [{ month: '2024-06', value: '1000000.00' }, { month: '2025-06', value: '1123456.50' }], period: '2025-06' });
    expect(figures.yoy_growth).toBe(0.123457);
  });

  it('large sums are exact to the fen, where a double sum is not', () => {
    const figures = money({
      series: [
        { month: '2024-01', value: '30000000048625.16' },
        { month: '2025-01', value: '10000000015838.02' },
        { month: '2025-02', value: '10000000015961.47' },
        { month: '2025-03', value: '10000000016825.67' },
      ],
      period: '2025-03',
    });
    expect(10000000015838.02 + 10000000015961.47 + 10000000016825.67).toBe(30000000048625.164); // what doubles give
    expect(figures.ytd).toBe(30000000048625.16);
    expect(figures.yoy_growth).toBe(0);
  });

  it('a sum too large for a JSON number to hold to the fen is an error, not a rounded figure', () => {
    expect(() => money({ series: [{ month: '2025-01', value: '50000000000000.00' }, { month: '2025-02', value: '50000000000000.00' }], period: '2025-02' })).toThrow(
      '100000000000000.00 is too large to publish exactly as a JSON number (more than 2^53 hundredths)',
    );
  });

  it('a CAGR below zero rounds its magnitude half up: (0.8765435)^1 − 1 → −0.123457', () => {
    const city = { ...shenzhen, programmeStartYear: 2024, baseYear: 2023 };
    const figures = money({ series: [{ month: '2023-05', value: '1000000.00' }, { month: '2024-05', value: '876543.50' }], period: '2024-12', city });
    expect(figures.cagr_since_base).toBe(-0.123457);
  });

  it('a CAGR whose root is irrational and negative: 81 → 64 over 2 years is (8/9) − 1 = −0.111111…', () => {
    const city = { ...shenzhen, programmeStartYear: 2023, baseYear: 2022 };
    const figures = money({ series: [{ month: '2022-05', value: '81.00' }, { month: '2024-05', value: '64.00' }], period: '2024-12', city });
    expect(figures.cagr_since_base).toBe(-0.111111);
    const sqrt = money({ series: [{ month: '2022-05', value: '100.00' }, { month: '2024-05', value: '50.00' }], period: '2024-12', city });
    expect(sqrt.cagr_since_base).toBe(-0.292893); // √0.5 − 1 = −0.29289321…
  });

  it('a target given with 7 decimals is compared as written: 0.1234565 → 0.123457', () => {
    const targets = { ...shenzhen.targets, pledge_amount_cny: { kind: 'growth' as const, value: 0.1234565 } };
    const figures = money({ series: [{ month: '2024-06', value: '1000000.00' }, { month: '2025-06', value: '1123456.50' }], period: '2025-06', city: { ...shenzhen, targets } });
    expect(figures.yoy_growth).toBe(0.123457);
    expect(figures.status).toBe('on_track'); // 0.123457 ≥ 0.123457
  });
});
