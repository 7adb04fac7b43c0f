/**
 * The rows of the performance self-evaluation grid (绩效自评表, docs/self-evaluation.md): the
 * Ministry of Finance's 项目支出绩效自评表 grouping of our twelve indicators, plus the two rows
 * the city fills itself (预算资金执行率 and 服务对象满意度), and the default 分值 of each row.
 */
import { INDICATOR_IDS, type IndicatorId } from './indicators.ts';

/** The two rows no lake figure can fill: the city writes their actual value. */
export const CITY_FILLED_ROWS = ['budget_execution', 'satisfaction'] as const;
export type CityFilledRow = (typeof CITY_FILLED_ROWS)[number];

/** A row of the grid: one of the twelve indicators or a row the city fills. */
export type SelfEvaluationRowKey = IndicatorId | CityFilledRow;

/** 一级指标: 预算执行 (the form's 年度预算执行率 row), 产出指标, 效益指标, 满意度指标. */
export const LEVEL1_GROUPS = ['budget_execution', 'output', 'benefit', 'satisfaction'] as const;
export type Level1Group = (typeof LEVEL1_GROUPS)[number];

/** 二级指标: 预算资金执行率, 数量指标, 经济效益指标, 服务对象满意度指标. */
export const LEVEL2_GROUPS = ['budget_execution_rate', 'quantity', 'economic_benefit', 'service_recipient_satisfaction'] as const;
export type Level2Group = (typeof LEVEL2_GROUPS)[number];

export interface SelfEvaluationRowDefinition {
  readonly key: SelfEvaluationRowKey;
  readonly level1: Level1Group;
  readonly level2: Level2Group;
}

const quantity = (key: IndicatorId): SelfEvaluationRowDefinition => ({ key, level1: 'output', level2: 'quantity' });
const economic = (key: IndicatorId): SelfEvaluationRowDefinition => ({ key, level1: 'benefit', level2: 'economic_benefit' });

/** The grid's rows in the order the form prints them. */
export const SELF_EVALUATION_ROWS: readonly SelfEvaluationRowDefinition[] = [
  { key: 'budget_execution', level1: 'budget_execution', level2: 'budget_execution_rate' },
  quantity('ip_transfer_licence_count'),
  quantity('pledge_project_count'),
  quantity('sme_university_patent_count'),
  quantity('securitization_product_count'),
  quantity('patent_navigation_project_count'),
  quantity('ip_certified_entity_count'),
  quantity('ip_custody_sme_count'),
  quantity('operation_centre_count'),
  economic('pledge_amount_cny'),
  economic('patent_contract_turnover_cny'),
  economic('patent_intensive_value_added_cny'),
  economic('gi_output_value_cny'),
  { key: 'satisfaction', level1: 'satisfaction', level2: 'service_recipient_satisfaction' },
];

export const SELF_EVALUATION_ROW_KEYS: readonly SelfEvaluationRowKey[] = SELF_EVALUATION_ROWS.map((row) => row.key);

export function isSelfEvaluationRowKey(value: string): value is SelfEvaluationRowKey {
  return (SELF_EVALUATION_ROW_KEYS as readonly string[]).includes(value);
}

export function isCityFilledRow(key: SelfEvaluationRowKey): key is CityFilledRow {
  return (CITY_FILLED_ROWS as readonly string[]).includes(key);
}

/** The total of the 分值 column: weights must add up to it exactly. */
export const TOTAL_POINTS = 100;

/**
 * Default 分值: 预算执行 10, 产出 50 (eight count indicators × 6.25), 效益 30 (four money
 * indicators × 7.5), 满意度 10 — 100 in all.
 */
export const DEFAULT_SELF_EVALUATION_WEIGHTS: Readonly<Record<SelfEvaluationRowKey, number>> = {
  budget_execution: 10,
  ip_transfer_licence_count: 6.25,
  pledge_project_count: 6.25,
  sme_university_patent_count: 6.25,
  securitization_product_count: 6.25,
  patent_navigation_project_count: 6.25,
  ip_certified_entity_count: 6.25,
  ip_custody_sme_count: 6.25,
  operation_centre_count: 6.25,
  pledge_amount_cny: 7.5,
  patent_contract_turnover_cny: 7.5,
  patent_intensive_value_added_cny: 7.5,
  gi_output_value_cny: 7.5,
  satisfaction: 10,
};

// Every indicator has a row: a new indicator without one fails here, at import.
for (const id of INDICATOR_IDS) {
  if (!SELF_EVALUATION_ROW_KEYS.includes(id)) throw new Error(`indicator ${id} has no row in the self-evaluation grid`);
}
