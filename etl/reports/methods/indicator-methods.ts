/**
 * 指标解释: the one source of the methods appendix of report.html, the sheet 指标解释 of
 * report.xlsx and the generated section of docs/indicators.md
 * (scripts/write-indicator-methods-doc.ts). A list keyed by id: the twelve indicators in the order
 * of etl/reports/indicators.ts, then the other figures the report publishes on their own. A new
 * indicator or figure gets its entry here, and only here.
 *
 * Names and definitions follow the 2020 notice (财政部办公厅 国家知识产权局办公室，2020年4月30日);
 * the rules say what sql/ and etl/reports/ do (docs/counting-rules.md, docs/indicators.md,
 * docs/patent-intensive.md).
 */
import { INDICATORS, type IndicatorId } from '../indicators.ts';
import {
  CITY_ROLL_UP_RULE,
  COVERAGE_RULE,
  CUMULATIVE_START_RULE,
  CURRENT_ROWS_RULE,
  cumulativeFormula,
  FLOW_YEARS_RULE,
  flowFormula,
  monthRule,
  targetRule,
} from './common-rules.ts';
import { columnReference as column, datasetReference as dataset } from './dataset-references.ts';
import type { IndicatorMethod } from './method-entry.ts';

/** The name and data sources of an indicator come from its definition, so they cannot drift. */
function indicatorMethod(id: IndicatorId, method: Omit<IndicatorMethod, 'id' | 'nameZh' | 'sourceDatasets'>): IndicatorMethod {
  return { id, nameZh: INDICATORS[id].nameZh, sourceDatasets: INDICATORS[id].sourceDatasets, ...method };
}

const COMMON_RULES = [CURRENT_ROWS_RULE, CITY_ROLL_UP_RULE, COVERAGE_RULE];

const PROGRAMME_RECORD_MONTH = monthRule(`台账记录的${column('programme_records', 'event_date')}`);

/** The three indicators that count each record of one kind of the programme ledger. */
function programmeRecordCount(id: IndicatorId, kind: string, kindZh: string, unitZh: string, definition: string): IndicatorMethod {
  return indicatorMethod(id, {
    definition,
    formula: cumulativeFormula(`该月${dataset('programme_records')}中类型为“${kindZh}”（${kind}）的记录条数`),
    countingRules: [
      `只计${column('programme_records', 'kind')}为“${kindZh}”（${kind}）的记录，每条记录计1${unitZh}，按记录的${column('programme_records', 'city_code')}归属城市。`,
      PROGRAMME_RECORD_MONTH,
      CUMULATIVE_START_RULE,
      ...COMMON_RULES,
      targetRule(id, unitZh),
    ],
    unit: unitZh,
  });
}

/** The two indicators that count distinct entities of one kind of the programme ledger. */
function programmeEntityCount(id: IndicatorId, kind: string, kindZh: string, definition: string, extraRule: string): IndicatorMethod {
  return indicatorMethod(id, {
    definition,
    formula: cumulativeFormula(`该月首次出现（自建设期首年1月1日起）的类型为“${kindZh}”（${kind}）的主体数`),
    countingRules: [
      `只计${column('programme_records', 'kind')}为“${kindZh}”（${kind}）的记录，按记录的${column('programme_records', 'city_code')}归属城市。`,
      extraRule,
      ENTITY_IDENTITY_RULE,
      `每个主体只计1次，计入其建设期首年1月1日以后第一条记录所在的月份（${column('programme_records', 'event_date')}）；同一主体多次记录不重复计数；建设期开始前已出现、开始后再次出现的主体计入开始后首次出现的月份。`,
      '主体按城市和指标分别去重：同一主体既贯标认证又接受托管时，在两个指标中各计1次。',
      CUMULATIVE_START_RULE,
      ...COMMON_RULES,
      targetRule(id, '家'),
    ],
    unit: '家',
  });
}

const ENTITY_IDENTITY_RULE =
  '主体以统一社会信用代码识别；无代码的记录以规范化名称识别（去除半角和全角空格，全角括号“（）”改为半角“()”，字母转为小写）；无代码记录的规范化名称在同一城市、同一指标下恰好对应一个统一社会信用代码时，视为该代码的主体；对应两个及以上代码时，作为单独的仅有名称的主体。';

const TRANSFER_MONTH = monthRule(`${column('patent_events', 'effective_date')}`);

export const INDICATOR_METHODS: readonly IndicatorMethod[] = [
  indicatorMethod('ip_transfer_licence_count', {
    definition: '本市当事人作为让与方（转让人、许可人）或受让方（受让人、被许可人）的专利和商标转让、许可备案次数（《通知》：知识产权转让、许可数量）。',
    formula: flowFormula(`该月生效、至少一方属于本市的专利与商标转让、许可备案记录数（双方同属本市的记录计1次）`),
    countingRules: [
      `计入${dataset('patent_events')}和${dataset('trademark_events')}的全部记录，${column('patent_events', 'event_type')}为转让（transfer）和许可（licence）的均计入。`,
      TRANSFER_MONTH,
      `${column('patent_events', 'from_city_code')}或${column('patent_events', 'to_city_code')}为本市的记录计入本市。`,
      '双方同属本市的记录计1次（本地）；双方分属不同城市的记录在让与方城市（流出）和受让方城市（流入）各计1次。同一记录因此出现在两个城市的报告中，各城市数值不能相加为区域合计。',
      '本地、流入、流出三项之和等于本指标的本月值和本年累计。',
      FLOW_YEARS_RULE,
      ...COMMON_RULES,
      targetRule('ip_transfer_licence_count', '次'),
    ],
    unit: '次',
  }),
  indicatorMethod('pledge_amount_cny', {
    definition: '出质人属于本市的知识产权质押设立登记的担保债权数额之和（《通知》：知识产权质押融资金额）。',
    formula: flowFormula(`该月设立登记的质押的${column('pledges', 'secured_amount_cny')}之和`),
    countingRules: [
      `只计${column('pledges', 'status')}为“设立”（registered）的登记；“变更”（changed）和“注销”（cancelled）登记不是新增融资，不计。`,
      monthRule(column('pledges', 'registration_date')),
      `按${column('pledges', 'pledgor_city_code')}归属城市。`,
      `金额为担保债权数额，不是质押物的评估价值；同一${column('pledges', 'pledge_id')}被再次报送为其他状态时，以最后报送的版本为准（例如后来报送为注销的质押不再计入原登记月份）。`,
      '金额单位为元，按精确小数求和，保留到分。',
      FLOW_YEARS_RULE,
      ...COMMON_RULES,
      targetRule('pledge_amount_cny', '元'),
    ],
    unit: '元',
  }),
  indicatorMethod('pledge_project_count', {
    definition: '出质人属于本市的知识产权质押设立登记的笔数（《通知》：知识产权质押融资项目数）。',
    formula: flowFormula(`该月设立登记的质押笔数`),
    countingRules: [
      `只计${column('pledges', 'status')}为“设立”（registered）的登记；“变更”（changed）和“注销”（cancelled）登记不计。`,
      monthRule(column('pledges', 'registration_date')),
      `按${column('pledges', 'pledgor_city_code')}归属城市。`,
      `每笔登记（一个${column('pledges', 'pledge_id')}）计1项，不论${column('pledges', 'ip_count')}多少。`,
      FLOW_YEARS_RULE,
      ...COMMON_RULES,
      targetRule('pledge_project_count', '项'),
    ],
    unit: '项',
  }),
  indicatorMethod('patent_contract_turnover_cny', {
    definition: '卖方（技术输出方）属于本市、知识产权类型为专利的技术合同的成交额之和（《通知》：专利技术合同成交额）。',
    formula: flowFormula(`该月登记的专利类技术合同的${column('tech_contracts', 'turnover_cny')}之和`),
    countingRules: [
      `只计${column('tech_contracts', 'ip_kind')}为“专利”（patent）的合同；技术开发、转让、许可、咨询、服务各类${column('tech_contracts', 'contract_type')}均计入。`,
      monthRule(column('tech_contracts', 'registration_date')),
      `按${column('tech_contracts', 'seller_city_code')}归属城市（技术输出地），买方所在城市不计。`,
      '金额单位为元，按精确小数求和，保留到分。',
      FLOW_YEARS_RULE,
      ...COMMON_RULES,
      targetRule('patent_contract_turnover_cny', '元'),
    ],
    unit: '元',
  }),
  indicatorMethod('sme_university_patent_count', {
    definition: '自建设期开始，通过专利转让或许可取得高等学校、科研院所专利的本市中小企业数（《通知》：支持中小企业成功转化高校院所专利技术）。',
    formula: cumulativeFormula('该月首次（自建设期首年1月1日起）从高校院所取得专利的本市中小企业数'),
    countingRules: [
      `只计${dataset('patent_events')}中${column('patent_events', 'from_type')}为大专院校（university）或科研单位（research_institute）的转让、许可记录；商标记录不计。`,
      `按${column('patent_events', 'to_city_code')}归属城市，不论高校院所在哪个城市。`,
      `受让方为中小企业的认定：记录的${column('patent_events', 'to_is_sme')}为“是”即计入；为空时以${dataset('enterprises')}按${column('patent_events', 'to_uscc')}匹配到的${column('enterprises', 'is_sme')}为准；记录明确为“否”时不以名录改判；两者都没有的受让方不计。`,
      ENTITY_IDENTITY_RULE,
      `每家企业只计1次，计入其建设期首年1月1日以后第一条符合条件的记录所在的月份（${column('patent_events', 'effective_date')}）。`,
      CUMULATIVE_START_RULE,
      ...COMMON_RULES,
      targetRule('sme_university_patent_count', '家'),
    ],
    unit: '家',
  }),
  programmeRecordCount(
    'securitization_product_count',
    'securitization',
    '证券化产品',
    '单',
    '自建设期开始，本市发行的知识产权证券化产品数（《通知》：推动发行知识产权证券化产品）。',
  ),
  programmeRecordCount(
    'patent_navigation_project_count',
    'patent_navigation',
    '专利导航',
    '个',
    '自建设期开始，本市实施的产业类专利导航示范项目数（《通知》：实施产业类专利导航示范项目）。',
  ),
  programmeEntityCount(
    'ip_certified_entity_count',
    'ip_management_certification',
    '贯标认证',
    '自建设期开始，通过知识产权管理规范贯标认证的本市企业、高等学校、科研院所数（《通知》：通过知识产权管理规范贯标认证）。',
    '企业、高等学校和科研院所均计入。',
  ),
  programmeEntityCount(
    'ip_custody_sme_count',
    'ip_custody',
    '知识产权托管',
    '自建设期开始，专业知识产权托管服务覆盖的本市中小企业数（《通知》：专业知识产权托管服务累计覆盖中小企业）。',
    '托管台账记录的主体均视为中小企业，不再以企业名录核对。',
  ),
  programmeRecordCount(
    'operation_centre_count',
    'operation_centre',
    '运营中心',
    '个',
    '自建设期开始，本市培育的产业知识产权运营中心数（《通知》：培育产业知识产权运营中心）。',
  ),
  indicatorMethod('patent_intensive_value_added_cny', {
    definition:
      '本市属于《知识产权（专利）密集型产业统计分类（2019）》（国家统计局令第25号）所列行业的增加值（《通知》：专利密集型产业增加值；建立城市专利密集型产业增加值统计制度）。年度指标。',
    formula:
      '年度值（企业法）= 本市名录内、属于分类所列行业且计入的企业的增加值之和；年度值（行业法）= 分类所列行业的分行业增加值之和（部分属于的行业乘以比例）。企业增加值 = 劳动者报酬 + 生产税净额 + 固定资产折旧 + 营业盈余（收入法，四项齐全时）；否则 = 总产出 − 中间投入（生产法）。名义增长（报告中的同比增长）= 报告年度值 ÷ 上年度值 − 1；较基期年均增长 = （报告年度值 ÷ 基期年度值）^(1 ÷ (报告年度 − 基期年度)) − 1。',
    countingRules: [
      '报告年度为不晚于最近完整年度（报告月为12月时为报告年，否则为上一年）、本市有企业或行业增加值数据的最近一年；此后的数据不用。无本月值、本年累计和上年同期累计。',
      `行业分类以最后载入的${dataset('patent_intensive_classification')}版本为准；未载入分类时全部数值为空。`,
      `企业法：企业的城市和行业取自${dataset('enterprises')}；${dataset('enterprise_accounts')}中统一社会信用代码不在名录内的企业不计。整类属于的行业的企业全部计入；部分属于（*）的行业的企业，只有在该年12月31日持有至少一件授权日不晚于该日、法律状态为有效的发明专利（${dataset('patents')}，按申请人统一社会信用代码匹配）时计入。法律状态为失效、无效或期满的专利任何年度都不计。亏损企业的增加值按负数计入。`,
      '核算方法：报告年度本市至少有一家名录内企业报送企业增加值构成时用企业法，否则用行业法；基期年度至最近完整年度的各年度值均用报告年度的方法，该方法某年无数据时该年度值为空。',
      `行业法：${dataset('industry_accounts')}按城市、年度和行业汇总（区县合并至城市）；部分属于的行业乘以比例：城市配置的比例优先，否则为同城同年同行业持有有效发明专利的企业增加值 ÷ 该行业全部企业增加值（该行业企业增加值为正且前者在0与后者之间时才可推算），都没有时该行业不计并在报告中列出。加权值四舍五入到分。`,
      '名义增长和年均增长只在同一方法（报告年度所用方法）的两个年度之间计算，不跨方法比较。名义增长在上年度值缺失或 ≤ 0 时为空；年均增长在报告年度不晚于基期年度、基期年度值缺失或 ≤ 0、报告年度值 < 0 时为空。增长率按精确值四舍五入（远离零）保留6位小数。',
      targetRule('patent_intensive_value_added_cny', '元'),
    ],
    unit: '元',
  }),
  indicatorMethod('gi_output_value_cny', {
    definition: '实施地理标志运用促进工程的地理标志产品（属于本市的产品）由获准使用地理标志专用标志的市场主体直接产生的产值（《通知》：实施地理标志运用促进工程的地理标志产品产值）。',
    formula: flowFormula(`该月运用促进工程产品的用标${column('gi_output', 'output_value_cny')}之和`),
    countingRules: [
      `只计${column('gi_output', 'uses_special_mark')}为“是”的产值；只计${column('gi_products', 'in_promotion_project')}为“是”的产品。`,
      monthRule(column('gi_output', 'period')),
      `按地理标志产品的城市（${dataset('gi_products')}的${column('gi_products', 'city_code')}，以${column('gi_output', 'gi_id')}关联）归属，不按使用人所在城市。${column('gi_output', 'gi_id')}不在地理标志名录中的产值无法归属，不计入任何城市，单独列出供核对。`,
      '金额单位为元，按精确小数求和，保留到分。',
      FLOW_YEARS_RULE,
      ...COMMON_RULES,
      targetRule('gi_output_value_cny', '元'),
    ],
    unit: '元',
  }),
  {
    id: 'patent_intensive_share_of_gdp',
    nameZh: '专利密集型产业增加值占地区生产总值比重',
    definition: '报告年度本市专利密集型产业增加值占本市地区生产总值的比重，与同年（或此前最近一年）全国专利密集型产业增加值占国内生产总值比重并列。',
    sourceDatasets: [...INDICATORS.patent_intensive_value_added_cny.sourceDatasets, 'city_accounts'],
    formula: `比重 = 报告年度专利密集型产业增加值 ÷ 同年${column('city_accounts', 'gdp_cny')}（本市各报送区域之和）。`,
    countingRules: [
      '增加值与报告年度同“专利密集型产业增加值”指标（同一方法、同一分类版本）。',
      '本市该年无地区生产总值数据时比重为空，不以0代替；报告年度为空（未载入分类或无增加值数据）时比重亦为空。',
      '比重以小数表示，按精确值四舍五入（远离零）保留6位小数。',
      '全国比重取自国家统计局、国家知识产权局公布的报告年度或此前最近一年的数据，注明年份。',
    ],
    unit: '%',
  },
  {
    id: 'gi_output_all_products',
    nameZh: '地理标志产品产值（全部产品）',
    definition: '本市全部地理标志产品（不论是否实施运用促进工程）由获准使用地理标志专用标志的市场主体直接产生的产值，本年累计；并分产品列出产值和用标主体数。',
    sourceDatasets: INDICATORS.gi_output_value_cny.sourceDatasets,
    formula: `全部产品本年累计 = 报告年1月至报告月所有地理标志产品的用标${column('gi_output', 'output_value_cny')}之和；运用促进工程产品本年累计 = 其中运用促进工程产品之和（等于“地理标志运用促进工程产品产值”的本年累计）；用标主体数 = 本年累计内报送该产品用标产值的不同使用人（按${column('gi_output', 'producer_uscc')}）数。`,
    countingRules: [
      `只计${column('gi_output', 'uses_special_mark')}为“是”的产值。`,
      monthRule(column('gi_output', 'period')),
      `按地理标志产品的城市（${column('gi_products', 'city_code')}）归属；${column('gi_output', 'gi_id')}不在地理标志名录中的产值不计。`,
      '用标主体数为本年累计内的不同使用人数，不是各月人数之和。分产品表只列本年有用标产值记录的产品，按地理标志编号排序。',
      '产值数据未覆盖报告年1月至报告月时，两项合计为空、不列分产品；覆盖范围内本年无用标产值时合计为0。',
      CURRENT_ROWS_RULE,
    ],
    unit: '元；用标主体数：家',
  },
  {
    id: 'high_value_invention_patents_per_10k',
    nameZh: '每万人口高价值发明专利拥有量',
    definition:
      '报告月末本市有效发明专利中属于高价值发明专利的件数与本市常住人口（万人）之比。按国家知识产权局口径，有效发明专利符合下列任一条件即为高价值发明专利：战略性新兴产业的发明专利；在海外有同族专利权的发明专利；维持年限超过10年的发明专利；实现较高质押融资金额的发明专利；获得国家科学技术奖或中国专利奖的发明专利。',
    sourceDatasets: ['patents', 'pledges', 'city_accounts'],
    formula: `每万人口高价值发明专利拥有量 = 高价值发明专利拥有量 × 10000 ÷ ${column('city_accounts', 'resident_population')}，四舍五入保留两位小数；有效发明专利拥有量 = 报告月末有效的发明专利件数。`,
    countingRules: [
      `有效发明专利：${column('patents', 'patent_type')}为发明、${column('patents', 'legal_status')}为有效、${column('patents', 'grant_date')}不晚于报告月末，按申请人所在城市（${column('patents', 'city_code')}）归属；实用新型和外观设计不计。`,
      `维持年限超过10年：${column('patents', 'application_date')}加10年早于报告月末（自申请日起算，恰满10年不计）。`,
      `较高质押融资金额：报告月末前登记（不论状态，已注销的质押同样实现过融资）、在${column('pledges', 'patent_application_nos')}中列出该专利的各笔质押，其${column('pledges', 'secured_amount_cny')}按所列专利件数平均分摊（取整到分）后相加，不低于门槛即符合；门槛默认1000万元，城市配置可另设。`,
      `${column('patents', 'strategic_emerging')}、${column('patents', 'overseas_family')}、${column('patents', 'award')}按报送值判断；空值为“未知”，不视为“否”。`,
      '同时符合多项条件的专利只计一件；分项件数分别计数，其和可大于高价值发明专利拥有量。',
      '某项条件在有效发明专利中存在未知值时，该分项为空；某件专利未符合任何已知条件而存在未知条件时，高价值发明专利拥有量及每万人口指标为空，并列出缺少的字段。',
      '本市本年常住人口未报送时，采用此前最近一年的数据并注明年份；均无时每万人口指标为空。',
      '法律状态取专利登记簿的当前状态：已失效专利在以往各月均不计。',
      CURRENT_ROWS_RULE,
      CITY_ROLL_UP_RULE,
    ],
    unit: '件/万人；拥有量：件',
  },
];
