import { describe, expect, it } from 'vitest';
import { INDICATORS, INDICATOR_IDS } from '../../../../etl/reports/indicators.ts';
import { targetRule } from '../../../../etl/reports/methods/common-rules.ts';
import { columnReference, dataSourceText } from '../../../../etl/reports/methods/dataset-references.ts';
import { INDICATOR_METHODS } from '../../../../etl/reports/methods/indicator-methods.ts';

function entry(id: string) {
  const found = INDICATOR_METHODS.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no 指标解释 entry ${id}`);
  return found;
}

describe('INDICATOR_METHODS (指标解释)', () => {
  it('has an entry for every indicator of indicators.ts, in its order, then the other published figures', () => {
    const ids = INDICATOR_METHODS.map((method) => method.id);
    // A new indicator without an entry fails here.
    expect(ids.slice(0, INDICATOR_IDS.length)).toEqual([...INDICATOR_IDS]);
    expect(ids.slice(INDICATOR_IDS.length)).toEqual(expect.arrayContaining(['patent_intensive_share_of_gdp', 'gi_output_all_products']));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('takes each indicator’s name and data sources from its definition', () => {
    for (const id of INDICATOR_IDS) {
      expect(entry(id).nameZh).toBe(INDICATORS[id].nameZh);
      expect(entry(id).sourceDatasets).toEqual(INDICATORS[id].sourceDatasets);
    }
  });

  it('fills every field of every entry', () => {
    for (const method of INDICATOR_METHODS) {
      for (const text of [method.nameZh, method.definition, method.formula, method.unit, ...method.countingRules]) expect(text.trim(), method.id).not.toBe('');
      expect(method.sourceDatasets.length, method.id).toBeGreaterThan(0);
      expect(method.countingRules.length, method.id).toBeGreaterThan(0);
    }
  });

  it('names the datasets with their Chinese titles from etl/schemas', () => {
    expect(dataSourceText(entry('ip_transfer_licence_count').sourceDatasets)).toBe('专利转让、许可备案（patent_events）、商标转让、许可备案（trademark_events）');
    expect(dataSourceText(entry('patent_intensive_share_of_gdp').sourceDatasets)).toBe(
      '企业名录（enterprises）、企业增加值构成（enterprise_accounts）、分行业增加值（industry_accounts）、专利（patents）、专利密集型产业分类（patent_intensive_classification）、地区生产总值（city_accounts）',
    );
  });

  it('quotes columns by their schema label and refuses a column the dataset does not have', () => {
    expect(columnReference('pledges', 'registration_date')).toBe('登记日（registration_date）');
    expect(columnReference('patent_events', 'to_city_code')).toBe('受让方所属城市代码（to_city_code）');
    expect(() => columnReference('pledges', 'registered_on')).toThrow('指标解释: dataset pledges has no column registered_on');
  });

  it('states the date that decides the month and what is excluded, as the SQL does', () => {
    expect(entry('pledge_amount_cny').countingRules.slice(0, 3)).toEqual([
      '只计状态（status）为“设立”（registered）的登记；“变更”（changed）和“注销”（cancelled）登记不是新增融资，不计。',
      '按登记日（registration_date）所在自然月归属；报告月之后的记录一律不计。',
      '按出质人所属城市代码（pledgor_city_code）归属城市。',
    ]);
    expect(entry('ip_transfer_licence_count').countingRules[1]).toBe('按登记生效日（effective_date）所在自然月归属；报告月之后的记录一律不计。');
    expect(entry('operation_centre_count').countingRules[0]).toBe('只计类型（kind）为“运营中心”（operation_centre）的记录，每条记录计1个，按记录的所属城市代码（city_code）归属城市。');
    expect(entry('gi_output_value_cny').countingRules[0]).toBe('只计是否使用专用标志（uses_special_mark）为“是”的产值；只计是否实施运用促进工程（in_promotion_project）为“是”的产品。');
  });

  it('gives the target kind with the notice’s default and how the status is judged', () => {
    expect(targetRule('patent_contract_turnover_cny', '元')).toBe(
      '目标类型为年均增长，默认40%（《通知》的年均增幅），城市配置可另设。状态：较基期年均增长 ≥ 目标且 > 0 为已达标；否则同比增长 ≥ 目标且 > 0 为进度正常；否则为落后；两者均无法计算为无数据。',
    );
    expect(targetRule('gi_output_value_cny', '元')).toContain('默认0，即任何正增长（《通知》要求“显著提升”，未给出数值）');
    expect(targetRule('ip_certified_entity_count', '家')).toBe(
      '目标类型为建设期累计量，默认200家（《通知》的数值），城市配置可另设。状态：建设期累计 ≥ 目标为已达标；≥ 目标 × min(建设期首年1月至报告月的月数（含首尾两月）÷ 36, 1) 为进度正常；否则为落后；建设期累计为空时为无数据。',
    );
    for (const id of INDICATOR_IDS) expect(entry(id).countingRules.at(-1), id).toBe(targetRule(id, entry(id).unit));
  });

  it('gives growth and CAGR for flow indicators and the count since the programme start for cumulative ones', () => {
    expect(entry('pledge_project_count').formula).toContain('较基期年均增长 = （最近完整年度值 ÷ 基期年度值）^(1 ÷ (最近完整年度 − 基期年度)) − 1');
    expect(entry('ip_custody_sme_count').formula).toContain('建设期累计 = 建设期首年1月1日至报告月各月值之和');
    expect(entry('ip_custody_sme_count').formula).not.toContain('年均增长');
  });
});
