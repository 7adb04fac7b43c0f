/** patent_intensive_classification: the official 2019 table shipped with ipstats (etl/classification/official-classification.ts). */
import { OFFICIAL_CLASSIFICATION_VERSION, officialClassification } from '../../classification/official-classification.ts';
import type { SampleRecord } from '../csv-rendering.ts';

export function generateClassification(): SampleRecord[] {
  return officialClassification().map((entry) => ({
    version: OFFICIAL_CLASSIFICATION_VERSION,
    industry_code: entry.industryCode,
    category_code: entry.categoryCode,
    partial: entry.partial,
  }));
}
