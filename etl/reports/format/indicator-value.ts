/** A figure of an indicator in its unit: money with 万元/亿元, counts grouped. */
import type { IndicatorUnit } from '../indicators.ts';
import { formatCount } from './count.ts';
import type { DecimalInput } from './decimal-text.ts';
import { formatMoney } from './money.ts';
import type { ReportLanguage } from './report-language.ts';

export function formatIndicatorValue(value: DecimalInput | null, unit: IndicatorUnit, language: ReportLanguage): string {
  return unit === 'cny' ? formatMoney(value, language) : formatCount(value);
}
