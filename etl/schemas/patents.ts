/** patents — patent bibliographic and legal-status records (专利). */
import type { z } from 'zod';
import { dateNotBefore, patentTypeMatchesNumber } from './cross-field-rules.ts';
import { defineDataset } from './define-dataset.ts';
import { PATENT_LEGAL_STATUSES, PATENT_TYPES } from './enums.ts';
import { applicationNo, boolean, date, enumeration, ipc, text } from './fields.ts';
import { applicantFields } from './party-fields.ts';

const { applicant_name, applicant_uscc, applicant_type, city_code } = applicantFields();

export const patents = defineDataset({
  name: 'patents',
  titleZh: '专利',
  fields: {
    application_no: applicationNo({ zh: '申请号', zhHant: '申請號', required: true }),
    patent_type: enumeration({ zh: '专利类型', zhHant: '專利類型', required: true }, PATENT_TYPES),
    title: text({ zh: '名称', zhHant: '名稱', required: false }),
    application_date: date({ zh: '申请日', zhHant: '申請日', required: true }),
    grant_date: date({ zh: '授权公告日', zhHant: '授權公告日', required: false }),
    legal_status: enumeration({ zh: '法律状态', zhHant: '法律狀態', required: true }, PATENT_LEGAL_STATUSES),
    applicant_name,
    applicant_uscc,
    applicant_type,
    city_code,
    ipc_main: ipc({ zh: '主分类号', zhHant: '主分類號', required: false }),
    // High-value criteria (docs/high-value-patents.md); blank is unknown, not false.
    strategic_emerging: boolean({ zh: '战略性新兴产业', zhHant: '戰略性新興產業', required: false }),
    overseas_family: boolean({ zh: '海外同族', zhHant: '海外同族', required: false }),
    award: boolean({ zh: '获奖', zhHant: '獲獎', required: false }),
  },
  key: ['application_no'],
  partitioning: { kind: 'month', column: 'application_date' },
  crossFieldRules: [dateNotBefore('grant_date', 'application_date', 'grant_before_application'), patentTypeMatchesNumber('patent_type', 'application_no')],
});

export type PatentRow = z.infer<typeof patents.schema>;
