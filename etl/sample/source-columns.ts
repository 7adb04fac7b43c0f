/**
 * The source columns of each dataset as an operator writes them (../spec DATA-CONTRACT.md): the
 * English name, the simplified Chinese header, how a value is spelled, and the Chinese words of
 * enumerations. The tests check every header and word against the dataset specs in etl/schemas.
 */
import type { DatasetName } from '../schemas/dataset-spec.ts';

export type SourceValueKind = 'text' | 'date' | 'period' | 'money' | 'integer' | 'decimal' | 'boolean' | 'enum';

export interface SampleSourceColumn {
  readonly name: string;
  readonly zh: string;
  readonly kind: SourceValueKind;
  /** English value → Chinese word, for enumerations. */
  readonly enumZh?: Readonly<Record<string, string>>;
}

const APPLICANT_TYPE_ZH = { enterprise: '企业', university: '大专院校', research_institute: '科研单位', individual: '个人', government: '机关团体', other: '其他' };
const EVENT_TYPE_ZH = { transfer: '转让', licence: '许可' };
const LICENCE_TYPE_ZH = { exclusive: '独占', sole: '排他', ordinary: '普通', other: '其他' };

function column(name: string, zh: string, kind: SourceValueKind, enumZh?: Readonly<Record<string, string>>): SampleSourceColumn {
  return enumZh === undefined ? { name, zh, kind } : { name, zh, kind, enumZh };
}

function eventColumns(subjectColumn: SampleSourceColumn): SampleSourceColumn[] {
  return [
    column('event_id', '登记号', 'text'),
    subjectColumn,
    column('event_type', '事务类型', 'enum', EVENT_TYPE_ZH),
    column('licence_type', '许可类型', 'enum', LICENCE_TYPE_ZH),
    column('effective_date', '登记生效日', 'date'),
    column('from_name', '让与方名称', 'text'),
    column('from_uscc', '让与方统一社会信用代码', 'text'),
    column('from_type', '让与方类型', 'enum', APPLICANT_TYPE_ZH),
    column('from_city_code', '让与方行政区划代码', 'text'),
    column('to_name', '受让方名称', 'text'),
    column('to_uscc', '受让方统一社会信用代码', 'text'),
    column('to_type', '受让方类型', 'enum', APPLICANT_TYPE_ZH),
    column('to_city_code', '受让方行政区划代码', 'text'),
    column('to_is_sme', '受让方是否中小企业', 'boolean'),
    column('contract_amount_cny', '合同金额', 'money'),
  ];
}

export const SAMPLE_SOURCE_COLUMNS: Readonly<Record<DatasetName, readonly SampleSourceColumn[]>> = {
  patents: [
    column('application_no', '申请号', 'text'),
    column('patent_type', '专利类型', 'enum', { invention: '发明', utility_model: '实用新型', design: '外观设计' }),
    column('title', '名称', 'text'),
    column('application_date', '申请日', 'date'),
    column('grant_date', '授权公告日', 'date'),
    column('legal_status', '法律状态', 'enum', { pending: '审中', granted: '有效', lapsed: '失效', invalidated: '无效', expired: '届满' }),
    column('applicant_name', '申请人', 'text'),
    column('applicant_uscc', '申请人统一社会信用代码', 'text'),
    column('applicant_type', '申请人类型', 'enum', APPLICANT_TYPE_ZH),
    column('city_code', '申请人行政区划代码', 'text'),
    column('ipc_main', '主分类号', 'text'),
    column('strategic_emerging', '战略性新兴产业', 'boolean'),
    column('overseas_family', '海外同族', 'boolean'),
    column('award', '获奖', 'boolean'),
  ],
  patent_events: eventColumns(column('application_no', '申请号', 'text')),
  trademarks: [
    column('registration_no', '注册号', 'text'),
    column('nice_class', '类别', 'integer'),
    column('mark_name', '商标名称', 'text'),
    column('mark_kind', '商标种类', 'enum', { ordinary: '普通', collective: '集体', certification: '证明' }),
    column('applicant_name', '申请人', 'text'),
    column('applicant_uscc', '申请人统一社会信用代码', 'text'),
    column('applicant_type', '申请人类型', 'enum', APPLICANT_TYPE_ZH),
    column('city_code', '申请人行政区划代码', 'text'),
    column('application_date', '申请日', 'date'),
    column('registration_date', '注册日', 'date'),
    column('status', '商标状态', 'enum', { pending: '审中', registered: '已注册', invalidated: '无效', expired: '失效' }),
  ],
  trademark_events: eventColumns(column('registration_no', '注册号', 'text')),
  pledges: [
    column('pledge_id', '质押登记号', 'text'),
    column('ip_type', '质押物类型', 'enum', { patent: '专利', trademark: '商标', mixed: '混合' }),
    column('ip_count', '质押件数', 'integer'),
    column('registration_date', '登记日', 'date'),
    column('status', '状态', 'enum', { registered: '设立', changed: '变更', cancelled: '注销' }),
    column('pledgor_name', '出质人名称', 'text'),
    column('pledgor_uscc', '出质人统一社会信用代码', 'text'),
    column('pledgor_city_code', '出质人行政区划代码', 'text'),
    column('pledgor_is_sme', '出质人是否中小企业', 'boolean'),
    column('pledgee_name', '质权人名称', 'text'),
    column('pledgee_type', '质权人类型', 'enum', { bank: '银行', guarantor: '担保机构', other: '其他' }),
    column('secured_amount_cny', '担保债权数额', 'money'),
    column('term_start', '质押期限起', 'date'),
    column('term_end', '质押期限止', 'date'),
    column('patent_application_nos', '质押专利申请号', 'text'),
  ],
  gi_products: [
    column('gi_id', '地理标志编号', 'text'),
    column('name', '产品名称', 'text'),
    column('protection_type', '保护类型', 'enum', { product: '地理标志保护产品', collective_mark: '集体商标', certification_mark: '证明商标', agricultural: '农产品地理标志' }),
    column('city_code', '行政区划代码', 'text'),
    column('category', '产品类别', 'text'),
    column('approval_date', '批准日', 'date'),
    column('in_promotion_project', '是否实施运用促进工程', 'boolean'),
  ],
  gi_output: [
    column('gi_id', '地理标志编号', 'text'),
    column('producer_name', '使用人名称', 'text'),
    column('producer_uscc', '使用人统一社会信用代码', 'text'),
    column('city_code', '使用人行政区划代码', 'text'),
    column('period', '统计期', 'period'),
    column('output_value_cny', '产值', 'money'),
    column('quantity', '产量', 'decimal'),
    column('unit', '计量单位', 'text'),
    column('uses_special_mark', '是否使用专用标志', 'boolean'),
  ],
  enterprises: [
    column('uscc', '统一社会信用代码', 'text'),
    column('name', '企业名称', 'text'),
    column('city_code', '行政区划代码', 'text'),
    column('industry_code', '行业代码', 'text'),
    column('is_sme', '是否中小企业', 'boolean'),
    column('is_above_scale', '是否规模以上', 'boolean'),
    column('employees', '从业人员', 'integer'),
  ],
  enterprise_accounts: [
    column('uscc', '统一社会信用代码', 'text'),
    column('year', '年份', 'integer'),
    column('labor_compensation_cny', '劳动者报酬', 'money'),
    column('net_production_taxes_cny', '生产税净额', 'money'),
    column('depreciation_cny', '固定资产折旧', 'money'),
    column('operating_surplus_cny', '营业盈余', 'money'),
    column('gross_output_cny', '总产出', 'money'),
    column('intermediate_input_cny', '中间投入', 'money'),
  ],
  industry_accounts: [
    column('city_code', '行政区划代码', 'text'),
    column('year', '年份', 'integer'),
    column('industry_code', '行业代码', 'text'),
    column('value_added_cny', '增加值', 'money'),
  ],
  city_accounts: [
    column('city_code', '行政区划代码', 'text'),
    column('year', '年份', 'integer'),
    column('gdp_cny', '地区生产总值', 'money'),
    column('resident_population', '常住人口', 'integer'),
  ],
  tech_contracts: [
    column('contract_id', '合同登记号', 'text'),
    column('registration_date', '登记日', 'date'),
    column('contract_type', '合同类型', 'enum', { development: '开发', transfer: '转让', licence: '许可', consulting: '咨询', service: '服务' }),
    column('ip_kind', '知识产权类型', 'enum', { patent: '专利', software: '软件著作权', ic_layout: '集成电路布图设计', plant_variety: '植物新品种', technical_secret: '技术秘密', none: '未涉及' }),
    column('seller_name', '卖方名称', 'text'),
    column('seller_type', '卖方类型', 'enum', APPLICANT_TYPE_ZH),
    column('seller_city_code', '卖方行政区划代码', 'text'),
    column('buyer_name', '买方名称', 'text'),
    column('buyer_type', '买方类型', 'enum', APPLICANT_TYPE_ZH),
    column('buyer_city_code', '买方行政区划代码', 'text'),
    column('buyer_is_sme', '买方是否中小企业', 'boolean'),
    column('turnover_cny', '成交额', 'money'),
  ],
  programme_records: [
    column('record_id', '记录号', 'text'),
    column('city_code', '行政区划代码', 'text'),
    column('kind', '类型', 'enum', { ip_management_certification: '贯标认证', ip_custody: '知识产权托管', securitization: '证券化产品', patent_navigation: '专利导航项目', operation_centre: '运营中心', service_platform: '运营服务平台' }),
    column('entity_name', '主体名称', 'text'),
    column('entity_uscc', '主体统一社会信用代码', 'text'),
    column('event_date', '日期', 'date'),
    column('amount_cny', '金额', 'money'),
  ],
  patent_intensive_classification: [
    column('version', '版本', 'text'),
    column('industry_code', '行业代码', 'text'),
    column('category_code', '大类代码', 'text'),
    column('partial', '是否部分纳入', 'boolean'),
  ],
};

/**
 * Traditional Chinese headers, for the one dataset the sample writes with them (a GI extract
 * from a Hong Kong / Taiwan–style system).
 */
export const GI_PRODUCTS_TRADITIONAL_HEADERS: Readonly<Record<string, string>> = {
  gi_id: '地理標誌編號',
  name: '產品名稱',
  protection_type: '保護類型',
  city_code: '行政區劃代碼',
  category: '產品類別',
  approval_date: '批准日',
  in_promotion_project: '是否實施運用促進工程',
};
