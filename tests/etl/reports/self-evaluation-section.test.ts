/**
 * The self-evaluation grid of the renderer fixture (city 440300, programme from 2024, base year
 * 2023, report month 2025-06), every figure computed by hand from the fixture's monthly values.
 */
import { describe, expect, it } from 'vitest';
import { INDICATORS, INDICATOR_IDS, type IndicatorId, type Target } from '../../../etl/reports/indicators.ts';
import { DEFAULT_SELF_EVALUATION_WEIGHTS } from '../../../etl/reports/self-evaluation-rows.ts';
import { selfEvaluationSection, type SelfEvaluationCity } from '../../../etl/reports/self-evaluation-section.ts';
import type { Report } from '../../../etl/reports/report-schema.ts';
import { FIXTURE_REPORT } from './html/report-fixture.ts';

const grid = FIXTURE_REPORT.self_evaluation;
const row = (key: string) => {
  const found = grid.rows.find((candidate) => candidate.key === key);
  if (found === undefined) throw new Error(`no row ${key}`);
  return found;
};

const defaultTargets = Object.fromEntries(INDICATOR_IDS.map((id) => [id, INDICATORS[id].defaultTarget])) as Record<IndicatorId, Target>;
const city: SelfEvaluationCity = { baseYear: 2023, programmeStartYear: 2024, targets: defaultTargets, weights: null };

describe('self_evaluation of the fixture report (assembled by assembleReport)', () => {
  it('rows in the MoF grouping: budget execution, eight count rows, four money rows, satisfaction', () => {
    expect(grid.rows.map((r) => [r.level1, r.level2, r.key])).toEqual([
      ['budget_execution', 'budget_execution_rate', 'budget_execution'],
      ['output', 'quantity', 'ip_transfer_licence_count'],
      ['output', 'quantity', 'pledge_project_count'],
      ['output', 'quantity', 'sme_university_patent_count'],
      ['output', 'quantity', 'securitization_product_count'],
      ['output', 'quantity', 'patent_navigation_project_count'],
      ['output', 'quantity', 'ip_certified_entity_count'],
      ['output', 'quantity', 'ip_custody_sme_count'],
      ['output', 'quantity', 'operation_centre_count'],
      ['benefit', 'economic_benefit', 'pledge_amount_cny'],
      ['benefit', 'economic_benefit', 'patent_contract_turnover_cny'],
      ['benefit', 'economic_benefit', 'patent_intensive_value_added_cny'],
      ['benefit', 'economic_benefit', 'gi_output_value_cny'],
      ['satisfaction', 'service_recipient_satisfaction', 'satisfaction'],
    ]);
    expect(grid).toMatchObject({ year: 2025, period: '2025-06', weights_source: 'default' });
  });

  it('a flow indicator: base 2023 = 4, × 1.2² = 5.76 for 2025, × 6/12 = 2.88 to June; YTD 3 + 1,234 = 1,237; 1,237 ÷ 2.88 = 429.513889; full 6.25 points', () => {
    expect(row('ip_transfer_licence_count')).toEqual({
      key: 'ip_transfer_licence_count',
      level1: 'output',
      level2: 'quantity',
      indicator: 'ip_transfer_licence_count',
      unit: 'count',
      year: 2025,
      to_date_share: { months: 6, of: 12 },
      annual_target: 5.76,
      target_to_date: 2.88,
      actual: 1237,
      completion_rate: 429.513889,
      points: 6.25,
      score: 6.25,
      flag: null,
      null_reasons: {},
    });
    // The grid's actual is the report's own YTD figure.
    expect(row('ip_transfer_licence_count').actual).toBe(FIXTURE_REPORT.indicators.ip_transfer_licence_count.ytd);
  });

  it('cumulative indicators: the level × 24/36 by December 2025, × 18/36 by June 2025; behind ones score 0 and are flagged', () => {
    expect(row('ip_custody_sme_count')).toMatchObject({ to_date_share: { months: 18, of: 36 }, annual_target: 666.67, target_to_date: 500, actual: 0, completion_rate: 0, score: 0, flag: 'behind_target' });
    expect(row('securitization_product_count')).toMatchObject({ annual_target: 0.67, target_to_date: 0.5, actual: 0, flag: 'behind_target' });
    // 3 centres (2024-09) against 3 × 18/36 = 1.5: rate 2, capped at full points; the status agrees (met).
    expect(row('operation_centre_count')).toMatchObject({ annual_target: 2, target_to_date: 1.5, actual: 3, completion_rate: 2, score: 6.25, flag: null });
    expect(FIXTURE_REPORT.indicators.operation_centre_count.status).toBe('met');
    expect(FIXTURE_REPORT.indicators.ip_custody_sme_count.status).toBe('behind');
  });

  it('a base-year value of 0 gives a target of 0: no completion rate, no score, reason zero_target', () => {
    expect(row('pledge_amount_cny')).toMatchObject({
      annual_target: 0,
      target_to_date: 0,
      actual: 123456789.5,
      completion_rate: null,
      score: null,
      flag: null,
      null_reasons: { completion_rate: 'zero_target', score: 'zero_target' },
    });
  });

  it('a null base-year value (GI output not covered in 2023) leaves the target null with its reason, flagged data_missing', () => {
    expect(row('gi_output_value_cny')).toMatchObject({
      annual_target: null,
      target_to_date: null,
      actual: 150.25,
      completion_rate: null,
      score: null,
      flag: 'data_missing',
      null_reasons: { annual_target: 'not_covered', target_to_date: 'not_covered', completion_rate: 'not_covered', score: 'not_covered' },
    });
  });

  it('the annual patent-intensive row refers to the latest complete year (2024) and, without a classification, is null', () => {
    expect(row('patent_intensive_value_added_cny')).toMatchObject({ year: 2024, to_date_share: { months: 12, of: 12 }, actual: null, flag: 'data_missing', null_reasons: { actual: 'no_classification' } });
  });

  it('the rows the city fills are null with the reason filled_by_city, and their points are shown apart', () => {
    expect(row('satisfaction')).toMatchObject({ indicator: null, unit: 'ratio', actual: null, score: null, points: 10, flag: 'filled_by_city', null_reasons: { actual: 'filled_by_city', score: 'filled_by_city' } });
    // Scored: 7 rows × 6.25 = 43.75, of which 6.25 + 6.25 earned; to fill 10 + 10; not scored 6.25 + 7.5 × 4 = 36.25.
    expect(grid).toMatchObject({ total_points: 100, score_total: 12.5, points_scored: 43.75, points_to_fill: 20, points_not_scored: 36.25 });
  });
});

describe('selfEvaluationSection with configured weights and an annual figure', () => {
  const withAnnualValueAdded = (annual: Record<string, number | null>): Report['indicators'] => ({
    ...FIXTURE_REPORT.indicators,
    patent_intensive_value_added_cny: { ...FIXTURE_REPORT.indicators.patent_intensive_value_added_cny, annual, null_reasons: {} },
  });

  it('value added ¥1,000,000.00 in 2023, target 5 %/yr: 2024 target 1,050,000.00; 1,029,000 ÷ 1,050,000 = 0.98; 7.5 × 0.98 = 7.35', () => {
    const section = selfEvaluationSection({
      period: '2025-06',
      indicators: withAnnualValueAdded({ '2023': 1_000_000, '2024': 1_029_000 }),
      patentIntensiveYear: 2024,
      city: { ...city, targets: { ...defaultTargets, patent_intensive_value_added_cny: { kind: 'growth', value: 0.05 } } },
    });
    expect(section.rows.find((r) => r.key === 'patent_intensive_value_added_cny')).toMatchObject({
      year: 2024,
      annual_target: 1_050_000,
      target_to_date: 1_050_000,
      actual: 1_029_000,
      completion_rate: 0.98,
      score: 7.35,
      flag: 'behind_target',
      null_reasons: {},
    });
  });

  it('configured weights are used and reported as configured; scores scale with them (0 points score 0)', () => {
    const weights = { ...DEFAULT_SELF_EVALUATION_WEIGHTS, ip_transfer_licence_count: 12.5, operation_centre_count: 0 };
    const section = selfEvaluationSection({ period: '2025-06', indicators: FIXTURE_REPORT.indicators, patentIntensiveYear: null, city: { ...city, weights } });
    expect(section.weights_source).toBe('configured');
    expect(section.rows.find((r) => r.key === 'ip_transfer_licence_count')).toMatchObject({ points: 12.5, score: 12.5 });
    expect(section.rows.find((r) => r.key === 'operation_centre_count')).toMatchObject({ points: 0, score: 0 });
    expect(section).toMatchObject({ total_points: 100, score_total: 12.5, points_scored: 43.75 });
  });

  it('a report month in the base year has no growth target yet (before the programme start)', () => {
    const section = selfEvaluationSection({ period: '2023-06', indicators: FIXTURE_REPORT.indicators, patentIntensiveYear: null, city });
    expect(section.rows.find((r) => r.key === 'pledge_amount_cny')?.null_reasons).toMatchObject({ annual_target: 'before_programme_start', completion_rate: 'before_programme_start', score: 'before_programme_start' });
    expect(section.rows.find((r) => r.key === 'ip_custody_sme_count')?.null_reasons).toMatchObject({ annual_target: 'before_programme_start', target_to_date: 'before_programme_start' });
  });
});
