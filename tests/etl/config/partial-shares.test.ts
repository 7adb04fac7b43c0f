import { describe, expect, it } from 'vitest';
import { parseCityConfig } from '../../../etl/config/city-config.ts';

const city = (extra: Record<string, unknown>) => JSON.stringify({ cities: [{ code: '440300', name: '深圳市', programme_start_year: 2024, ...extra }] });

describe('patent_intensive_partial_shares in the city configuration', () => {
  it('defaults to no configured share', () => {
    expect(parseCityConfig(city({}), 'cities.json').cities[0]!.patentIntensivePartialShares).toEqual({});
  });

  it('reads a share per GB/T 4754-2017 class', () => {
    const config = parseCityConfig(city({ patent_intensive_partial_shares: { '3961': 0.4, '6532': 1 } }), 'cities.json');
    expect(config.cities[0]!.patentIntensivePartialShares).toEqual({ '3961': 0.4, '6532': 1 });
  });

  it('rejects a share above 1, an unknown class and a group code together, one line each with the path and the value', () => {
    expect(() => parseCityConfig(city({ patent_intensive_partial_shares: { '3961': 40, '9999': 0.1, '396': 0.2 } }), 'cities.json')).toThrow(
      [
        'cities.json: $.cities[0].patent_intensive_partial_shares["3961"]: a share must be ≤ 1 (a fraction, not a percentage) (got 40)',
        'cities.json: $.cities[0].patent_intensive_partial_shares["396"]: "396" (智能消费设备制造) is a group; expected a four-digit class (got 0.2)',
        'cities.json: $.cities[0].patent_intensive_partial_shares["9999"]: "9999" is not a GB/T 4754-2017 code; expected a four-digit class such as 3961 (got 0.1)',
      ].join('\n'),
    );
  });
});
