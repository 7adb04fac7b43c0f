import { describe, expect, it } from 'vitest';
import { highValuePatentsSection, per10kResidentsHundredths } from '../../../etl/reports/high-value-patents-section.ts';
import type { HighValuePatentsInput } from '../../../etl/reports/high-value-patents-inputs.ts';
import { HighValuePatentsSchema } from '../../../etl/reports/report-schema.ts';

const known = (met: number) => ({ met, unknown: 0 });

const INPUT: HighValuePatentsInput = {
  asOf: '2024-06-30',
  inventionInForce: 5,
  highValue: 4,
  highValueUnknown: 0,
  byCriterion: { strategic_emerging: known(1), overseas_family: known(1), maintained_over_10_years: known(1), high_pledge: known(2), award: known(1) },
  pledgesWithoutPatentList: 0,
  population: { year: 2023, persons: 3000 },
  pledgeThresholdCny: '10000000.00',
};

describe('high_value_patents section', () => {
  it('gives every figure when every criterion is known: 4 × 10,000 ÷ 3,000 = 13.33 件/万人', () => {
    const section = highValuePatentsSection(INPUT, '2024-06-30', '10000000.00', 'test');
    expect(section).toEqual({
      as_of: '2024-06-30',
      invention_in_force: 5,
      high_value_in_force: 4,
      per_10k_residents: 13.33,
      resident_population: 3000,
      population_year: 2023,
      pledge_threshold_cny: 10000000,
      by_criterion: { strategic_emerging: 1, overseas_family: 1, maintained_over_10_years: 1, high_pledge: 2, award: 1 },
      missing_columns: [],
      null_reasons: { by_criterion: {} },
    });
    expect(HighValuePatentsSchema.parse(section)).toEqual(section);
  });

  it('rounds per 10,000 residents half away from zero to the hundredth', () => {
    // 1 × 10,000 ÷ 1,600,000 = 0.00625 → 0.01; 1 × 10,000 ÷ 2,000,001 = 0.0049999… → 0.00
    expect(per10kResidentsHundredths(1, 1_600_000)).toBe(1n);
    expect(per10kResidentsHundredths(1, 2_000_001)).toBe(0n);
    // Shenzhen-sized: 60,000 × 10,000 ÷ 17,790,000 = 33.726…
    expect(per10kResidentsHundredths(60_000, 17_790_000)).toBe(3373n);
  });

  it('makes unknown criteria null with unknown_values and names their columns; a known high-value count stays', () => {
    const section = highValuePatentsSection(
      { ...INPUT, byCriterion: { ...INPUT.byCriterion, strategic_emerging: { met: 0, unknown: 2 }, high_pledge: { met: 0, unknown: 5 } } },
      '2024-06-30',
      '10000000.00',
      'test',
    );
    expect(section.by_criterion).toEqual({ strategic_emerging: null, overseas_family: 1, maintained_over_10_years: 1, high_pledge: null, award: 1 });
    expect(section.high_value_in_force).toBe(4);
    expect(section.missing_columns).toEqual(['strategic_emerging', 'patent_application_nos']);
    expect(section.null_reasons).toEqual({ by_criterion: { strategic_emerging: 'unknown_values', high_pledge: 'unknown_values' } });
  });

  it('makes high_value_in_force and the ratio null when a patent meets no known criterion and has an unknown', () => {
    const section = highValuePatentsSection(
      { ...INPUT, highValue: 1, highValueUnknown: 1, byCriterion: { ...INPUT.byCriterion, award: { met: 0, unknown: 1 } } },
      '2024-06-30',
      '10000000.00',
      'test',
    );
    expect(section).toMatchObject({ invention_in_force: 5, high_value_in_force: null, per_10k_residents: null, resident_population: 3000, missing_columns: ['award'] });
    expect(section.null_reasons).toEqual({ high_value_in_force: 'unknown_values', per_10k_residents: 'unknown_values', by_criterion: { award: 'unknown_values' } });
  });

  it('makes the ratio null with no_population when no year up to the report year has a population', () => {
    const section = highValuePatentsSection({ ...INPUT, population: null }, '2024-06-30', '5000000.50', 'test');
    expect(section).toMatchObject({ high_value_in_force: 4, per_10k_residents: null, resident_population: null, population_year: null, pledge_threshold_cny: 5000000.5 });
    expect(section.missing_columns).toEqual(['resident_population']);
    expect(section.null_reasons).toEqual({ per_10k_residents: 'no_population', resident_population: 'no_population', by_criterion: {} });
  });

  it('gives no_data for every figure when the lake holds no patents', () => {
    const section = highValuePatentsSection(undefined, '2024-06-30', '10000000.00', 'test');
    expect(section.invention_in_force).toBeNull();
    expect(section.null_reasons.invention_in_force).toBe('no_data');
    expect(section.null_reasons.by_criterion.award).toBe('no_data');
    expect(HighValuePatentsSchema.parse(section)).toEqual(section);
  });

  it('the schema refuses a null without a reason and a 0 with one', () => {
    const section = highValuePatentsSection(INPUT, '2024-06-30', '10000000.00', 'test');
    const result = HighValuePatentsSchema.safeParse({ ...section, high_value_in_force: null });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['high_value_in_force is null without a reason']);
    const reasonForZero = HighValuePatentsSchema.safeParse({ ...section, null_reasons: { by_criterion: { award: 'unknown_values' } } });
    expect(reasonForZero.error?.issues.map((issue) => issue.message)).toEqual(['by_criterion.award is not null but has a reason']);
  });
});
