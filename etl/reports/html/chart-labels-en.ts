/** English wording of the charts' captions, text alternatives and data tables (ReportLabels.charts). */
import type { BarDescriptionFacts, ChartLabels, TrendDescriptionFacts } from './chart-labels.ts';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const list = (items: readonly string[]) => (items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`);

function trendDescription(facts: TrendDescriptionFacts): string {
  const { reportMonth, highest } = facts;
  const sentences = [
    `${facts.title} each month from ${facts.from} to ${facts.to} (${facts.unit})`,
    reportMonth.value === null ? `report month ${reportMonth.name}: no figure (${reportMonth.reason ?? ''})` : `report month ${reportMonth.name}: ${reportMonth.value}`,
    facts.last12Total === null ? 'the last 12 months include months without a figure, so no total' : `last 12 months in total: ${facts.last12Total}`,
    highest === null ? null : highest.months.length === 1 ? `highest: ${highest.months[0]!}, ${highest.value}` : `highest: ${list(highest.months)}, ${highest.value} each`,
    facts.allZero ? 'every month with a figure is 0' : null,
    facts.gaps.length === 0 ? null : `no figure for ${facts.gaps.map((gap) => `${gap.from === gap.to ? gap.from : `${gap.from} to ${gap.to}`} (${gap.reason})`).join('; ')}`,
  ];
  const [what, ...details] = sentences.filter((sentence) => sentence !== null);
  return `${what!}. ${capitalised(details.join('; '))}.`;
}

function barDescription(facts: BarDescriptionFacts): string {
  // One series: the title names it already.
  const series = facts.series.map(({ name, highest, allZero }) => {
    const who = facts.series.length === 1 ? '' : `${name}: `;
    if (highest === null) return `${who}${allZero ? 'every bar is 0' : 'no figures'}`;
    return highest.labels.length === 1 ? `${who}highest ${highest.labels[0]!} (${highest.value})` : `${who}highest ${list(highest.labels)} (${highest.value} each)`;
  });
  return `${facts.title}, ${facts.categoryCount} items: ${series.join('; ')}.`;
}

export const CHART_LABELS_EN: ChartLabels = {
  titleWithUnit: (title, unit) => `${title} (${unit})`,
  amount: (amount, unit, kind) => (kind === 'count' ? amount : `${unit} ${amount}`),
  trendDescription,
  barDescription,
  dataInTable: 'The figures are in the table ',
  showData: 'Show the data',
  trendTableCaption: (titleWithUnit, from, to) => `${titleWithUnit}, ${from} to ${to}`,
  month: 'Month',
  value: (unit) => `Value (${unit})`,
  note: 'Note',
  reportMonth: 'report month',
  giTableCaption: (year) => `GI products: output value and users, ${year} year to date`,
  patentIntensiveTableCaption: 'Value added of patent-intensive industries and mix, by category',
};
