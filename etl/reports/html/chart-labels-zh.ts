/** Chinese wording of the charts' captions, text alternatives and data tables (ReportLabels.charts). */
import type { BarDescriptionFacts, ChartLabels, TrendDescriptionFacts } from './chart-labels.ts';

function trendDescription(facts: TrendDescriptionFacts): string {
  const { reportMonth, highest } = facts;
  const sentences = [
    `${facts.from}至${facts.to}每月${facts.title}（${facts.unit}）`,
    reportMonth.value === null ? `报告月${reportMonth.name}无数据（${reportMonth.reason ?? ''}）` : `报告月${reportMonth.name}为 ${reportMonth.value}`,
    facts.last12Total === null ? '最近12个月中有无数据的月份，不计合计' : `最近12个月合计 ${facts.last12Total}`,
    highest === null ? null : highest.months.length === 1 ? `最高为${highest.months[0]} ${highest.value}` : `最高为${highest.months.join('、')}，均为 ${highest.value}`,
    facts.allZero ? '有数据的月份均为 0' : null,
    facts.gaps.length === 0 ? null : `无数据的月份：${facts.gaps.map((gap) => `${gap.from === gap.to ? gap.from : `${gap.from}至${gap.to}`}（${gap.reason}）`).join('；')}`,
  ];
  const [what, ...details] = sentences.filter((sentence) => sentence !== null);
  return `${what!}。${details.join('；')}。`;
}

function barDescription(facts: BarDescriptionFacts): string {
  // One series: the title names it already.
  const series = facts.series.map(({ name, highest, allZero }) => {
    const who = facts.series.length === 1 ? '' : `${name}：`;
    if (highest === null) return `${who}${allZero ? '各项均为 0' : '无数据'}`;
    return highest.labels.length === 1 ? `${who}最高为${highest.labels[0]!}（${highest.value}）` : `${who}最高为${highest.labels.join('、')}（均为 ${highest.value}）`;
  });
  return `${facts.title}，共${facts.categoryCount}项：${series.join('；')}。`;
}

export const CHART_LABELS_ZH: ChartLabels = {
  titleWithUnit: (title, unit) => `${title}（${unit}）`,
  amount: (amount, unit) => `${amount} ${unit}`,
  trendDescription,
  barDescription,
  dataInTable: '各项数据见表：',
  showData: '查看数据',
  trendTableCaption: (titleWithUnit, from, to) => `${titleWithUnit}，${from}至${to}`,
  month: '月份',
  value: (unit) => `数值（${unit}）`,
  note: '说明',
  reportMonth: '报告月',
  giTableCaption: (year) => `${year}年各地理标志产品本年累计产值及用标主体数`,
  patentIntensiveTableCaption: '专利密集型产业增加值及构成（按产业类别）',
};
