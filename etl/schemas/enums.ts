/**
 * The enumerations of the data contract: English value → its Chinese words, simplified first
 * (as in the contract, and the form shown in messages), then traditional forms, written out.
 * Where Taiwan usage differs from a character-by-character conversion, both are listed.
 */
import { EnumerationParser } from './parse/enumeration.ts';

export const PATENT_TYPES = new EnumerationParser({
  invention: ['发明', '發明'],
  utility_model: ['实用新型', '實用新型'],
  design: ['外观设计', '外觀設計'],
});

export const PATENT_LEGAL_STATUSES = new EnumerationParser({
  pending: ['审中', '審中'],
  granted: ['有效'],
  lapsed: ['失效'],
  invalidated: ['无效', '無效'],
  expired: ['届满', '屆滿'],
});

/** Applicant, transferor, transferee, seller and buyer types. */
export const PARTY_TYPES = new EnumerationParser({
  enterprise: ['企业', '企業'],
  university: ['大专院校', '大專院校'],
  research_institute: ['科研单位', '科研單位'],
  individual: ['个人', '個人'],
  government: ['机关团体', '機關團體'],
  other: ['其他'],
});

export const EVENT_TYPES = new EnumerationParser({
  transfer: ['转让', '轉讓'],
  // "license" is the American spelling operators may type.
  licence: ['许可', '許可', 'license'],
});

export const LICENCE_TYPES = new EnumerationParser({
  exclusive: ['独占', '獨占', '獨佔'],
  sole: ['排他'],
  ordinary: ['普通'],
  other: ['其他'],
});

export const MARK_KINDS = new EnumerationParser({
  ordinary: ['普通'],
  collective: ['集体', '集體'],
  certification: ['证明', '證明'],
});

export const TRADEMARK_STATUSES = new EnumerationParser({
  pending: ['审中', '審中'],
  registered: ['已注册', '已註冊', '已注冊'],
  invalidated: ['无效', '無效'],
  expired: ['失效'],
});

export const PLEDGE_IP_TYPES = new EnumerationParser({
  patent: ['专利', '專利'],
  trademark: ['商标', '商標'],
  mixed: ['混合'],
});

export const PLEDGE_STATUSES = new EnumerationParser({
  registered: ['设立', '設立'],
  changed: ['变更', '變更'],
  cancelled: ['注销', '註銷', '注銷'],
});

export const PLEDGEE_TYPES = new EnumerationParser({
  bank: ['银行', '銀行'],
  guarantor: ['担保机构', '擔保機構'],
  other: ['其他'],
});

export const GI_PROTECTION_TYPES = new EnumerationParser({
  product: ['地理标志保护产品', '地理標誌保護產品', '地理標志保護產品'],
  collective_mark: ['集体商标', '集體商標'],
  certification_mark: ['证明商标', '證明商標'],
  agricultural: ['农产品地理标志', '農產品地理標誌', '農產品地理標志'],
});

export const TECH_CONTRACT_TYPES = new EnumerationParser({
  development: ['开发', '開發'],
  transfer: ['转让', '轉讓'],
  licence: ['许可', '許可', 'license'],
  consulting: ['咨询', '諮詢', '咨詢'],
  service: ['服务', '服務'],
});

export const TECH_CONTRACT_IP_KINDS = new EnumerationParser({
  patent: ['专利', '專利'],
  software: ['软件著作权', '軟件著作權', '軟體著作權'],
  ic_layout: ['集成电路布图设计', '集成電路布圖設計', '積體電路布圖設計'],
  plant_variety: ['植物新品种', '植物新品種'],
  technical_secret: ['技术秘密', '技術秘密'],
  none: ['未涉及'],
});

export const PROGRAMME_RECORD_KINDS = new EnumerationParser({
  ip_management_certification: ['贯标认证', '貫標認證'],
  ip_custody: ['知识产权托管', '知識產權託管', '知識產權托管'],
  securitization: ['证券化产品', '證券化產品', 'securitisation'],
  patent_navigation: ['专利导航项目', '專利導航項目'],
  operation_centre: ['运营中心', '運營中心', 'operation_center'],
  service_platform: ['运营服务平台', '運營服務平台', '運營服務平臺'],
});
