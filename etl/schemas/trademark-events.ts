/** trademark_events — trademark transfers and licence recordals (商标转让、许可备案). */
import type { z } from 'zod';
import { defineDataset } from './define-dataset.ts';
import { eventIdField, RECORDAL_RULES, recordalFields } from './party-fields.ts';
import { registrationNoField } from './trademarks.ts';

export const trademarkEvents = defineDataset({
  name: 'trademark_events',
  titleZh: '商标转让、许可备案',
  fields: {
    event_id: eventIdField(),
    registration_no: registrationNoField(),
    ...recordalFields(),
  },
  key: ['event_id'],
  partitioning: { kind: 'month', column: 'effective_date' },
  crossFieldRules: RECORDAL_RULES,
});

export type TrademarkEventRow = z.infer<typeof trademarkEvents.schema>;
