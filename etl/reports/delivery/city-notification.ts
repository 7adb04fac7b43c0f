/**
 * The notification a city receives when its monthly report is ready: Chinese text with the
 * headline figures, the status counts and links to the report's files. The subject is ASCII
 * because SNS rejects non-ASCII subjects; the Chinese title is the message's first line.
 */
import { displayAmount, indicatorDisplayUnit } from '../format/display-unit.ts';
import { MISSING_VALUE } from '../format/missing-value.ts';
import { formatMonthName } from '../format/month-name.ts';
import { formatGrowth } from '../format/percent.ts';
import type { ReportFormat } from '../format/report-format.ts';
import { LABELS_ZH } from '../html/labels-zh.ts';
import { HEADLINE_INDICATORS } from '../html/sections/headline-tiles.ts';
import { INDICATORS } from '../indicators.ts';
import { INDICATOR_STATUSES } from '../indicator-status.ts';
import type { Report } from '../report-schema.ts';
import type { ReportLinks } from './report-link.ts';

export interface CityNotification {
  readonly cityCode: string;
  readonly cityName: string;
  readonly period: string;
  /** Addresses from the city configuration (`contacts`); SNS subscriptions decide who receives it in AWS. */
  readonly recipients: readonly string[];
  /** ASCII, under 100 characters (SNS limit). */
  readonly subject: string;
  readonly message: string;
  /** SNS message attributes, so a subscription filter policy can route by city. */
  readonly attributes: Readonly<Record<'city_code' | 'period', string>>;
}

const FORMAT_NAMES_ZH: Readonly<Record<ReportFormat, string>> = { html: '网页版', xlsx: '表格版', json: '数据版' };

/** 2025-12-12 10:00 in Beijing time, whatever the machine's time zone. */
function beijingTime(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

export function composeCityNotification(input: { readonly report: Report; readonly links: ReportLinks; readonly recipients?: readonly string[] }): CityNotification {
  const { report, links } = input;
  const title = LABELS_ZH.reportTitle(report.city.name, formatMonthName(report.period, 'zh'));
  const headline = HEADLINE_INDICATORS.map((id) => {
    const figures = report.indicators[id];
    // The units of report.html: 万元 for money, what a count counts.
    const value = figures.ytd === null ? MISSING_VALUE : `${displayAmount(figures.ytd, INDICATORS[id].unit, 'zh')} ${indicatorDisplayUnit(id, 'zh')}`;
    return `- ${INDICATORS[id].nameZh}：${value}（同比 ${formatGrowth(figures.yoy_growth)}）`;
  });
  const statuses = Object.values(report.indicators).map((figures) => figures.status);
  const statusLine = INDICATOR_STATUSES.map((status) => `${LABELS_ZH.status[status].replace(/^\S+\s/, '')} ${statuses.filter((one) => one === status).length} 项`).join('，');
  const validity = links.expiresAt === null ? '' : `（链接有效期至北京时间 ${beijingTime(links.expiresAt)}）`;
  const linkLines = links.links.map((link) => `- ${FORMAT_NAMES_ZH[link.format]} ${link.key.split('/').pop()}：${link.url}`);
  const message = [
    `${title}已生成。`,
    '',
    '主要指标（本年累计）：',
    ...headline,
    '',
    `指标完成情况：${statusLine}。`,
    ...revisionLines(report),
    '',
    `报告下载${validity}：`,
    ...linkLines,
    '',
    '本消息由 ipstats 自动发送，请勿直接回复。',
  ].join('\n');
  return {
    cityCode: report.city.code,
    cityName: report.city.name,
    period: report.period,
    recipients: [...(input.recipients ?? [])],
    subject: `ipstats monthly IP report ${report.city.code} ${report.period}`,
    message,
    attributes: { city_code: report.city.code, period: report.period },
  };
}

/** One line when the report revises figures published earlier (its 修订说明), none otherwise. */
function revisionLines(report: Report): string[] {
  const { compared_with: comparedWith, changes } = report.revisions;
  if (comparedWith === null || changes.length === 0) return [];
  return ['', `数据修订：与${formatMonthName(comparedWith.period, 'zh')}报告相比，${changes.length} 项已发布数据有修订，详见报告“修订说明”。`];
}
