/**
 * Rows to build fuzzed sources from: the header and records of each dataset's committed sample
 * file (samples/default, made by the sample generator of etl/sample from the dataset specs),
 * valid rows and the generator's deliberate bad ones alike.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { DatasetName } from '../../../../etl/schemas/dataset-spec.ts';
import { detectEncoding } from '../../../../etl/sources/detect-encoding.ts';
import { guessCsvDialect } from '../../../../etl/sources/guess-csv-dialect.ts';
import { SAMPLE_INPUT_DIR } from '../../../../etl/cli/defaults.ts';

export interface SampleRows {
  readonly header: readonly string[];
  readonly records: readonly (readonly string[])[];
}

/** The first `limit` records of the dataset's first sample file (in name order). */
export async function sampleRows(dataset: DatasetName, limit: number): Promise<SampleRows> {
  const folder = path.join(SAMPLE_INPUT_DIR, dataset);
  const [first] = (await readdir(folder)).filter((name) => name.endsWith('.csv')).sort();
  const bytes = await readFile(path.join(folder, first!));
  let text = detectEncoding(bytes, true) === 'utf-8' ? bytes.toString('utf8') : iconv.decode(bytes, 'gb18030');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const dialect = guessCsvDialect(text);
  const { data } = Papa.parse<string[]>(text, { delimiter: dialect.delimiter, newline: dialect.newline, skipEmptyLines: 'greedy' });
  const [header, ...records] = data;
  return { header: header!, records: records.slice(0, limit) };
}
