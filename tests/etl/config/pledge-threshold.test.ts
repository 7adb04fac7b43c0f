import { describe, expect, it } from 'vitest';
import { parseCityConfig } from '../../../etl/config/city-config.ts';

const city = (extra: Record<string, unknown>) => JSON.stringify({ cities: [{ code: '440300', name: '深圳市', programme_start_year: 2024, ...extra }] });

describe('high_value_pledge_threshold_cny in the city configuration', () => {
  it('defaults to 10,000,000 yuan (1000万元)', () => {
    expect(parseCityConfig(city({}), 'cities.json').cities[0]!.highValuePledgeThresholdCny).toBe('10000000.00');
  });

  it('reads yuan as an exact decimal with two places, 0 included', () => {
    expect(parseCityConfig(city({ high_value_pledge_threshold_cny: 5000000.5 }), 'cities.json').cities[0]!.highValuePledgeThresholdCny).toBe('5000000.50');
    expect(parseCityConfig(city({ high_value_pledge_threshold_cny: 0 }), 'cities.json').cities[0]!.highValuePledgeThresholdCny).toBe('0.00');
  });

  it('rejects a negative amount and fractions of a fen, with the path and the value', () => {
    expect(() => parseCityConfig(city({ high_value_pledge_threshold_cny: -1 }), 'cities.json')).toThrow(
      'cities.json: $.cities[0].high_value_pledge_threshold_cny: the pledge threshold must be ≥ 0 yuan (got -1)',
    );
    expect(() => parseCityConfig(city({ high_value_pledge_threshold_cny: 1.005 }), 'cities.json')).toThrow(
      'cities.json: $.cities[0].high_value_pledge_threshold_cny: the pledge threshold must be yuan with at most two decimals, e.g. 10000000 for 1000万元 (got 1.005)',
    );
  });
});
