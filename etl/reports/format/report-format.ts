/** The files a report is written as. report.json is always written (docs/report-contract.md). */
export const REPORT_FORMATS = ['json', 'html', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_FILE_NAMES: Readonly<Record<ReportFormat, string>> = {
  json: 'report.json',
  html: 'report.html',
  xlsx: 'report.xlsx',
};

export const REPORT_CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  json: 'application/json',
  html: 'text/html; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}
