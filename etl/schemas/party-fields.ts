/** Field groups several datasets share: the parties of a transfer or licence recordal. */
import { PARTY_TYPES, EVENT_TYPES, LICENCE_TYPES } from './enums.ts';
import { boolean, cityCode, date, enumeration, money, text, uscc } from './fields.ts';
import { onlyWhen, type CrossFieldRule } from './cross-field-rules.ts';

export function eventIdField() {
  return text({ zh: '登记号', zhHant: '登記號', required: true });
}

/** The columns after the subject (application_no / registration_no) of a recordal. */
export function recordalFields() {
  return {
    event_type: enumeration({ zh: '事务类型', zhHant: '事務類型', required: true }, EVENT_TYPES),
    licence_type: enumeration({ zh: '许可类型', zhHant: '許可類型', required: false }, LICENCE_TYPES),
    effective_date: date({ zh: '登记生效日', zhHant: '登記生效日', required: true }),
    from_name: text({ zh: '让与方名称', zhHant: '讓與方名稱', required: true }),
    from_uscc: uscc({ zh: '让与方统一社会信用代码', zhHant: '讓與方統一社會信用代碼', required: false }),
    from_type: enumeration({ zh: '让与方类型', zhHant: '讓與方類型', required: true }, PARTY_TYPES),
    from_city_code: cityCode({ zh: '让与方行政区划代码', zhHant: '讓與方行政區劃代碼', required: true }),
    to_name: text({ zh: '受让方名称', zhHant: '受讓方名稱', required: true }),
    to_uscc: uscc({ zh: '受让方统一社会信用代码', zhHant: '受讓方統一社會信用代碼', required: false }),
    to_type: enumeration({ zh: '受让方类型', zhHant: '受讓方類型', required: true }, PARTY_TYPES),
    to_city_code: cityCode({ zh: '受让方行政区划代码', zhHant: '受讓方行政區劃代碼', required: true }),
    to_is_sme: boolean({ zh: '受让方是否中小企业', zhHant: '受讓方是否中小企業', required: false }),
    contract_amount_cny: money({ zh: '合同金额', zhHant: '合同金額', required: false, sign: 'non_negative' }),
  };
}

export const RECORDAL_RULES: readonly CrossFieldRule[] = [onlyWhen('licence_type', 'event_type', 'licence', 'licence_type_without_licence')];

/** Applicant columns shared by patents and trademarks. */
export function applicantFields() {
  return {
    applicant_name: text({ zh: '申请人', zhHant: '申請人', required: true }),
    applicant_uscc: uscc({ zh: '申请人统一社会信用代码', zhHant: '申請人統一社會信用代碼', required: false }),
    applicant_type: enumeration({ zh: '申请人类型', zhHant: '申請人類型', required: true }, PARTY_TYPES),
    city_code: cityCode({ zh: '申请人行政区划代码', zhHant: '申請人行政區劃代碼', required: true }),
  };
}
