import { describe, expect, it } from 'vitest';
import { barDescriptionFacts, describeBars, describeTrend, trendDescriptionFacts, type TrendSeries } from '../../../../etl/reports/html/chart-description.ts';
import { labelsFor } from '../../../../etl/reports/html/labels.ts';
import type { NullReason } from '../../../../etl/reports/null-reasons.ts';
import { addMonths } from '../../../../etl/reports/period.ts';
import { trendScale } from '../../../../etl/reports/html/trend-scale.ts';

const zh = labelsFor('zh');
const en = labelsFor('en');

/** 24 months from 2024-01 to 2025-12 with the given values; null months get `reason` unless listed in `reasons`. */
function series(values: (number | null)[], reasons: Partial<Record<number, NullReason>> = {}): TrendSeries {
  if (values.length !== 24) throw new Error(`24 values expected, got ${values.length}`);
  return {
    months: values.map((_, index) => addMonths('2024-01', index)),
    values,
    reasons: values.map((value, index) => (value === null ? (reasons[index] ?? 'not_covered') : null)),
  };
}

const money = (values: (number | null)[], reasons?: Partial<Record<number, NullReason>>) => {
  const trend = series(values, reasons);
  return { title: '知识产权质押融资金额', kind: 'cny' as const, series: trend, scale: trendScale('cny', 'zh', '次'), language: 'zh' as const, labels: zh };
};

describe('the text alternative of a trend chart', () => {
  // 2024-01..03 not covered, 2024-04 a true zero, two highest months (2024-06 and 2025-02), the report month 2025-12.
  const values = [null, null, null, 0, 150_000_000, 250_000_000.5, ...Array<number>(7).fill(10_000_000), 250_000_000.5, ...Array<number>(9).fill(1_000_000), 10_050];

  it('states the span, the report month, the last 12 months in total, the highest months (tied) and the months without a figure', () => {
    expect(describeTrend(money(values))).toBe(
      '2024年1月至2025年12月每月知识产权质押融资金额（万元）。报告月2025年12月为 1.01 万元；最近12个月合计 26,901.01 万元；最高为2024年6月、2025年2月，均为 25,000.00 万元；无数据的月份：2024年1月至2024年3月（数据未覆盖该时段）。',
    );
  });

  it('sums the exact figures: 10,050 元 is 1.005 万元, printed 1.01 (as a double ÷ 10^4 it is 1.00499…)', () => {
    const facts = trendDescriptionFacts(money(values));
    expect(facts.reportMonth).toEqual({ name: '2025年12月', value: '1.01 万元', reason: null });
    // 1,000 + 25,000.00005 + 9 × 100 + 1.005 万元 = 26,901.00505 万元 → 26,901.01
    expect(facts.last12Total).toBe('26,901.01 万元');
  });

  it('gives no total when one of the last 12 months has no figure, and says why the report month has none', () => {
    const gaps = [...values.slice(0, 20), null, 5, 5, null];
    const facts = trendDescriptionFacts(money(gaps, { 20: 'not_covered', 23: 'not_yet_reported' }));
    expect(facts.last12Total).toBeNull();
    expect(facts.reportMonth).toEqual({ name: '2025年12月', value: null, reason: '数据源尚未报送' });
    // Consecutive months are one run only when they have the same reason.
    expect(facts.gaps).toEqual([
      { from: '2024年1月', to: '2024年3月', reason: '数据未覆盖该时段' },
      { from: '2025年9月', to: '2025年9月', reason: '数据未覆盖该时段' },
      { from: '2025年12月', to: '2025年12月', reason: '数据源尚未报送' },
    ]);
    expect(describeTrend(money(gaps, { 20: 'not_covered', 23: 'not_yet_reported' }))).toContain(
      '报告月2025年12月无数据（数据源尚未报送）；最近12个月中有无数据的月份，不计合计；最高为2024年6月、2025年2月，均为 25,000.00 万元；无数据的月份：2024年1月至2024年3月（数据未覆盖该时段）；2025年9月（数据未覆盖该时段）；2025年12月（数据源尚未报送）。',
    );
  });

  it('says every month is 0 rather than naming 24 highest months', () => {
    const facts = trendDescriptionFacts(money(Array<number>(24).fill(0)));
    expect(facts).toMatchObject({ highest: null, allZero: true, last12Total: '0.00 万元', gaps: [] });
    expect(describeTrend(money(Array<number>(24).fill(0)))).toBe('2024年1月至2025年12月每月知识产权质押融资金额（万元）。报告月2025年12月为 0.00 万元；最近12个月合计 0.00 万元；有数据的月份均为 0。');
  });

  it('says that no month has a figure when none has', () => {
    const facts = trendDescriptionFacts(money(Array<null>(24).fill(null)));
    expect(facts).toMatchObject({ highest: null, allZero: false, last12Total: null, gaps: [{ from: '2024年1月', to: '2025年12月', reason: '数据未覆盖该时段' }] });
  });

  it('words counts with their unit, and English without a unit after a count', () => {
    const trend = series([...Array<number>(22).fill(3), 1234, 1234]);
    const input = { title: 'IP transfers and licences', kind: 'count' as const, series: trend, scale: trendScale('count', 'en', 'count'), language: 'en' as const, labels: en };
    expect(describeTrend(input)).toBe(
      'IP transfers and licences each month from January 2024 to December 2025 (count). Report month December 2025: 1,234; last 12 months in total: 2,498; highest: November 2025 and December 2025, 1,234 each.',
    );
    expect(describeTrend({ ...input, title: '知识产权转让、许可次数', scale: trendScale('count', 'zh', '次'), language: 'zh', labels: zh })).toContain('报告月2025年12月为 1,234 次；最近12个月合计 2,498 次');
  });

  it('refuses a series whose values do not match its months', () => {
    const trend = series(Array<number>(24).fill(1));
    expect(() => trendDescriptionFacts({ ...money(trend.values as number[]), series: { ...trend, values: trend.values.slice(1) } })).toThrow('a trend needs one value and one reason per month: 24 months, 23 values, 24 reasons');
  });
});

describe('the text alternative of a bar chart', () => {
  const categories = ['甲', '乙', '丙'];

  it('names the highest bar of each series with its printed figure, ties together', () => {
    const input = {
      title: '产业类别 · 本市构成 / 全国构成（2023年）',
      categories,
      series: [
        { name: '本市', values: [0.4, 0.2, 0.4], texts: ['40.0%', '20.0%', '40.0%'] },
        { name: '全国 2023', values: [0.1, 0.5, null], texts: ['10.0%', '50.0%', null] },
      ],
      labels: zh,
    };
    expect(describeBars(input)).toBe('产业类别 · 本市构成 / 全国构成（2023年），共3项：本市：最高为甲、丙（均为 40.0%）；全国 2023：最高为乙（50.0%）。');
  });

  it('leaves the series name out when there is one series, and says when every bar is 0 or none has a figure', () => {
    const one = (values: (number | null)[]) => describeBars({ title: '本年累计产值（元）', categories, series: [{ name: '本年累计产值', values, texts: values.map((value) => (value === null ? null : `${value} 元`)) }], labels: zh });
    expect(one([5, 7, 6])).toBe('本年累计产值（元），共3项：最高为乙（7 元）。');
    expect(one([0, 0, 0])).toBe('本年累计产值（元），共3项：各项均为 0。');
    expect(one([null, null, null])).toBe('本年累计产值（元），共3项：无数据。');
    expect(barDescriptionFacts({ title: 't', categories, series: [{ name: 's', values: [0, null, 0], texts: ['0', null, '0'] }], labels: zh }).series[0]).toEqual({ name: 's', highest: null, allZero: true });
  });

  it('refuses a series without one value per category', () => {
    expect(() => describeBars({ title: 't', categories, series: [{ name: 's', values: [1], texts: ['1'] }], labels: en })).toThrow('bar series "s" has 1 values and 1 texts for 3 categories');
  });
});
