/**
 * Yuan amounts for people: 亿元 from one hundred million, 万元 from ten thousand, 元 below (Chinese);
 * "CNY … million / billion" in English. Two decimals in the chosen unit, rounded half away from
 * zero on the exact quotient (123,456,789,012.35 元 → 1,234.57 亿元), never on yuan / divisor as a double.
 */
import { compareMagnitude, roundedQuotient, type DecimalInput } from './decimal-text.ts';
import { groupDigits } from './grouped-number.ts';
import { MISSING_VALUE } from './missing-value.ts';
import type { ReportLanguage } from './report-language.ts';

const YI = 100_000_000;
const WAN = 10_000;

export interface MoneyScale {
  /** Yuan per unit; a double only positions chart bars, printed amounts divide exactly (amountIn). */
  readonly divisor: number;
  readonly unit: string;
}

/** The unit a Chinese reader expects for an amount of this size (also used to label chart axes). */
export function moneyScale(magnitude: DecimalInput, language: ReportLanguage): MoneyScale {
  const atLeast = (threshold: number) => compareMagnitude(magnitude, threshold) >= 0;
  if (language === 'zh') {
    if (atLeast(YI)) return { divisor: YI, unit: '亿元' };
    if (atLeast(WAN)) return { divisor: WAN, unit: '万元' };
    return { divisor: 1, unit: '元' };
  }
  if (atLeast(1e9)) return { divisor: 1e9, unit: 'CNY bn' };
  if (atLeast(1e6)) return { divisor: 1e6, unit: 'CNY m' };
  return { divisor: 1, unit: 'CNY' };
}

/** yuan in the scale's unit, grouped, rounded once on the exact quotient: amountIn(123456789012.35, 亿元) = "1,234.57". */
export function amountIn(yuan: DecimalInput, scale: MoneyScale, decimals = 2): string {
  return groupDigits(roundedQuotient(yuan, scale.divisor, decimals));
}

export function formatMoney(yuan: DecimalInput | null, language: ReportLanguage): string {
  if (yuan === null) return MISSING_VALUE;
  const scale = moneyScale(yuan, language);
  const amount = amountIn(yuan, scale);
  return language === 'zh' ? `${amount} ${scale.unit}` : `${scale.unit} ${amount}`;
}
