/**
 * How each dataset's extract is spelled, varied the way real exports vary: GBK from government
 * systems, UTF-8 with a BOM from Excel, English or Chinese headers (traditional for one),
 * 万元 money columns, five date spellings, thousands separators, full-width digits, CRLF.
 */
import type { DatasetName } from '../schemas/dataset-spec.ts';
import type { SampleFileFormat } from './csv-rendering.ts';
import { GI_PRODUCTS_TRADITIONAL_HEADERS } from './source-columns.ts';

const CHINESE: Pick<SampleFileFormat, 'headerLanguage' | 'chineseEnumerations'> = { headerLanguage: 'zh-Hans', chineseEnumerations: true };
const ENGLISH: Pick<SampleFileFormat, 'headerLanguage' | 'chineseEnumerations'> = { headerLanguage: 'en', chineseEnumerations: false };

export const EXTRACT_FORMATS: Readonly<Record<DatasetName, SampleFileFormat>> = {
  patents: { ...CHINESE, encoding: 'utf-8-bom', lineEnding: 'lf', dateStyle: 'iso', booleanStyle: '是/否' },
  patent_events: { ...CHINESE, encoding: 'gbk', lineEnding: 'crlf', dateStyle: 'slash', booleanStyle: '是/否', wanYuanColumns: ['contract_amount_cny'] },
  trademarks: { ...ENGLISH, encoding: 'utf-8', lineEnding: 'lf', dateStyle: 'compact', booleanStyle: 'true/false' },
  trademark_events: { ...CHINESE, encoding: 'utf-8-bom', lineEnding: 'lf', dateStyle: 'dot', booleanStyle: 'Y/N', thousandsSeparators: true },
  pledges: {
    ...CHINESE,
    encoding: 'utf-8-bom',
    lineEnding: 'crlf',
    dateStyle: 'chinese',
    booleanStyle: '是/否',
    wanYuanColumns: ['secured_amount_cny'],
    fullWidthBrackets: true,
    fullWidthDigitShare: 0.03,
    trailingBlankLine: true,
  },
  gi_products: { headerLanguage: 'zh-Hant', chineseEnumerations: false, traditionalHeaders: GI_PRODUCTS_TRADITIONAL_HEADERS, encoding: 'utf-8', lineEnding: 'lf', dateStyle: 'iso', booleanStyle: 'true/false' },
  gi_output: { ...CHINESE, encoding: 'gbk', lineEnding: 'crlf', dateStyle: 'chinese', booleanStyle: '是/否', thousandsSeparators: true, fullWidthDigitShare: 0.05 },
  enterprises: { ...ENGLISH, encoding: 'utf-8', lineEnding: 'crlf', dateStyle: 'iso', booleanStyle: 'Y/N' },
  enterprise_accounts: { ...CHINESE, encoding: 'utf-8-bom', lineEnding: 'lf', dateStyle: 'iso', booleanStyle: '是/否', thousandsSeparators: true },
  industry_accounts: { ...ENGLISH, encoding: 'utf-8', lineEnding: 'lf', dateStyle: 'iso', booleanStyle: 'true/false' },
  city_accounts: { ...CHINESE, encoding: 'gbk', lineEnding: 'crlf', dateStyle: 'iso', booleanStyle: '是/否', wanYuanColumns: ['gdp_cny'] },
  tech_contracts: { ...CHINESE, encoding: 'utf-8', lineEnding: 'lf', dateStyle: 'iso', booleanStyle: '1/0', thousandsSeparators: true },
  programme_records: { ...ENGLISH, encoding: 'utf-8', lineEnding: 'lf', dateStyle: 'iso', booleanStyle: 'true/false' },
  patent_intensive_classification: { ...ENGLISH, encoding: 'utf-8', lineEnding: 'lf', dateStyle: 'iso', booleanStyle: 'true/false' },
};

/** Patents alternate date spellings from one yearly file to the next. */
export function patentsFormatForYear(year: number): SampleFileFormat {
  return { ...EXTRACT_FORMATS.patents, dateStyle: year % 2 === 0 ? 'iso' : 'slash' };
}

/** The correction of technology contracts comes from another system: English headers, CRLF, dots. */
export const TECH_CONTRACT_CORRECTION_FORMAT: SampleFileFormat = { ...ENGLISH, encoding: 'utf-8', lineEnding: 'crlf', dateStyle: 'dot', booleanStyle: 'true/false' };
