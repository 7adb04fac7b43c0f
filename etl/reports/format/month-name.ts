/** A report month for people: 2025年6月 / June 2025. */
import { monthNumberOf, yearOf } from '../period.ts';
import type { ReportLanguage } from './report-language.ts';

const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function formatMonthName(month: string, language: ReportLanguage): string {
  const year = yearOf(month);
  const number = monthNumberOf(month);
  return language === 'zh' ? `${year}年${number}月` : `${ENGLISH_MONTHS[number - 1]} ${year}`;
}
