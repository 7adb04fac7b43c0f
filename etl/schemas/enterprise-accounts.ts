/** enterprise_accounts — annual accounts for value added (企业增加值构成). */
import type { z } from 'zod';
import { oneGroupComplete } from './cross-field-rules.ts';
import { defineDataset } from './define-dataset.ts';
import { enterpriseUsccField } from './enterprises.ts';
import { money } from './fields.ts';
import { yearField } from './year-field.ts';

export const INCOME_COMPONENTS = ['labor_compensation_cny', 'net_production_taxes_cny', 'depreciation_cny', 'operating_surplus_cny'] as const;
export const PRODUCTION_COMPONENTS = ['gross_output_cny', 'intermediate_input_cny'] as const;

export const enterpriseAccounts = defineDataset({
  name: 'enterprise_accounts',
  titleZh: '企业增加值构成',
  fields: {
    uscc: enterpriseUsccField(),
    year: yearField(),
    // "may be negative" is said of two components only; the others are ≥ 0.
    labor_compensation_cny: money({ zh: '劳动者报酬', zhHant: '勞動者報酬', required: false, sign: 'non_negative' }),
    net_production_taxes_cny: money({ zh: '生产税净额', zhHant: '生產稅淨額', required: false, sign: 'any' }),
    depreciation_cny: money({ zh: '固定资产折旧', zhHant: '固定資產折舊', required: false, sign: 'non_negative' }),
    operating_surplus_cny: money({ zh: '营业盈余', zhHant: '營業盈餘', required: false, sign: 'any' }),
    gross_output_cny: money({ zh: '总产出', zhHant: '總產出', required: false, sign: 'non_negative' }),
    intermediate_input_cny: money({ zh: '中间投入', zhHant: '中間投入', required: false, sign: 'non_negative' }),
  },
  key: ['uscc', 'year'],
  partitioning: { kind: 'year', column: 'year' },
  crossFieldRules: [oneGroupComplete([INCOME_COMPONENTS, PRODUCTION_COMPONENTS], 'accounts_incomplete')],
});

export type EnterpriseAccountsRow = z.infer<typeof enterpriseAccounts.schema>;
