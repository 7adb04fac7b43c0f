/** The words of a status's one-line reason (status-reason.ts), in Chinese and English. */
export interface StatusReasonLabels {
  readonly cagr: string;
  /** The year-to-date growth of a monthly indicator. */
  readonly ytdGrowth: string;
  /** The growth of the latest year of an annual indicator. */
  readonly annualGrowth: string;
  readonly cumulative: string;
  readonly target: string;
  /** A growth target of 0 means "any growth": the rate must be above 0. */
  readonly aboveZero: string;
  readonly notAboveZero: string;
  /** A rate that cannot be computed, with why: "较基期年均增长：基数为零，增长率无法计算". */
  readonly cannotCompute: (name: string, why: string) => string;
  /** The straight line of a cumulative target to date: "序时进度 2.5（18/36 个月）". */
  readonly lineToDate: (value: string, months: number, of: number) => string;
  readonly notJudged: (why: string) => string;
  /** Between two comparisons. */
  readonly separator: string;
  /** Before the status a comparison leads to. */
  readonly leadsTo: string;
}

export const STATUS_REASON_LABELS_ZH: StatusReasonLabels = {
  cagr: '较基期年均增长',
  ytdGrowth: '本年同比',
  annualGrowth: '年度增长',
  cumulative: '建设期累计',
  target: '目标',
  aboveZero: '> 0',
  notAboveZero: '≤ 0（未增长）',
  cannotCompute: (name, why) => `${name}：${why}`,
  lineToDate: (value, months, of) => `序时进度 ${value}（${months}/${of} 个月）`,
  notJudged: (why) => `无法评价：${why}`,
  separator: '；',
  leadsTo: ' → ',
};

export const STATUS_REASON_LABELS_EN: StatusReasonLabels = {
  cagr: 'CAGR since base year',
  ytdGrowth: 'YTD year on year',
  annualGrowth: 'annual growth',
  cumulative: 'cumulative',
  target: 'target',
  aboveZero: '> 0',
  notAboveZero: '≤ 0 (no growth)',
  cannotCompute: (name, why) => `${name}: ${why}`,
  lineToDate: (value, months, of) => `expected to date ${value} (${months}/${of} months)`,
  notJudged: (why) => `not judged: ${why}`,
  separator: '; ',
  leadsTo: ' → ',
};
