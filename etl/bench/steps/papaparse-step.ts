/** Step (a): papaparse alone, over the decoded text stream, in chunk mode, with array rows. */
import { openTextStream } from '../../sources/open-text-stream.ts';
import { readCsvRecords } from '../../sources/read-csv.ts';

export async function runPapaparseStep(file: string): Promise<number> {
  const { text } = await openTextStream(file);
  let records = 0;
  await readCsvRecords(text, (batch) => {
    records += batch.length;
  });
  return Math.max(0, records - 1);
}
