/** Step (a): papaparse alone, over the decoded text stream, in chunk mode, with array rows. */
import { openTextStream } from '../../sources/open-text-stream.ts';
import { readCsvRecords } from '../../sources/read-csv.ts';
import type { StepCount } from '../step-result.ts';

export async function runPapaparseStep(file: string): Promise<StepCount> {
  const { text } = await openTextStream(file);
  let records = 0;
  await readCsvRecords(text, (batch) => {
    records += batch.length;
  });
  return { rows: Math.max(0, records - 1) };
}
