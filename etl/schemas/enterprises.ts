/** enterprises — enterprise register extract (企业名录). */
import type { z } from 'zod';
import { defineDataset } from './define-dataset.ts';
import { boolean, cityCode, industryCode, integer, INTEGER_MAX, text, uscc } from './fields.ts';

export function enterpriseUsccField() {
  return uscc({ zh: '统一社会信用代码', zhHant: '統一社會信用代碼', required: true });
}

export const enterprises = defineDataset({
  name: 'enterprises',
  titleZh: '企业名录',
  fields: {
    uscc: enterpriseUsccField(),
    name: text({ zh: '企业名称', zhHant: '企業名稱', required: true }),
    city_code: cityCode({ zh: '行政区划代码', zhHant: '行政區劃代碼', required: true }),
    industry_code: industryCode({ zh: '行业代码', zhHant: '行業代碼', required: true }),
    is_sme: boolean({ zh: '是否中小企业', zhHant: '是否中小企業', required: true }),
    is_above_scale: boolean({ zh: '是否规模以上', zhHant: '是否規模以上', required: false }),
    employees: integer({ zh: '从业人员', zhHant: '從業人員', required: false, min: 0, max: INTEGER_MAX }),
  },
  key: ['uscc'],
  partitioning: { kind: 'none' },
});

export type EnterpriseRow = z.infer<typeof enterprises.schema>;
