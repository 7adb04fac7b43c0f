import { describe, expect, it } from 'vitest';
import { DATASETS } from '../../../etl/schemas/index.ts';
import { validateRow, validateRowWithZod, type RejectReason } from '../../../etl/schemas/validate-row.ts';

const VALID_PATENT = {
  application_no: '201710601862.3',
  patent_type: 'invention',
  application_date: '2017-07-21',
  legal_status: 'pending',
  applicant_name: '某某公司',
  applicant_type: 'enterprise',
  city_code: '440305',
};

const VALID_EVENT = {
  event_id: 'E1',
  application_no: '201710601862.3',
  event_type: 'licence',
  licence_type: 'ordinary',
  effective_date: '2023-03-15',
  from_name: 'A',
  from_type: 'university',
  from_city_code: '110108',
  to_name: 'B',
  to_type: 'enterprise',
  to_city_code: '440305',
};

function reasons(result: ReturnType<typeof validateRow>): RejectReason[] {
  if (result.ok) throw new Error('expected the row to be rejected');
  return result.reasons;
}

describe('validateRow', () => {
  it('reports every failing field of a row, in column order, with column, raw value, rule and message', () => {
    const raw = { ...VALID_PATENT, application_no: '201710601862.5', application_date: '2023-02-30', legal_status: '作废', applicant_name: '', city_code: '440399', applicant_uscc: '91350100M000100Y45' };
    expect(reasons(validateRow(DATASETS.patents, raw))).toEqual([
      { column: 'application_no', value: '201710601862.5', rule: 'application_no_check', message: 'application_no (申请号): check digit is 5, expected 3 (201710601862.5)' },
      { column: 'application_date', value: '2023-02-30', rule: 'date_invalid', message: 'application_date (申请日): "2023-02-30" is not a real calendar date' },
      {
        column: 'legal_status',
        value: '作废',
        rule: 'enum_value',
        message: 'legal_status (法律状态): expected one of pending (审中), granted (有效), lapsed (失效), invalidated (无效), expired (届满), got "作废"',
      },
      { column: 'applicant_name', value: '', rule: 'required', message: 'applicant_name (申请人): a value is required' },
      { column: 'applicant_uscc', value: '91350100M000100Y45', rule: 'uscc_check', message: 'applicant_uscc (申请人统一社会信用代码): check character is 5, expected 3 (91350100M000100Y45)' },
      { column: 'city_code', value: '440399', rule: 'city_code_unknown', message: 'city_code (申请人行政区划代码): 440399 is not a GB/T 2260 administrative division code' },
    ]);
  });

  it('reports an absent required column with a null value', () => {
    const { applicant_type: _absent, ...raw } = VALID_PATENT;
    expect(reasons(validateRow(DATASETS.patents, raw))).toEqual([
      { column: 'applicant_type', value: null, rule: 'required', message: 'applicant_type (申请人类型): a value is required' },
    ]);
  });

  it('rejects a grant date before the application date', () => {
    expect(reasons(validateRow(DATASETS.patents, { ...VALID_PATENT, grant_date: '2017-07-20' }))).toEqual([
      { column: 'grant_date', value: '2017-07-20', rule: 'grant_before_application', message: 'grant_date (授权公告日): 2017-07-20 is before application_date (2017-07-21)' },
    ]);
    expect(validateRow(DATASETS.patents, { ...VALID_PATENT, grant_date: '2017-07-21' }).ok).toBe(true);
  });

  it('rejects a patent type that disagrees with the type digit, and runs cross-field rules beside field failures', () => {
    expect(reasons(validateRow(DATASETS.patents, { ...VALID_PATENT, patent_type: '外观设计', applicant_type: 'x' }))).toEqual([
      {
        column: 'applicant_type',
        value: 'x',
        rule: 'enum_value',
        message:
          'applicant_type (申请人类型): expected one of enterprise (企业), university (大专院校), research_institute (科研单位), individual (个人), government (机关团体), other (其他), got "x"',
      },
      {
        column: 'patent_type',
        value: '外观设计',
        rule: 'patent_type_mismatch',
        message: 'patent_type (专利类型): design disagrees with application_no 201710601862.3, whose type digit means invention',
      },
    ]);
  });

  it('stays silent on a cross-field rule whose inputs did not parse', () => {
    expect(reasons(validateRow(DATASETS.patents, { ...VALID_PATENT, application_date: 'soon', grant_date: '2000-01-01' })).map((reason) => reason.rule)).toEqual(['date_format']);
  });

  it('rejects a registration date before the application date (trademarks)', () => {
    const raw = {
      registration_no: '1',
      nice_class: '9',
      mark_kind: '普通',
      applicant_name: 'A',
      applicant_type: '个人',
      city_code: '440300',
      application_date: '2020-01-02',
      registration_date: '2020-01-01',
      status: '审中',
    };
    expect(reasons(validateRow(DATASETS.trademarks, raw))).toEqual([
      {
        column: 'registration_date',
        value: '2020-01-01',
        rule: 'registration_before_application',
        message: 'registration_date (注册日): 2020-01-01 is before application_date (2020-01-02)',
      },
    ]);
    expect(reasons(validateRow(DATASETS.trademarks, { ...raw, registration_date: '', nice_class: '46' }))).toEqual([
      { column: 'nice_class', value: '46', rule: 'integer_range', message: 'nice_class (类别): expected a whole number from 1 to 45, got "46"' },
    ]);
  });

  it('rejects a pledge term that ends before it starts, and a secured amount of 0', () => {
    const raw = {
      pledge_id: 'P1',
      ip_type: 'mixed',
      ip_count: '1',
      registration_date: '2023-01-01',
      status: 'registered',
      pledgor_name: 'A',
      pledgor_city_code: '440300',
      pledgee_name: 'B',
      secured_amount_cny: '0',
      term_start: '2023-01-01',
      term_end: '2022-12-31',
    };
    expect(reasons(validateRow(DATASETS.pledges, raw))).toEqual([
      { column: 'secured_amount_cny', value: '0', rule: 'money_not_positive', message: 'secured_amount_cny (担保债权数额): expected an amount > 0, got "0"' },
      { column: 'term_end', value: '2022-12-31', rule: 'term_end_before_start', message: 'term_end (质押期限止): 2022-12-31 is before term_start (2023-01-01)' },
    ]);
  });

  it('allows a licence type only on a licence', () => {
    expect(validateRow(DATASETS.patent_events, VALID_EVENT).ok).toBe(true);
    expect(reasons(validateRow(DATASETS.patent_events, { ...VALID_EVENT, event_type: '转让' }))).toEqual([
      { column: 'licence_type', value: 'ordinary', rule: 'licence_type_without_licence', message: 'licence_type (许可类型): ordinary is only allowed when event_type is licence, not transfer' },
    ]);
    expect(reasons(validateRow(DATASETS.trademark_events, { ...VALID_EVENT, application_no: undefined, registration_no: '88', event_type: 'transfer' })).map((reason) => reason.rule)).toEqual([
      'licence_type_without_licence',
    ]);
  });

  it('needs the four income components or both production components of enterprise accounts', () => {
    const base = { uscc: '914403001922038216', year: '2023' };
    const income = { labor_compensation_cny: '1', net_production_taxes_cny: '-1', depreciation_cny: '1', operating_surplus_cny: '1' };
    expect(validateRow(DATASETS.enterprise_accounts, { ...base, ...income }).ok).toBe(true);
    expect(validateRow(DATASETS.enterprise_accounts, { ...base, gross_output_cny: '10', intermediate_input_cny: '4' }).ok).toBe(true);
    expect(reasons(validateRow(DATASETS.enterprise_accounts, { ...base, ...income, operating_surplus_cny: '', gross_output_cny: '10' }))).toEqual([
      {
        column: null,
        value: null,
        rule: 'accounts_incomplete',
        message:
          'expected all of labor_compensation_cny, net_production_taxes_cny, depreciation_cny, operating_surplus_cny or all of gross_output_cny, intermediate_input_cny',
      },
    ]);
    // A component that fails to parse is blamed once, not also as missing.
    expect(reasons(validateRow(DATASETS.enterprise_accounts, { ...base, ...income, depreciation_cny: '-1' }))).toEqual([
      { column: 'depreciation_cny', value: '-1', rule: 'money_negative', message: 'depreciation_cny (固定资产折旧): expected an amount ≥ 0, got "-1"' },
    ]);
  });

  it('rejects category codes outside 01–07 and industry codes that are not classes', () => {
    expect(reasons(validateRow(DATASETS.patent_intensive_classification, { version: '2019', industry_code: '39', category_code: '08', partial: '否' }))).toEqual([
      { column: 'industry_code', value: '39', rule: 'industry_code_not_class', message: 'industry_code (行业代码): 39 (计算机、通信和其他电子设备制造业) is a division; expected a four-digit class' },
      { column: 'category_code', value: '08', rule: 'category_code_range', message: 'category_code (大类代码): expected a category code from 01 to 07, got "08"' },
    ]);
  });

  it('gives the same reasons through the zod schema as through the compiled validator', () => {
    const samples: Array<[keyof typeof DATASETS, Record<string, string | undefined>]> = [
      ['patents', { ...VALID_PATENT, application_no: 'CN201710601862.5', grant_date: '2017-01-01', ipc_main: 'xx', city_code: '440000' }],
      ['patents', { ...VALID_PATENT, patent_type: 'design', title: '  ' }],
      ['patent_events', { ...VALID_EVENT, event_type: 'transfer', contract_amount_cny: '-1', to_is_sme: 'maybe', to_uscc: 'ABC' }],
      ['enterprise_accounts', { uscc: '', year: '1899', gross_output_cny: '1' }],
      ['gi_output', { period: '2023-13', quantity: '-1', output_value_cny: '1e3' }],
      ['tech_contracts', { buyer_city_code: '429000' }],
    ];
    for (const [name, raw] of samples) {
      expect(validateRow(DATASETS[name], raw)).toEqual(validateRowWithZod(DATASETS[name], raw));
    }
    expect(reasons(validateRow(DATASETS.enterprise_accounts, { uscc: '', year: '1899', gross_output_cny: '1' })).map((reason) => reason.rule)).toEqual([
      'required',
      'integer_range',
      'accounts_incomplete',
    ]);
  });
});
