import { describe, expect, it } from 'vitest';
import { HeaderConflictError, MissingColumnsError } from '../../../etl/schemas/header-errors.ts';
import { DATASETS } from '../../../etl/schemas/index.ts';
import { resolveHeaders } from '../../../etl/schemas/resolve-headers.ts';

const pledges = DATASETS.pledges;
const PLEDGE_REQUIRED_ZH = ['质押登记号', '质押物类型', '质押件数', '登记日', '状态', '出质人名称', '出质人行政区划代码', '质权人名称', '担保债权数额'];

describe('resolveHeaders', () => {
  it('matches simplified Chinese headers and the 万元 unit in full-width brackets', () => {
    const header = [...PLEDGE_REQUIRED_ZH.slice(0, -1), '担保债权数额（万元）', '备注'];
    const resolved = resolveHeaders(pledges, header);
    expect(resolved.columns.map((column) => column.column)).toEqual([
      'pledge_id',
      'ip_type',
      'ip_count',
      'registration_date',
      'status',
      'pledgor_name',
      'pledgor_city_code',
      'pledgee_name',
      'secured_amount_cny',
    ]);
    expect(resolved.columns[8]).toEqual({ index: 8, column: 'secured_amount_cny', unitScale: 10000 });
    expect(resolved.columns[0]).toEqual({ index: 0, column: 'pledge_id', unitScale: 1 });
    expect(resolved.unknown).toEqual(['备注']);
  });

  it('matches traditional Chinese headers', () => {
    const header = ['質押登記號', '質押物類型', '質押件數', '登記日', '狀態', '出質人名稱', '出質人行政區劃代碼', '質權人名稱', '擔保債權數額(萬元)', '出質人統一社會信用代碼'];
    const resolved = resolveHeaders(pledges, header);
    expect(resolved.columns.map((column) => [column.column, column.unitScale])).toEqual([
      ['pledge_id', 1],
      ['ip_type', 1],
      ['ip_count', 1],
      ['registration_date', 1],
      ['status', 1],
      ['pledgor_name', 1],
      ['pledgor_city_code', 1],
      ['pledgee_name', 1],
      ['secured_amount_cny', 10000],
      ['pledgor_uscc', 1],
    ]);
  });

  it('ignores BOM, case, surrounding spaces and a 元 unit', () => {
    const spec = DATASETS.tech_contracts;
    const header = ['\uFEFFContract_ID', ' registration_date ', 'CONTRACT_TYPE', 'ip kind', '卖方名称', '卖方类型', '卖方行政区划代码', '成交额（元）'];
    const resolved = resolveHeaders(spec, header);
    expect(resolved.columns.map((column) => column.column)).toEqual([
      'contract_id',
      'registration_date',
      'contract_type',
      'ip_kind',
      'seller_name',
      'seller_type',
      'seller_city_code',
      'turnover_cny',
    ]);
    expect(resolved.columns[7]!.unitScale).toBe(1);
  });

  it('ignores an English note in brackets after a Chinese header', () => {
    const spec = DATASETS.patent_events;
    const header = ['登记号', '申请号', '事务类型', '登记生效日', '让与方名称 (transferor / licensor)', '让与方类型', '让与方行政区划代码', '受让方名称', '受让方类型', '受让方行政区划代码', '合同金额(万元)'];
    const resolved = resolveHeaders(spec, header);
    expect(resolved.columns[4]).toEqual({ index: 4, column: 'from_name', unitScale: 1 });
    expect(resolved.columns[10]).toEqual({ index: 10, column: 'contract_amount_cny', unitScale: 10000 });
  });

  it('names every missing required column in English and Chinese, and the dataset', () => {
    const header = PLEDGE_REQUIRED_ZH.filter((name) => name !== '质押件数' && name !== '担保债权数额');
    expect(() => resolveHeaders(pledges, header)).toThrow(MissingColumnsError);
    expect(() => resolveHeaders(pledges, header)).toThrow('pledges: the header lacks required columns ip_count (质押件数), secured_amount_cny (担保债权数额)');
  });

  it('rejects a column given twice, naming both headers', () => {
    const header = [...PLEDGE_REQUIRED_ZH, 'pledge_id'];
    expect(() => resolveHeaders(pledges, header)).toThrow(HeaderConflictError);
    expect(() => resolveHeaders(pledges, header)).toThrow('pledges: column pledge_id is given twice, as "质押登记号" and "pledge_id"');
  });

  it('rejects 万元 on a column that is not money, and other units on money columns', () => {
    const header = [...PLEDGE_REQUIRED_ZH];
    header[2] = '质押件数(万元)';
    expect(() => resolveHeaders(pledges, header)).toThrow('pledges: header "质押件数(万元)" gives the unit 万元, but ip_count is not a money column');
    header[2] = '质押件数';
    header[8] = '担保债权数额（千元）';
    expect(() => resolveHeaders(pledges, header)).toThrow('pledges: header "担保债权数额（千元）": money column secured_amount_cny accepts the units 元 or 万元, not "千元"');
  });

  it('rejects a header that matches two columns, naming both', () => {
    const ambiguous = {
      ...pledges,
      sourceColumns: [...pledges.sourceColumns, { name: 'pledge_note', required: false, headers: ['pledge_note', '质押登记号'] }],
    };
    expect(() => resolveHeaders(ambiguous, PLEDGE_REQUIRED_ZH)).toThrow('pledges: header "质押登记号" matches both pledge_id and pledge_note');
  });
});
