/** city_accounts — city GDP (地区生产总值) and resident population (常住人口). */
import type { z } from 'zod';
import { defineDataset } from './define-dataset.ts';
import { cityCode, integer, INTEGER_MAX, money } from './fields.ts';
import { yearField } from './year-field.ts';

export const cityAccounts = defineDataset({
  name: 'city_accounts',
  titleZh: '地区生产总值',
  fields: {
    city_code: cityCode({ zh: '行政区划代码', zhHant: '行政區劃代碼', required: true }),
    year: yearField(),
    gdp_cny: money({ zh: '地区生产总值', zhHant: '地區生產總值', required: true, sign: 'positive' }),
    // Persons (not 万人): the integer rule takes digits with thousands separators only.
    resident_population: integer({ zh: '常住人口', zhHant: '常住人口', required: false, min: 1, max: INTEGER_MAX }),
  },
  key: ['admin_code', 'year'],
  partitioning: { kind: 'year', column: 'year' },
});

export type CityAccountsRow = z.infer<typeof cityAccounts.schema>;
