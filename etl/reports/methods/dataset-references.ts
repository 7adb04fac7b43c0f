/**
 * Dataset titles and column labels quoted in the 指标解释 texts, read from the dataset schemas
 * (etl/schemas) so the texts cannot name a dataset or column that does not exist or drift from
 * its Chinese title.
 */
import type { DatasetName } from '../../schemas/dataset-spec.ts';
import { DATASETS } from '../../schemas/index.ts';

/** 专利转让、许可备案（patent_events） */
export function datasetReference(name: DatasetName): string {
  return `${DATASETS[name].titleZh}（${name}）`;
}

/** The data sources of an entry, one string: 质押登记（pledges）、企业名录（enterprises）. */
export function dataSourceText(names: readonly DatasetName[]): string {
  return names.map(datasetReference).join('、');
}

/** 登记生效日（effective_date）; throws when the dataset has no such column. */
export function columnReference(dataset: DatasetName, column: string): string {
  const found = DATASETS[dataset].curatedColumns.find((candidate) => candidate.name === column);
  if (found === undefined) throw new Error(`指标解释: dataset ${dataset} has no column ${column}`);
  return `${found.labelZh}（${column}）`;
}
