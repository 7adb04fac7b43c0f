/**
 * Yuan amounts for people: 亿元 from one hundred million, 万元 from ten thousand, 元 below (Chinese);
 * "CNY … million / billion" in English. Two decimals in the chosen unit.
 */
import { groupedNumber } from './grouped-number.ts';
import { MISSING_VALUE } from './missing-value.ts';
import type { ReportLanguage } from './report-language.ts';

const YI = 100_000_000;
const WAN = 10_000;

export interface MoneyScale {
  readonly divisor: number;
  readonly unit: string;
}

/** The unit a Chinese reader expects for an amount of this size (also used to label chart axes). */
export function moneyScale(magnitude: number, language: ReportLanguage): MoneyScale {
  const size = Math.abs(magnitude);
  if (language === 'zh') {
    if (size >= YI) return { divisor: YI, unit: '亿元' };
    if (size >= WAN) return { divisor: WAN, unit: '万元' };
    return { divisor: 1, unit: '元' };
  }
  if (size >= 1e9) return { divisor: 1e9, unit: 'CNY bn' };
  if (size >= 1e6) return { divisor: 1e6, unit: 'CNY m' };
  return { divisor: 1, unit: 'CNY' };
}

export function formatMoney(yuan: number | null, language: ReportLanguage): string {
  if (yuan === null) return MISSING_VALUE;
  const { divisor, unit } = moneyScale(yuan, language);
  const amount = groupedNumber(yuan / divisor, 2);
  return language === 'zh' ? `${amount} ${unit}` : `${unit} ${amount}`;
}
