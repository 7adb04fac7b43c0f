/**
 * One unit per column (issue 13): every amount of money a report shows for people is in 万元 with
 * two decimals ("10,000 yuan" in English), whatever its size, so a column can be compared by eye;
 * a count is shown in what it counts (次, 项, 家, 个). The unit is named once — in a 计量单位
 * column or in the header — and the cells carry the number alone. report.json keeps yuan.
 */
import { INDICATORS, type IndicatorId, type IndicatorUnit } from '../indicators.ts';
import { formatCount } from './count.ts';
import type { DecimalInput } from './decimal-text.ts';
import { MISSING_VALUE } from './missing-value.ts';
import { amountIn, type MoneyScale } from './money.ts';
import type { ReportLanguage } from './report-language.ts';

/** 万元: the money unit of every table, tile and figure of report.html. */
export function moneyDisplayScale(language: ReportLanguage): MoneyScale {
  return { divisor: 10_000, unit: language === 'zh' ? '万元' : '10,000 yuan' };
}

/** The unit an indicator's figures are shown in: 万元 for money, what a count counts otherwise. */
export function indicatorDisplayUnit(id: IndicatorId, language: ReportLanguage): string {
  const indicator = INDICATORS[id];
  if (indicator.unit === 'cny') return moneyDisplayScale(language).unit;
  return language === 'zh' ? indicator.unitZh : indicator.unitEn;
}

/** A figure as the number alone, in the display unit: yuan ÷ 10,000 to 2 decimals, rounded once on the exact quotient; counts grouped. */
export function displayAmount(value: DecimalInput | null, unit: IndicatorUnit, language: ReportLanguage): string {
  if (value === null) return MISSING_VALUE;
  return unit === 'cny' ? amountIn(value, moneyDisplayScale(language), 2) : formatCount(value);
}

/** Money with its unit, for a figure that stands alone (a note, a total outside a table): "1,234.57 万元". */
export function displayMoney(yuan: DecimalInput | null, language: ReportLanguage): string {
  if (yuan === null) return MISSING_VALUE;
  const scale = moneyDisplayScale(language);
  return `${amountIn(yuan, scale, 2)} ${scale.unit}`;
}
