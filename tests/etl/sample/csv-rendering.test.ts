import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csvField, encodeCsv, headerFor, renderCell, renderCsvText, renderDate, renderPeriod, type SampleFileFormat } from '../../../etl/sample/csv-rendering.ts';
import { SeededRandom } from '../../../etl/sample/seeded-random.ts';
import { SAMPLE_SOURCE_COLUMNS } from '../../../etl/sample/source-columns.ts';

const pledgeColumns = SAMPLE_SOURCE_COLUMNS.pledges;
const amount = pledgeColumns.find((column) => column.name === 'secured_amount_cny')!;
const status = pledgeColumns.find((column) => column.name === 'status')!;
const isSme = pledgeColumns.find((column) => column.name === 'pledgor_is_sme')!;
const base: SampleFileFormat = { encoding: 'utf-8', lineEnding: 'lf', headerLanguage: 'zh-Hans', chineseEnumerations: true, dateStyle: 'iso', booleanStyle: '是/否' };
const random = new SeededRandom(1);

describe('csv rendering', () => {
  it('spells a date five ways and a period three ways', () => {
    expect(['iso', 'slash', 'dot', 'compact', 'chinese'].map((style) => renderDate('2024-03-05', style as SampleFileFormat['dateStyle']))).toEqual(['2024-03-05', '2024/03/05', '2024.03.05', '20240305', '2024年3月5日']);
    expect([renderPeriod('2024-03', 'iso'), renderPeriod('2024-03', 'compact'), renderPeriod('2024-03', 'chinese')]).toEqual(['2024-03', '202403', '2024年3月']);
  });

  it('writes money exactly, in yuan or in 万元, with thousands separators when asked', () => {
    expect(renderCell(amount, 123_456_789n, base, random)).toBe('1234567.89');
    expect(renderCell(amount, 800_000_000n, { ...base, thousandsSeparators: true }, random)).toBe('8,000,000');
    expect(renderCell(amount, 8_005_000_000n, { ...base, wanYuanColumns: ['secured_amount_cny'] }, random)).toBe('8005');
    expect(renderCell(amount, 12_345_600n, { ...base, wanYuanColumns: ['secured_amount_cny'] }, random)).toBe('12.3456');
    expect(renderCell(amount, -150_000n, { ...base, thousandsSeparators: true }, random)).toBe('-1,500');
  });

  it('writes enumerations and booleans in the file language', () => {
    expect(renderCell(status, 'cancelled', base, random)).toBe('注销');
    expect(renderCell(status, 'cancelled', { ...base, headerLanguage: 'en', chineseEnumerations: false }, random)).toBe('cancelled');
    expect(renderCell(isSme, true, { ...base, booleanStyle: 'Y/N' }, random)).toBe('Y');
    expect(renderCell(isSme, false, base, random)).toBe('否');
    expect(renderCell(status, { verbatim: '不详' }, base, random)).toBe('不详');
  });

  it('marks 万元 columns in the header with ASCII or full-width brackets', () => {
    expect(headerFor(amount, { ...base, wanYuanColumns: ['secured_amount_cny'] })).toBe('担保债权数额(万元)');
    expect(headerFor(amount, { ...base, wanYuanColumns: ['secured_amount_cny'], fullWidthBrackets: true })).toBe('担保债权数额（万元）');
    expect(headerFor(amount, { ...base, headerLanguage: 'en' })).toBe('secured_amount_cny');
  });

  it('quotes fields as RFC 4180 says', () => {
    expect(csvField('一种电池模组,以及电池包')).toBe('"一种电池模组,以及电池包"');
    expect(csvField('"华芯"')).toBe('"""华芯"""');
    expect(csvField('plain')).toBe('plain');
  });

  it('ends lines with CRLF when asked and adds the trailing blank line', () => {
    const columns = SAMPLE_SOURCE_COLUMNS.city_accounts;
    const text = renderCsvText(columns, [{ city_code: '440300', year: 2024, gdp_cny: 100n, resident_population: 17_990_100 }], { ...base, lineEnding: 'crlf', trailingBlankLine: true }, random);
    expect(text).toBe('行政区划代码,年份,地区生产总值,常住人口\r\n440300,2024,1,17990100\r\n\r\n');
  });

  it('encodes GBK and UTF-8 with BOM, and refuses text GBK cannot hold', () => {
    expect(iconv.decode(encodeCsv('申请号,鄠邑区\n', 'gbk'), 'gbk')).toBe('申请号,鄠邑区\n');
    expect([...encodeCsv('a', 'utf-8-bom')]).toEqual([0xef, 0xbb, 0xbf, 0x61]);
    expect(() => encodeCsv('名称😀', 'gbk')).toThrow(/characters that GBK cannot encode/);
  });
});
