import { describe, expect, it } from 'vitest';
import { labelsFor } from '../../../../etl/reports/html/labels.ts';
import { statusReason } from '../../../../etl/reports/html/status-reason.ts';
import type { Report } from '../../../../etl/reports/report-schema.ts';
import type { SelfEvaluationRow } from '../../../../etl/reports/self-evaluation-schema.ts';
import { FIXTURE_REPORT } from './report-fixture.ts';

const zh = labelsFor('zh');
const en = labelsFor('en');
const gi = FIXTURE_REPORT.indicators.gi_output_value_cny;
const centres = FIXTURE_REPORT.indicators.operation_centre_count;
const centresRow = FIXTURE_REPORT.self_evaluation.rows.find((row) => row.indicator === 'operation_centre_count')!;

type Figures = Report['indicators']['gi_output_value_cny'];
const growth = (changes: Partial<Figures>): Figures => ({ ...gi, null_reasons: {}, ...changes });

describe('statusReason: the one line a status was judged on', () => {
  it('met on the CAGR, with this year\'s fall beside it (the issue\'s GI tile)', () => {
    const figures = growth({ cagr_since_base: 0.046, yoy_growth: -0.106, target: { kind: 'growth', value: 0 }, status: 'met' });
    expect(statusReason('gi_output_value_cny', figures, undefined, 'zh', zh)).toBe('较基期年均增长 +4.6% > 0 → 已达标；本年同比 -10.6%');
  });

  it('on track: the CAGR short of the target, the year to date at or above it', () => {
    const figures = growth({ cagr_since_base: 0.1, yoy_growth: 0.2, target: { kind: 'growth', value: 0.2 }, status: 'on_track' });
    expect(statusReason('gi_output_value_cny', figures, undefined, 'zh', zh)).toBe('较基期年均增长 +10.0% < 目标 20%；本年同比 +20.0% ≥ 目标 20% → 进度正常');
    expect(statusReason('gi_output_value_cny', figures, undefined, 'en', en)).toBe('CAGR since base year +10.0% < target 20%; YTD year on year +20.0% ≥ target 20% → on track');
  });

  it('behind, printed with the decimals that keep a near miss below its target', () => {
    const figures = growth({ cagr_since_base: 0.199996, yoy_growth: 0.1996, target: { kind: 'growth', value: 0.2 }, status: 'behind' });
    expect(statusReason('gi_output_value_cny', figures, undefined, 'zh', zh)).toBe('较基期年均增长 +19.9996% < 目标 20%；本年同比 +19.96% < 目标 20% → 落后');
  });

  it('a growth target of 0 needs a rate above 0: exactly 0 is no growth', () => {
    const figures = growth({ cagr_since_base: 0, yoy_growth: 0, target: { kind: 'growth', value: 0 }, status: 'behind' });
    expect(statusReason('gi_output_value_cny', figures, undefined, 'zh', zh)).toBe('较基期年均增长 0.0% ≤ 0（未增长）；本年同比 0.0% ≤ 0（未增长） → 落后');
  });

  it('a rate that cannot be computed says why', () => {
    const figures = growth({ cagr_since_base: null, yoy_growth: 0.5, target: { kind: 'growth', value: 0.3 }, status: 'on_track', null_reasons: { cagr_since_base: 'not_covered' } });
    expect(statusReason('gi_output_value_cny', figures, undefined, 'zh', zh)).toBe('较基期年均增长：数据未覆盖该时段；本年同比 +50.0% ≥ 目标 30% → 进度正常');
  });

  it('no status: why it cannot be judged', () => {
    const figures = growth({ cagr_since_base: null, yoy_growth: null, status: 'no_data', null_reasons: { cagr_since_base: 'zero_base', yoy_growth: 'zero_base', status: 'zero_base' } });
    expect(statusReason('gi_output_value_cny', figures, undefined, 'zh', zh)).toBe('无法评价：基数为零，增长率无法计算');
  });

  it('cumulative: met against the target, on track against the line to date (target × months ÷ 36), behind below it', () => {
    expect(statusReason('operation_centre_count', centres, centresRow, 'zh', zh)).toBe('建设期累计 3 个 ≥ 目标 3 个 → 已达标');
    // Target 5 at 18 of 36 months: the line is 2.5.
    const row: SelfEvaluationRow = { ...centresRow, target_to_date: 2.5, to_date_share: { months: 18, of: 36 } };
    const five = { ...centres, target: { kind: 'cumulative' as const, value: 5 } };
    expect(statusReason('operation_centre_count', { ...five, status: 'on_track' }, row, 'zh', zh)).toBe('建设期累计 3 个 < 目标 5 个，≥ 序时进度 2.5（18/36 个月） → 进度正常');
    expect(statusReason('operation_centre_count', { ...five, cumulative: 2, status: 'behind' }, row, 'zh', zh)).toBe('建设期累计 2 个 < 序时进度 2.5（18/36 个月） → 落后');
    expect(statusReason('operation_centre_count', { ...five, cumulative: 2, status: 'behind' }, row, 'en', en)).toBe('cumulative 2 centres < expected to date 2.5 (18/36 months) → behind');
  });
});
