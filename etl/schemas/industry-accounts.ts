/** industry_accounts — value added by industry class (分行业增加值). */
import type { z } from 'zod';
import { defineDataset } from './define-dataset.ts';
import { cityCode, industryCode, money } from './fields.ts';
import { yearField } from './year-field.ts';

export const industryAccounts = defineDataset({
  name: 'industry_accounts',
  titleZh: '分行业增加值',
  fields: {
    city_code: cityCode({ zh: '行政区划代码', zhHant: '行政區劃代碼', required: true }),
    year: yearField(),
    industry_code: industryCode({ zh: '行业代码', zhHant: '行業代碼', required: true }),
    value_added_cny: money({ zh: '增加值', zhHant: '增加值', required: true, sign: 'non_negative' }),
  },
  // Keyed by the code as given: a bureau may report by district (docs/lake.md).
  key: ['admin_code', 'year', 'industry_code'],
  partitioning: { kind: 'year', column: 'year' },
});

export type IndustryAccountsRow = z.infer<typeof industryAccounts.schema>;
