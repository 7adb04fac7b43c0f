/** pledges — IP pledge registrations (知识产权质押登记). */
import type { z } from 'zod';
import { dateNotBefore } from './cross-field-rules.ts';
import { defineDataset } from './define-dataset.ts';
import { PLEDGE_IP_TYPES, PLEDGE_STATUSES, PLEDGEE_TYPES } from './enums.ts';
import { applicationNoList, boolean, cityCode, date, enumeration, integer, INTEGER_MAX, money, text, uscc } from './fields.ts';

export const pledges = defineDataset({
  name: 'pledges',
  titleZh: '知识产权质押登记',
  fields: {
    pledge_id: text({ zh: '质押登记号', zhHant: '質押登記號', required: true }),
    ip_type: enumeration({ zh: '质押物类型', zhHant: '質押物類型', required: true }, PLEDGE_IP_TYPES),
    ip_count: integer({ zh: '质押件数', zhHant: '質押件數', required: true, min: 1, max: INTEGER_MAX }),
    registration_date: date({ zh: '登记日', zhHant: '登記日', required: true }),
    status: enumeration({ zh: '状态', zhHant: '狀態', required: true }, PLEDGE_STATUSES),
    pledgor_name: text({ zh: '出质人名称', zhHant: '出質人名稱', required: true }),
    pledgor_uscc: uscc({ zh: '出质人统一社会信用代码', zhHant: '出質人統一社會信用代碼', required: false }),
    pledgor_city_code: cityCode({ zh: '出质人行政区划代码', zhHant: '出質人行政區劃代碼', required: true }),
    pledgor_is_sme: boolean({ zh: '出质人是否中小企业', zhHant: '出質人是否中小企業', required: false }),
    pledgee_name: text({ zh: '质权人名称', zhHant: '質權人名稱', required: true }),
    pledgee_type: enumeration({ zh: '质权人类型', zhHant: '質權人類型', required: false }, PLEDGEE_TYPES),
    secured_amount_cny: money({ zh: '担保债权数额', zhHant: '擔保債權數額', required: true, sign: 'positive' }),
    term_start: date({ zh: '质押期限起', zhHant: '質押期限起', required: false }),
    term_end: date({ zh: '质押期限止', zhHant: '質押期限止', required: false }),
    patent_application_nos: applicationNoList({ zh: '质押专利申请号', zhHant: '質押專利申請號', required: false }),
  },
  key: ['pledge_id'],
  partitioning: { kind: 'month', column: 'registration_date' },
  crossFieldRules: [dateNotBefore('term_end', 'term_start', 'term_end_before_start')],
});

export type PledgeRow = z.infer<typeof pledges.schema>;
