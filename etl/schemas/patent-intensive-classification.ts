/** patent_intensive_classification — reference table (专利密集型产业分类). */
import type { z } from 'zod';
import { checkClassificationFile } from '../classification/validate-classification.ts';
import type { DatasetSpec } from './dataset-spec.ts';
import { defineDataset } from './define-dataset.ts';
import { boolean, categoryCode, industryCode, text } from './fields.ts';

const definition = defineDataset({
  name: 'patent_intensive_classification',
  titleZh: '专利密集型产业分类',
  fields: {
    version: text({ zh: '版本', zhHant: '版本', required: true }),
    industry_code: industryCode({ zh: '行业代码', zhHant: '行業代碼', required: true }),
    category_code: categoryCode({ zh: '大类代码', zhHant: '大類代碼', required: true }),
    // The standard marks partly-included classes with "*".
    partial: boolean({ zh: '是否部分纳入', zhHant: '是否部分納入', required: true, trueWords: ['*'] }),
  },
  key: ['version', 'industry_code'],
  partitioning: { kind: 'none' },
});

/** Validated as a whole too: a complete table, each class once per version (etl/classification/). */
export const patentIntensiveClassification: typeof definition & Pick<DatasetSpec, 'checkWholeFile'> = {
  ...definition,
  checkWholeFile: checkClassificationFile,
};

export type PatentIntensiveClassificationRow = z.infer<typeof definition.schema>;
