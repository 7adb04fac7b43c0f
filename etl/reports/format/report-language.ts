/** The languages a human-readable report is written in: Chinese by default, English on request. */
export const REPORT_LANGUAGES = ['zh', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export function isReportLanguage(value: string): value is ReportLanguage {
  return (REPORT_LANGUAGES as readonly string[]).includes(value);
}
