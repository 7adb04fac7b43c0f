/**
 * A large patent_events source whose rows all fall in January of their year: the realistic rows
 * of etl/sample (Chinese names, every column) with each effective date moved to the 1st month.
 * Few partitions, each large enough to fill whole Parquet row groups, as in a big real extract —
 * the shape that needs DuckDB memory beyond a small fixed limit when partitions are written at once.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { writePatentEventsCsv } from '../../../etl/sample/patent-events-stream.ts';

export async function writeJanuaryPatentEvents(filePath: string, rows: number, seed: number): Promise<number> {
  const spread = `${filePath}.spread`;
  await writePatentEventsCsv(spread, rows, seed);
  // effective_date is the only ISO date of a row.
  const text = (await readFile(spread, 'utf8')).replace(/,(20\d\d)-\d\d-(\d\d),/g, ',$1-01-$2,');
  await rm(spread);
  await writeFile(filePath, text);
  return Buffer.byteLength(text);
}
