/**
 * One entry of the appendix 指标解释 (report.html, the xlsx sheet and docs/indicators.md): what an
 * indicator or published figure means, where it comes from, how it is computed and counted.
 * The texts state what the code does (sql/ and etl/reports/), in Chinese.
 */
import type { DatasetName } from '../../schemas/dataset-spec.ts';

export interface IndicatorMethod {
  /** An indicator id of etl/reports/indicators.ts, or the id of another published figure. */
  readonly id: string;
  readonly nameZh: string;
  /** 定义 */
  readonly definition: string;
  /** 数据来源: the datasets whose rows feed the figure; printed with their Chinese titles. */
  readonly sourceDatasets: readonly DatasetName[];
  /** 计算公式 */
  readonly formula: string;
  /** 计数规则, one rule a line. */
  readonly countingRules: readonly string[];
  /** 计量单位 */
  readonly unit: string;
}

/** The field names, in the order every rendering prints them. */
export const METHOD_FIELD_NAMES_ZH = {
  name: '指标',
  definition: '定义',
  sourceDatasets: '数据来源',
  formula: '计算公式',
  countingRules: '计数规则',
  unit: '计量单位',
} as const;
