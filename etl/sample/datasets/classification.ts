/** patent_intensive_classification: the demonstration table (see demo-classification.ts). */
import type { SampleRecord } from '../csv-rendering.ts';
import { DEMO_CLASSIFICATION, DEMO_CLASSIFICATION_VERSION } from '../demo-classification.ts';

export function generateClassification(): SampleRecord[] {
  return DEMO_CLASSIFICATION.map((entry) => ({
    version: DEMO_CLASSIFICATION_VERSION,
    industry_code: entry.industryCode,
    category_code: entry.categoryCode,
    partial: entry.partial,
  }));
}
