/** patent_events — patent transfers and licence recordals (专利转让、许可备案). */
import type { z } from 'zod';
import { defineDataset } from './define-dataset.ts';
import { applicationNo } from './fields.ts';
import { eventIdField, RECORDAL_RULES, recordalFields } from './party-fields.ts';

export const patentEvents = defineDataset({
  name: 'patent_events',
  titleZh: '专利转让、许可备案',
  fields: {
    event_id: eventIdField(),
    application_no: applicationNo({ zh: '申请号', zhHant: '申請號', required: true }),
    ...recordalFields(),
  },
  key: ['event_id'],
  partitioning: { kind: 'month', column: 'effective_date' },
  crossFieldRules: RECORDAL_RULES,
});

export type PatentEventRow = z.infer<typeof patentEvents.schema>;
