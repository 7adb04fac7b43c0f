/**
 * The twelve indicators of the programme (PRODUCT.md). Their ids are a public contract: every
 * report.json carries all of them, in this order.
 */
import type { DatasetName } from '../schemas/dataset-spec.ts';

export const INDICATOR_IDS = [
  'ip_transfer_licence_count',
  'pledge_amount_cny',
  'pledge_project_count',
  'patent_contract_turnover_cny',
  'sme_university_patent_count',
  'securitization_product_count',
  'patent_navigation_project_count',
  'ip_certified_entity_count',
  'ip_custody_sme_count',
  'operation_centre_count',
  'patent_intensive_value_added_cny',
  'gi_output_value_cny',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export type IndicatorUnit = 'count' | 'cny';
export type IndicatorUnitZh = '元' | '次' | '项' | '件' | '家' | '个';
/**
 * `flow`: counted per period, judged on growth (CAGR since the base year, YTD year on year).
 * `cumulative`: counted from 1 January of the programme start year, judged against a level.
 */
export type IndicatorKind = 'flow' | 'cumulative';

export interface Target {
  readonly kind: 'growth' | 'cumulative';
  /** growth: a fraction (0.2 = 20 %/yr; 0 = any positive growth); cumulative: a level in the indicator's unit. */
  readonly value: number;
}

export interface IndicatorDefinition {
  readonly id: IndicatorId;
  readonly unit: IndicatorUnit;
  readonly kind: IndicatorKind;
  readonly nameZh: string;
  readonly nameEn: string;
  /**
   * What one unit of a figure is: 元 for money (shown in 万元 in the reports), and for a count what
   * is counted — 次 transactions, 项 projects, 家 enterprises or entities, 个 products or centres.
   */
  readonly unitZh: IndicatorUnitZh;
  readonly unitEn: string;
  /**
   * `monthly`: counted per month (mart_city_indicator_monthly); `annual`: computed per year from
   * accounts, so it has no monthly figures (month, ytd, ytd_prev and the trend are not applicable).
   */
  readonly cadence: 'monthly' | 'annual';
  /** Datasets whose coverage decides whether a figure can be computed (docs/indicators.md "Coverage"). */
  readonly governingDatasets: readonly DatasetName[];
  /**
   * Every dataset whose rows can change the indicator's figures (the governing datasets and the
   * registers or reference tables it reads): a delivery of one of them can revise a published figure.
   */
  readonly sourceDatasets: readonly DatasetName[];
  /** The notice's default target, used when the city configuration sets none. */
  readonly defaultTarget: Target;
}

const growth = (value: number): Target => ({ kind: 'growth', value });
const cumulative = (value: number): Target => ({ kind: 'cumulative', value });

export const INDICATORS: Readonly<Record<IndicatorId, IndicatorDefinition>> = {
  ip_transfer_licence_count: {
    id: 'ip_transfer_licence_count',
    unit: 'count',
    kind: 'flow',
    cadence: 'monthly',
    nameZh: '知识产权转让、许可次数',
    nameEn: 'IP transfers and licences',
    unitZh: '次',
    unitEn: 'transactions',
    governingDatasets: ['patent_events', 'trademark_events'],
    sourceDatasets: ['patent_events', 'trademark_events'],
    defaultTarget: growth(0.2),
  },
  pledge_amount_cny: {
    id: 'pledge_amount_cny',
    unit: 'cny',
    kind: 'flow',
    cadence: 'monthly',
    nameZh: '知识产权质押融资金额',
    nameEn: 'IP pledge financing amount',
    unitZh: '元',
    unitEn: 'CNY',
    governingDatasets: ['pledges'],
    sourceDatasets: ['pledges'],
    defaultTarget: growth(0.3),
  },
  pledge_project_count: {
    id: 'pledge_project_count',
    unit: 'count',
    kind: 'flow',
    cadence: 'monthly',
    nameZh: '知识产权质押融资项目数',
    nameEn: 'IP pledge financing projects',
    unitZh: '项',
    unitEn: 'projects',
    governingDatasets: ['pledges'],
    sourceDatasets: ['pledges'],
    defaultTarget: growth(0.3),
  },
  patent_contract_turnover_cny: {
    id: 'patent_contract_turnover_cny',
    unit: 'cny',
    kind: 'flow',
    cadence: 'monthly',
    nameZh: '专利技术合同成交额',
    nameEn: 'Patent technology contract turnover',
    unitZh: '元',
    unitEn: 'CNY',
    governingDatasets: ['tech_contracts'],
    sourceDatasets: ['tech_contracts'],
    defaultTarget: growth(0.4),
  },
  sme_university_patent_count: {
    id: 'sme_university_patent_count',
    unit: 'count',
    kind: 'cumulative',
    cadence: 'monthly',
    nameZh: '中小企业运用高校院所专利数',
    nameEn: 'SMEs that took a university or institute patent',
    unitZh: '家',
    unitEn: 'SMEs',
    governingDatasets: ['patent_events'],
    sourceDatasets: ['patent_events', 'enterprises'],
    defaultTarget: cumulative(100),
  },
  securitization_product_count: {
    id: 'securitization_product_count',
    unit: 'count',
    kind: 'cumulative',
    cadence: 'monthly',
    nameZh: '知识产权证券化产品数',
    nameEn: 'IP securitisation products',
    unitZh: '个',
    unitEn: 'products',
    governingDatasets: ['programme_records'],
    sourceDatasets: ['programme_records'],
    defaultTarget: cumulative(1),
  },
  patent_navigation_project_count: {
    id: 'patent_navigation_project_count',
    unit: 'count',
    kind: 'cumulative',
    cadence: 'monthly',
    nameZh: '产业专利导航项目数',
    nameEn: 'Industry patent-navigation projects',
    unitZh: '项',
    unitEn: 'projects',
    governingDatasets: ['programme_records'],
    sourceDatasets: ['programme_records'],
    defaultTarget: cumulative(5),
  },
  ip_certified_entity_count: {
    id: 'ip_certified_entity_count',
    unit: 'count',
    kind: 'cumulative',
    cadence: 'monthly',
    nameZh: '知识产权贯标认证主体数',
    nameEn: 'Entities certified to the IP management standard',
    unitZh: '家',
    unitEn: 'entities',
    governingDatasets: ['programme_records'],
    sourceDatasets: ['programme_records'],
    defaultTarget: cumulative(200),
  },
  ip_custody_sme_count: {
    id: 'ip_custody_sme_count',
    unit: 'count',
    kind: 'cumulative',
    cadence: 'monthly',
    nameZh: '知识产权托管中小企业数',
    nameEn: 'SMEs covered by IP custody',
    unitZh: '家',
    unitEn: 'SMEs',
    governingDatasets: ['programme_records'],
    sourceDatasets: ['programme_records'],
    defaultTarget: cumulative(1000),
  },
  operation_centre_count: {
    id: 'operation_centre_count',
    unit: 'count',
    kind: 'cumulative',
    cadence: 'monthly',
    nameZh: '产业知识产权运营中心数',
    nameEn: 'Industry IP operation centres',
    unitZh: '个',
    unitEn: 'centres',
    governingDatasets: ['programme_records'],
    sourceDatasets: ['programme_records'],
    defaultTarget: cumulative(3),
  },
  patent_intensive_value_added_cny: {
    id: 'patent_intensive_value_added_cny',
    unit: 'cny',
    kind: 'flow',
    cadence: 'annual',
    nameZh: '专利密集型产业增加值',
    nameEn: 'Value added of patent-intensive industries',
    unitZh: '元',
    unitEn: 'CNY',
    // Annual, from accounts: its figures come from patent-intensive-section.ts, not from monthly values.
    governingDatasets: [],
    // The notice asks for a "marked rise" without a figure: 0 means any positive growth.
    sourceDatasets: ['enterprises', 'enterprise_accounts', 'industry_accounts', 'patents', 'patent_intensive_classification'],
    defaultTarget: growth(0),
  },
  gi_output_value_cny: {
    id: 'gi_output_value_cny',
    unit: 'cny',
    kind: 'flow',
    cadence: 'monthly',
    nameZh: '地理标志运用促进工程产品产值',
    nameEn: 'Output value of GI products under the promotion project',
    unitZh: '元',
    unitEn: 'CNY',
    governingDatasets: ['gi_output'],
    sourceDatasets: ['gi_output', 'gi_products'],
    defaultTarget: growth(0),
  },
};

export function isIndicatorId(value: string): value is IndicatorId {
  return (INDICATOR_IDS as readonly string[]).includes(value);
}

/** The target kind an indicator accepts: growth for flow indicators, a level for cumulative ones. */
export function targetKindOf(id: IndicatorId): Target['kind'] {
  return INDICATORS[id].kind === 'flow' ? 'growth' : 'cumulative';
}
