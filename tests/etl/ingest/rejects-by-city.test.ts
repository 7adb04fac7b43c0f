import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RejectedByCitySchema } from '../../../etl/ingest/manifest.ts';
import { countRejectsByCity } from '../../../etl/ingest/rejects-by-city.ts';
import { getDataset } from '../../../etl/schemas/index.ts';
import { tempDir } from '../../support/temp-dir.ts';

/** A rejects line as row-processor.ts writes it; only the rules of the reasons matter here. */
const line = (row: number, raw: Record<string, string>, rules: string[]): string =>
  JSON.stringify({ row, raw, reasons: rules.map((rule) => ({ column: null, value: null, rule, message: rule })) });

const EVENT_HEADERS = { event_id: '登记号', effective_date: '登记生效日', from_city_code: '让与方行政区划代码', to_city_code: '受让方行政区划代码' };
const event = (row: number, id: string, date: string, from: string, to: string, rules: string[]) =>
  line(row, { 登记号: id, 登记生效日: date, 让与方行政区划代码: from, 受让方行政区划代码: to, 让与方名称: '个人姓名' }, rules);

const EVENT_REJECTS = [
  // both parties in districts of 440300 → 440300 once; a Chinese date → 2024-03
  event(2, 'E1', '2024年3月5日', '440305', '440306', ['uscc_check']),
  // 110108 → 110000 and 440300: counts once for each city
  event(3, 'E2', '2024-03-31', '110108', '440300', ['money_negative', 'boolean_format']),
  // no city parses (unknown code, empty), no real date → null city, null month
  event(4, 'E3', '2024-02-30', '999999', '', ['city_code_unknown', 'required', 'date_invalid']),
  // padded 310104 → 310000, full-width 110105 → 110000, compact date → 2024-04
  event(5, 'E4', '20240415', ' 310104 ', '１１０１０５', ['enum_value']),
  // too few fields: only the first two columns → null city, null month
  line(6, { 登记号: 'E5', 申请号: '201710601862.3' }, ['field_count']),
  // a second 440300 row in March: the group has 3 rows
  event(7, 'E6', '2024-03-01', '440300', '440300', ['uscc_check']),
  // a province code is not a city: only the other party's 110000 counts
  event(8, 'E7', '2024-04-20', '440000', '110108', ['city_code_not_city']),
  // two municipality districts of 天津 → 120000 once
  event(9, 'E8', '2024-05-01', '120101', '120102', ['uscc_check', 'uscc_check']),
  '',
].join('\n');

describe('countRejectsByCity', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('rejects-by-city');
  });

  async function count(dataset: string, headers: Record<string, string>, jsonl: string) {
    const rejectsPath = path.join(dir, `${dataset}.jsonl`);
    await writeFile(rejectsPath, jsonl);
    return countRejectsByCity({ dataset: getDataset(dataset), rejectsPath, headers });
  }

  it('counts rows and rules by every city a row names (rolled up) and the month of its partition date', async () => {
    // Hand-computed:
    // 110000 2024-03: E2 (money_negative, boolean_format); 2024-04: E4 (enum_value), E7 (city_code_not_city)
    // 120000 2024-05: E8 (uscc_check ×2: two reasons of the same rule)
    // 310000 2024-04: E4
    // 440300 2024-03: E1, E2, E6 (uscc_check ×2, money_negative, boolean_format)
    // null / null: E3 (city_code_unknown, required, date_invalid), E5 (field_count)
    const groups = await count('patent_events', EVENT_HEADERS, EVENT_REJECTS);
    expect(groups).toEqual([
      { city_code: '110000', month: '2024-03', rows: 1, rules: { boolean_format: 1, money_negative: 1 } },
      { city_code: '110000', month: '2024-04', rows: 2, rules: { city_code_not_city: 1, enum_value: 1 } },
      { city_code: '120000', month: '2024-05', rows: 1, rules: { uscc_check: 2 } },
      { city_code: '310000', month: '2024-04', rows: 1, rules: { enum_value: 1 } },
      { city_code: '440300', month: '2024-03', rows: 3, rules: { boolean_format: 1, money_negative: 1, uscc_check: 2 } },
      { city_code: null, month: null, rows: 2, rules: { city_code_unknown: 1, date_invalid: 1, field_count: 1, required: 1 } },
    ]);
    for (const group of groups) expect(RejectedByCitySchema.parse(group)).toEqual(group);
  });

  it('sorts a city with a known month before the same city without one', async () => {
    const jsonl = [event(2, 'E1', 'bad', '440305', '440305', ['date_format']), event(3, 'E2', '2024-01-02', '440305', '440305', ['x']), event(4, 'E3', 'bad', '', '', ['y'])].join('\n');
    expect(await count('patent_events', EVENT_HEADERS, jsonl)).toEqual([
      { city_code: '440300', month: '2024-01', rows: 1, rules: { x: 1 } },
      { city_code: '440300', month: null, rows: 1, rules: { date_format: 1 } },
      { city_code: null, month: null, rows: 1, rules: { y: 1 } },
    ]);
  });

  it('reads only the city columns the file has: a tech contract without a buyer column counts for its seller', async () => {
    const withBuyer = { registration_date: '登记日', seller_city_code: '卖方行政区划代码', buyer_city_code: '买方行政区划代码' };
    const jsonl = line(2, { 登记日: '2024-06-30', 卖方行政区划代码: '440305', 买方行政区划代码: '330106' }, ['enum_value']);
    expect(await count('tech_contracts', withBuyer, jsonl)).toEqual([
      { city_code: '330100', month: '2024-06', rows: 1, rules: { enum_value: 1 } },
      { city_code: '440300', month: '2024-06', rows: 1, rules: { enum_value: 1 } },
    ]);
    const { buyer_city_code: _absent, ...sellerOnly } = withBuyer;
    expect(await count('tech_contracts', sellerOnly, jsonl)).toEqual([{ city_code: '440300', month: '2024-06', rows: 1, rules: { enum_value: 1 } }]);
  });

  it('gives annual rows January of their year, period rows their month, and unpartitioned rows no month', async () => {
    const accounts = [line(2, { 行政区划代码: '440305', 年份: '2023' }, ['money_format']), line(3, { 行政区划代码: '440305', 年份: '23' }, ['integer_range'])].join('\n');
    expect(await count('city_accounts', { city_code: '行政区划代码', year: '年份' }, accounts)).toEqual([
      { city_code: '440300', month: '2023-01', rows: 1, rules: { money_format: 1 } },
      { city_code: '440300', month: null, rows: 1, rules: { integer_range: 1 } },
    ]);
    const output = line(2, { 使用人行政区划代码: '440306', 统计期: '2024年7月' }, ['uscc_check']);
    expect(await count('gi_output', { city_code: '使用人行政区划代码', period: '统计期' }, output)).toEqual([
      { city_code: '440300', month: '2024-07', rows: 1, rules: { uscc_check: 1 } },
    ]);
    const products = line(2, { 行政区划代码: '110108', 批准日期: '2006-01-01' }, ['enum_value']);
    expect(await count('gi_products', { city_code: '行政区划代码' }, products)).toEqual([{ city_code: '110000', month: null, rows: 1, rules: { enum_value: 1 } }]);
  });

  it('gives nothing for an empty rejects file', async () => {
    expect(await count('pledges', { pledgor_city_code: '出质人行政区划代码' }, '')).toEqual([]);
  });

  it('names the line of a malformed rejects file, never its values', async () => {
    const jsonl = [event(2, 'E1', '2024-03-05', '440305', '440306', ['x']), '{"row":3,"raw":{"让与方名称":"张三"', ''].join('\n');
    await expect(count('patent_events', EVENT_HEADERS, jsonl)).rejects.toThrow(/^rejects of patent_events, line 2: not a JSON line$/);
    const noReasons = `${JSON.stringify({ row: 2, raw: { 让与方名称: '张三' } })}\n`;
    await expect(count('patent_events', EVENT_HEADERS, noReasons)).rejects.toThrow(/^rejects of patent_events, line 1: expected \{"row":N,"raw":\{…\},"reasons":\[\{"rule":…\},…\]\}$/);
  });
});
