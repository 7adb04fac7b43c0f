/**
 * The Chinese unit of each indicator's figures in report.xlsx: 元 for money, the counted thing's
 * measure word for counts (次 transfers, 项 projects, 家 enterprises, 个 products and centres),
 * the units of etl/reports/methods/indicator-methods.ts. Securitisation products are counted in
 * 单 there; the workbook's unit vocabulary (元 次 项 件 家 个) writes them 个.
 */
import { INDICATORS, type IndicatorId } from '../indicators.ts';
import { WAN_YUAN } from './wan-yuan.ts';

export type IndicatorUnitZh = '元' | '次' | '项' | '件' | '家' | '个';

const UNIT_ZH: Readonly<Record<IndicatorId, IndicatorUnitZh>> = {
  ip_transfer_licence_count: '次',
  pledge_amount_cny: '元',
  pledge_project_count: '项',
  patent_contract_turnover_cny: '元',
  sme_university_patent_count: '家',
  securitization_product_count: '个',
  patent_navigation_project_count: '个',
  ip_certified_entity_count: '家',
  ip_custody_sme_count: '家',
  operation_centre_count: '个',
  patent_intensive_value_added_cny: '元',
  gi_output_value_cny: '元',
};

/** The unit of the indicator's exact figures: 元 for money (the long table), else its count unit. */
export function unitZhOf(id: IndicatorId): IndicatorUnitZh {
  return UNIT_ZH[id];
}

/** The unit of the indicator in the formatted sheets: 万元 for money, else its count unit. */
export function displayUnitZhOf(id: IndicatorId): string {
  return INDICATORS[id].unit === 'cny' ? WAN_YUAN : UNIT_ZH[id];
}
