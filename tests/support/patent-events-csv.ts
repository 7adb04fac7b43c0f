/**
 * Generated patent_events source files for tests that need many rows over many months: event
 * ids `<prefix>-<n>`, effective dates cycling month by month from 1990-01 (so a file of at
 * least 432 rows fills 432 monthly partitions), every row valid.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const HEADER = 'event_id,application_no,event_type,effective_date,from_name,from_type,from_city_code,to_name,to_type,to_city_code';
const MONTHS = 36 * 12;

export interface PatentEventsFileOptions {
  readonly rows: number;
  /** Event ids are `${idPrefix}-${n}`, n from 1. */
  readonly idPrefix: string;
  /** Text of to_name, so two files with the same ids differ. @default '深圳甲公司' */
  readonly toName?: string;
}

export async function writePatentEventsCsv(filePath: string, options: PatentEventsFileOptions): Promise<void> {
  const out = createWriteStream(filePath, { encoding: 'utf8' });
  const toName = options.toName ?? '深圳甲公司';
  let chunk = `${HEADER}\n`;
  for (let n = 1; n <= options.rows; n += 1) {
    const month = (n - 1) % MONTHS;
    const date = `${1990 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-15`;
    chunk += `${options.idPrefix}-${n},201710601862.3,transfer,${date},清华大学,university,110108,${toName},enterprise,440305\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}
