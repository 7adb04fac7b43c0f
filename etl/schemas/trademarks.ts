/** trademarks — trademark registrations (商标). */
import type { z } from 'zod';
import { dateNotBefore } from './cross-field-rules.ts';
import { defineDataset } from './define-dataset.ts';
import { MARK_KINDS, TRADEMARK_STATUSES } from './enums.ts';
import { date, digits, enumeration, integer, text } from './fields.ts';
import { applicantFields } from './party-fields.ts';

export const NICE_CLASS_MIN = 1;
export const NICE_CLASS_MAX = 45;

export function registrationNoField() {
  return digits({ zh: '注册号', zhHant: '註冊號', required: true, aliases: ['注冊號'] });
}

export const trademarks = defineDataset({
  name: 'trademarks',
  titleZh: '商标',
  fields: {
    registration_no: registrationNoField(),
    nice_class: integer({ zh: '类别', zhHant: '類別', required: true, min: NICE_CLASS_MIN, max: NICE_CLASS_MAX }),
    mark_name: text({ zh: '商标名称', zhHant: '商標名稱', required: false }),
    mark_kind: enumeration({ zh: '商标种类', zhHant: '商標種類', required: true }, MARK_KINDS),
    ...applicantFields(),
    application_date: date({ zh: '申请日', zhHant: '申請日', required: true }),
    registration_date: date({ zh: '注册日', zhHant: '註冊日', required: false, aliases: ['注冊日'] }),
    status: enumeration({ zh: '商标状态', zhHant: '商標狀態', required: true }, TRADEMARK_STATUSES),
  },
  key: ['registration_no'],
  partitioning: { kind: 'month', column: 'application_date' },
  crossFieldRules: [dateNotBefore('registration_date', 'application_date', 'registration_before_application')],
});

export type TrademarkRow = z.infer<typeof trademarks.schema>;
