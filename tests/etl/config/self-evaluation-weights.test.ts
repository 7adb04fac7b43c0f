import { describe, expect, it } from 'vitest';
import { parseCityConfig } from '../../../etl/config/city-config.ts';
import { DEFAULT_SELF_EVALUATION_WEIGHTS, SELF_EVALUATION_ROW_KEYS } from '../../../etl/reports/self-evaluation-rows.ts';

const oneCity = (weights: unknown) =>
  JSON.stringify({ cities: [{ code: '440300', name: '深圳市', programme_start_year: 2024, self_evaluation_weights: weights }] });

/** The default weights moved around: 0.01 from satisfaction to budget execution keeps 100. */
const shifted = { ...DEFAULT_SELF_EVALUATION_WEIGHTS, budget_execution: 10.01, satisfaction: 9.99 };

describe('self_evaluation_weights in the city configuration', () => {
  it('the default weights add up to exactly 100: 10 + 8 × 6.25 + 4 × 7.5 + 10', () => {
    expect(Object.keys(DEFAULT_SELF_EVALUATION_WEIGHTS)).toEqual([...SELF_EVALUATION_ROW_KEYS]);
    expect(() => parseCityConfig(oneCity(DEFAULT_SELF_EVALUATION_WEIGHTS), 'c.json')).not.toThrow();
  });

  it('a city without the key gets null (the default weights); a city with it gets its own', () => {
    const none = parseCityConfig(JSON.stringify({ cities: [{ code: '440300', name: '深圳市', programme_start_year: 2024 }] }), 'c.json');
    expect(none.cities[0]!.selfEvaluationWeights).toBeNull();
    const configured = parseCityConfig(oneCity(shifted), 'c.json');
    expect(configured.cities[0]!.selfEvaluationWeights).toEqual(shifted);
  });

  it('sums exactly: 0.1 + 0.2 style floats do not break a sum of 100, and 99.99 is refused', () => {
    // 33.3 + 33.3 + 33.4 is 100 exactly as decimals (as floats 33.3 + 33.3 + 33.4 = 100.00000000000001).
    const thirds = { ...Object.fromEntries(SELF_EVALUATION_ROW_KEYS.map((key) => [key, 0])), budget_execution: 33.3, satisfaction: 33.3, pledge_amount_cny: 33.4 };
    expect(() => parseCityConfig(oneCity(thirds), 'c.json')).not.toThrow();
    expect(() => parseCityConfig(oneCity({ ...DEFAULT_SELF_EVALUATION_WEIGHTS, satisfaction: 9.99 }), 'c.json')).toThrow(
      'c.json: $.cities[0].self_evaluation_weights: points must add up to exactly 100, they add up to 99.99 (got {"budget_execution":10,',
    );
  });

  it('an unknown row is refused with the valid rows listed', () => {
    expect(() => parseCityConfig(oneCity({ ...DEFAULT_SELF_EVALUATION_WEIGHTS, budget: 1 }), 'c.json')).toThrow(
      `c.json: $.cities[0].self_evaluation_weights.budget: unknown self-evaluation row "budget"; valid rows: ${SELF_EVALUATION_ROW_KEYS.join(', ')} (got 1)`,
    );
  });

  it('every row must be given, the missing ones named', () => {
    const { satisfaction: _satisfaction, gi_output_value_cny: _gi, ...partial } = DEFAULT_SELF_EVALUATION_WEIGHTS;
    expect(() => parseCityConfig(oneCity(partial), 'c.json')).toThrow(
      'c.json: $.cities[0].self_evaluation_weights: every row needs its points (0 for a row not scored); missing: gi_output_value_cny, satisfaction',
    );
  });

  it('points are ≥ 0 with at most 2 decimals', () => {
    expect(() => parseCityConfig(oneCity({ ...shifted, satisfaction: -1 }), 'c.json')).toThrow('c.json: $.cities[0].self_evaluation_weights.satisfaction: points must be ≥ 0 (got -1)');
    expect(() => parseCityConfig(oneCity({ ...shifted, satisfaction: 9.995 }), 'c.json')).toThrow(
      'c.json: $.cities[0].self_evaluation_weights.satisfaction: points may have at most 2 decimals (got 9.995)',
    );
  });
});
