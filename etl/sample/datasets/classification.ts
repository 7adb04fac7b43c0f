/** patent_intensive_classification: the official 2019 table shipped with ipstats (etl/classification/official-classification.ts). */
import { officialClassificationRows } from '../../classification/official-classification.ts';
import type { SampleRecord } from '../csv-rendering.ts';

export function generateClassification(): SampleRecord[] {
  return officialClassificationRows();
}
