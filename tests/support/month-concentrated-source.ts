/**
 * A large patent_events source whose rows all fall in January of their year: the realistic rows
 * of etl/sample (Chinese names, every column) with each effective date moved to the 1st month.
 * Few partitions, each large enough to fill whole Parquet row groups, as in a big real extract —
 * the shape that needs DuckDB memory beyond a small fixed limit when partitions are written at once.
 * Written line by line (a 200 MB source is never held in memory).
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { writePatentEventsCsv } from '../../etl/sample/patent-events-stream.ts';

/** Writes the source and returns its size in bytes. */
export async function writeJanuaryPatentEvents(filePath: string, rows: number, seed: number): Promise<number> {
  const spread = `${filePath}.spread`;
  await writePatentEventsCsv(spread, rows, seed);
  const out = createWriteStream(filePath, { encoding: 'utf8' });
  let bytes = 0;
  let chunk = '';
  for await (const line of createInterface({ input: createReadStream(spread, { encoding: 'utf8' }), crlfDelay: Infinity })) {
    // effective_date is the only ISO date of a row.
    chunk += `${line.replace(/,(20\d\d)-\d\d-(\d\d),/g, ',$1-01-$2,')}\n`;
    if (chunk.length > 1 << 16) {
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  bytes += Buffer.byteLength(chunk);
  out.end(chunk);
  await finished(out);
  await rm(spread);
  return bytes;
}
