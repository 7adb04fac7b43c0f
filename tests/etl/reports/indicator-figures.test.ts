import { describe, expect, it } from 'vitest';
import { computeIndicatorFigures, type CityProgramme } from '../../../etl/reports/indicator-figures.ts';
import { INDICATORS, INDICATOR_IDS, type IndicatorId, type Target } from '../../../etl/reports/indicators.ts';

const defaultTargets = Object.fromEntries(INDICATOR_IDS.map((id) => [id, INDICATORS[id].defaultTarget])) as Record<IndicatorId, Target>;

const shenzhen: CityProgramme = { code: '440300', programmeStartYear: 2024, baseYear: 2023, targets: defaultTargets };

describe('flow indicator: ip_transfer_licence_count, period 2025-06', () => {
  // Coverage: patent_events 2022-03..2025-08, trademark_events 2022-01..2025-08 → joint 2022-03..2025-08.
  const coverage = {
    patent_events: { firstMonth: '2022-03', lastMonth: '2025-08' },
    trademark_events: { firstMonth: '2022-01', lastMonth: '2025-08' },
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
      coverage: { ...coverage, trademark_events: { firstMonth: '2022-01', lastMonth: '2025-05' } },
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
      coverage: { pledges: { firstMonth: '2023-03', lastMonth: '2024-12' } },
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
      ytd: null,
      ytd_prev: null,
      yoy_growth: null,
      annual: { '2023': null, '2024': null },
      cagr_since_base: null,
      cumulative: null,
      target: { kind: 'growth', value: 0.4 },
      status: 'no_data',
    });
  });

  it('patent_intensive_value_added_cny is always null / no_data for now', () => {
    const figures = computeIndicatorFigures({
      indicator: INDICATORS.patent_intensive_value_added_cny,
      series: [{ month: '2024-01', value: '5.00' }],
      coverage: { enterprise_accounts: { firstMonth: '2020-01', lastMonth: '2025-12' } },
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
  const coverage = { pledges: { firstMonth: '2020-01', lastMonth: '2024-12' } };
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
  const coverage = { programme_records: { firstMonth: '2023-01', lastMonth: '2025-06' } };

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
      ytd: 1,
      ytd_prev: 1,
      yoy_growth: 0,
      annual: { '2024': 1 },
      cagr_since_base: null,
      cumulative: 2,
      target: { kind: 'cumulative', value: 1 },
      status: 'met',
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
      coverage: { programme_records: { firstMonth: '2024-02', lastMonth: '2025-06' } },
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
