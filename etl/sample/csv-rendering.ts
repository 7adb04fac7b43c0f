/**
 * Turns typed sample records into the bytes of a source CSV, in the spelling a given extract
 * uses: header language, encoding, line endings, date and boolean spellings, 万元 columns,
 * thousands separators and the odd full-width digit.
 */
import iconv from 'iconv-lite';
import type { SeededRandom } from './seeded-random.ts';
import type { SampleSourceColumn } from './source-columns.ts';

/** A value written exactly as given, bypassing the format (used for deliberately bad values). */
export interface VerbatimCell {
  readonly verbatim: string;
}

/**
 * A typed value: dates `YYYY-MM-DD`, periods `YYYY-MM`, money bigint fen, enumerations their
 * English value, booleans boolean, null for empty.
 */
export type SampleCell = string | number | bigint | boolean | null | VerbatimCell;
export type SampleRecord = Record<string, SampleCell>;

export type SampleEncoding = 'utf-8' | 'utf-8-bom' | 'gbk';
export type DateStyle = 'iso' | 'slash' | 'dot' | 'compact' | 'chinese';
export type BooleanStyle = 'true/false' | '1/0' | '是/否' | 'Y/N';

export interface SampleFileFormat {
  readonly encoding: SampleEncoding;
  readonly lineEnding: 'lf' | 'crlf';
  /** `en`: English column names and enumeration values; `zh-Hans` / `zh-Hant`: Chinese headers. */
  readonly headerLanguage: 'en' | 'zh-Hans' | 'zh-Hant';
  /** Enumerations as their Chinese words (only with Chinese headers). */
  readonly chineseEnumerations: boolean;
  readonly dateStyle: DateStyle;
  readonly booleanStyle: BooleanStyle;
  /** Money columns given in 万元: their header carries (万元) and values are ten-thousands of yuan. */
  readonly wanYuanColumns?: readonly string[];
  /** `（万元）` rather than `(万元)`. */
  readonly fullWidthBrackets?: boolean;
  readonly thousandsSeparators?: boolean;
  /** Share of integer / decimal values typed with full-width digits (１２３). */
  readonly fullWidthDigitShare?: number;
  /** Traditional headers by column name, for `zh-Hant`. */
  readonly traditionalHeaders?: Readonly<Record<string, string>>;
  /** An empty line after the last record, as some exports leave. */
  readonly trailingBlankLine?: boolean;
}

const BOOLEAN_WORDS: Record<BooleanStyle, readonly [string, string]> = {
  'true/false': ['true', 'false'],
  '1/0': ['1', '0'],
  '是/否': ['是', '否'],
  'Y/N': ['Y', 'N'],
};

export function headerFor(column: SampleSourceColumn, format: SampleFileFormat): string {
  if (format.headerLanguage === 'en') return column.name;
  const name = format.headerLanguage === 'zh-Hant' ? (format.traditionalHeaders?.[column.name] ?? column.zh) : column.zh;
  if (!format.wanYuanColumns?.includes(column.name)) return name;
  return format.fullWidthBrackets ? `${name}（万元）` : `${name}(万元)`;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Exact decimal text of `units / 10^scale`, trailing zeros trimmed to at least `minDecimals`. */
function decimalText(units: bigint, scale: number, minDecimals: number, thousands: boolean): string {
  const negative = units < 0n;
  const magnitude = negative ? -units : units;
  const divisor = 10n ** BigInt(scale);
  const whole = (magnitude / divisor).toString();
  let fraction = (magnitude % divisor).toString().padStart(scale, '0');
  while (fraction.length > minDecimals && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  const wholeText = thousands ? groupThousands(whole) : whole;
  return `${negative ? '-' : ''}${wholeText}${fraction.length > 0 ? '.' + fraction : ''}`;
}

export function renderDate(isoDate: string, style: DateStyle): string {
  const [year = '', month = '', day = ''] = isoDate.split('-');
  switch (style) {
    case 'iso':
      return `${year}-${month}-${day}`;
    case 'slash':
      return `${year}/${month}/${day}`;
    case 'dot':
      return `${year}.${month}.${day}`;
    case 'compact':
      return `${year}${month}${day}`;
    case 'chinese':
      return `${year}年${Number(month)}月${Number(day)}日`;
  }
}

/** Periods follow the file's date style: ISO-like files write YYYY-MM, compact ones YYYYMM, Chinese ones YYYY年M月. */
export function renderPeriod(period: string, style: DateStyle): string {
  const [year = '', month = ''] = period.split('-');
  if (style === 'compact') return `${year}${month}`;
  if (style === 'chinese') return `${year}年${Number(month)}月`;
  return `${year}-${month}`;
}

function toFullWidthDigits(text: string): string {
  return text.replace(/[0-9]/g, (digit) => String.fromCharCode(0xff10 + Number(digit)));
}

export function renderCell(column: SampleSourceColumn, value: SampleCell, format: SampleFileFormat, random: SeededRandom): string {
  if (value === null) return '';
  if (typeof value === 'object') return value.verbatim;
  switch (column.kind) {
    case 'date':
      return renderDate(String(value), format.dateStyle);
    case 'period':
      return renderPeriod(String(value), format.dateStyle);
    case 'money': {
      const fen = BigInt(value as bigint);
      const thousands = format.thousandsSeparators ?? false;
      if (format.wanYuanColumns?.includes(column.name)) return decimalText(fen, 6, 0, thousands);
      return decimalText(fen, 2, fen % 100n === 0n ? 0 : 2, thousands);
    }
    case 'boolean': {
      const [yes, no] = BOOLEAN_WORDS[format.booleanStyle];
      return value === true ? yes : no;
    }
    case 'enum':
      return format.chineseEnumerations ? (column.enumZh?.[String(value)] ?? String(value)) : String(value);
    case 'integer':
    case 'decimal': {
      const text = String(value);
      return random.chance(format.fullWidthDigitShare ?? 0) ? toFullWidthDigits(text) : text;
    }
    case 'text':
      return String(value);
  }
}

/** RFC 4180: quote a field holding a comma, quote or line break, doubling inner quotes. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsvText(columns: readonly SampleSourceColumn[], records: readonly SampleRecord[], format: SampleFileFormat, random: SeededRandom): string {
  const newline = format.lineEnding === 'crlf' ? '\r\n' : '\n';
  const lines = [columns.map((column) => csvField(headerFor(column, format))).join(',')];
  for (const record of records) {
    lines.push(columns.map((column) => csvField(renderCell(column, record[column.name] ?? null, format, random))).join(','));
  }
  return lines.join(newline) + newline + (format.trailingBlankLine ? newline : '');
}

export function encodeCsv(text: string, encoding: SampleEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'gbk': {
      const bytes = iconv.encode(text, 'gbk');
      // iconv-lite writes "?" for a character GBK lacks: a silent change of a name is a bug here.
      if (iconv.decode(bytes, 'gbk') !== text) throw new Error('encodeCsv: the text holds characters that GBK cannot encode');
      return bytes;
    }
  }
}
