/**
 * The Chinese unit of an indicator in report.xlsx: INDICATORS' unitZh (元 for money, the counted
 * thing's measure word for counts) for exact figures (长表数据), and 万元 in place of 元 in the
 * formatted sheets (wan-yuan.ts).
 */
import { INDICATORS, type IndicatorId, type IndicatorUnitZh } from '../indicators.ts';
import { WAN_YUAN } from './wan-yuan.ts';

/** The unit of the indicator's exact figures: 元 for money (the long table), else its count unit. */
export function unitZhOf(id: IndicatorId): IndicatorUnitZh {
  return INDICATORS[id].unitZh;
}

/** The unit of the indicator in the formatted sheets: 万元 for money, else its count unit. */
export function displayUnitZhOf(id: IndicatorId): string {
  return INDICATORS[id].unit === 'cny' ? WAN_YUAN : INDICATORS[id].unitZh;
}
