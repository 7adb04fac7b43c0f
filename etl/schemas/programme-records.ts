/** programme_records — ledger of the IP operation programme (运营服务体系建设台账). */
import type { z } from 'zod';
import { defineDataset } from './define-dataset.ts';
import { PROGRAMME_RECORD_KINDS } from './enums.ts';
import { cityCode, date, enumeration, money, text, uscc } from './fields.ts';

export const programmeRecords = defineDataset({
  name: 'programme_records',
  titleZh: '运营服务体系建设台账',
  fields: {
    record_id: text({ zh: '记录号', zhHant: '記錄號', required: true }),
    city_code: cityCode({ zh: '行政区划代码', zhHant: '行政區劃代碼', required: true }),
    kind: enumeration({ zh: '类型', zhHant: '類型', required: true }, PROGRAMME_RECORD_KINDS),
    entity_name: text({ zh: '主体名称', zhHant: '主體名稱', required: true }),
    entity_uscc: uscc({ zh: '主体统一社会信用代码', zhHant: '主體統一社會信用代碼', required: false }),
    event_date: date({ zh: '日期', zhHant: '日期', required: true }),
    amount_cny: money({ zh: '金额', zhHant: '金額', required: false, sign: 'non_negative' }),
  },
  key: ['record_id'],
  partitioning: { kind: 'month', column: 'event_date' },
});

export type ProgrammeRecordRow = z.infer<typeof programmeRecords.schema>;
