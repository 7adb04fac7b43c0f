/** gi_output — output reported by authorised GI-mark users (地理标志产品产值). */
import type { z } from 'zod';
import { defineDataset } from './define-dataset.ts';
import { boolean, cityCode, money, period, quantity, text, uscc } from './fields.ts';
import { giIdField } from './gi-products.ts';

export const giOutput = defineDataset({
  name: 'gi_output',
  titleZh: '地理标志产品产值',
  fields: {
    gi_id: giIdField(),
    producer_name: text({ zh: '使用人名称', zhHant: '使用人名稱', required: true }),
    producer_uscc: uscc({ zh: '使用人统一社会信用代码', zhHant: '使用人統一社會信用代碼', required: true }),
    city_code: cityCode({ zh: '使用人行政区划代码', zhHant: '使用人行政區劃代碼', required: true }),
    period: period({ zh: '统计期', zhHant: '統計期', required: true }),
    output_value_cny: money({ zh: '产值', zhHant: '產值', required: true, sign: 'non_negative' }),
    quantity: quantity({ zh: '产量', zhHant: '產量', required: false }),
    unit: text({ zh: '计量单位', zhHant: '計量單位', required: false }),
    uses_special_mark: boolean({ zh: '是否使用专用标志', zhHant: '是否使用專用標誌', required: true, aliases: ['是否使用專用標志'] }),
  },
  key: ['gi_id', 'producer_uscc', 'period'],
  partitioning: { kind: 'month', column: 'period' },
});

export type GiOutputRow = z.infer<typeof giOutput.schema>;
