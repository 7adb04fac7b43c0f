/** gi_products — geographic indications (地理标志). */
import type { z } from 'zod';
import { defineDataset } from './define-dataset.ts';
import { GI_PROTECTION_TYPES } from './enums.ts';
import { boolean, cityCode, date, enumeration, text } from './fields.ts';

export function giIdField() {
  return text({ zh: '地理标志编号', zhHant: '地理標誌編號', required: true, aliases: ['地理標志編號'] });
}

export const giProducts = defineDataset({
  name: 'gi_products',
  titleZh: '地理标志',
  fields: {
    gi_id: giIdField(),
    name: text({ zh: '产品名称', zhHant: '產品名稱', required: true }),
    protection_type: enumeration({ zh: '保护类型', zhHant: '保護類型', required: true }, GI_PROTECTION_TYPES),
    city_code: cityCode({ zh: '行政区划代码', zhHant: '行政區劃代碼', required: true }),
    category: text({ zh: '产品类别', zhHant: '產品類別', required: false }),
    approval_date: date({ zh: '批准日', zhHant: '批准日', required: true }),
    in_promotion_project: boolean({ zh: '是否实施运用促进工程', zhHant: '是否實施運用促進工程', required: true }),
  },
  key: ['gi_id'],
  partitioning: { kind: 'none' },
});

export type GiProductRow = z.infer<typeof giProducts.schema>;
