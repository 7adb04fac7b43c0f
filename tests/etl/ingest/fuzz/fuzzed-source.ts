/**
 * A fuzzed source file: sample rows with edits that keep each record a record (garbage values,
 * missing or extra fields, a row over 4 MiB), written in some encoding, delimiter and line
 * break, then maybe broken as a whole (a stray quote, random bytes, a line in another encoding,
 * a cut, an empty file, UTF-16 without BOM). Rendering says where each record starts.
 */
import iconv from 'iconv-lite';
import fc from 'fast-check';
import type { SampleRows } from './sample-rows.ts';

export type FuzzEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

export type RowEdit =
  | { readonly kind: 'value'; readonly row: number; readonly column: number; readonly text: string }
  | { readonly kind: 'drop-field'; readonly row: number }
  | { readonly kind: 'extra-field'; readonly row: number; readonly text: string }
  | { readonly kind: 'long-row'; readonly row: number; readonly column: number };

export type FileBreak =
  | { readonly kind: 'stray-quote'; readonly row: number; readonly at: number }
  | { readonly kind: 'bytes'; readonly at: number; readonly bytes: readonly number[] }
  | { readonly kind: 'gb-line'; readonly row: number }
  | { readonly kind: 'cut'; readonly at: number }
  | { readonly kind: 'empty'; readonly blankLines: number }
  | { readonly kind: 'bomless-utf16' };

export interface SourcePlan {
  readonly rows: number;
  readonly encoding: FuzzEncoding;
  readonly delimiter: ',' | ';' | '\t' | '|';
  readonly newline: '\n' | '\r\n' | '\r';
  readonly edits: readonly RowEdit[];
  readonly fileBreak: FileBreak | null;
}

export interface RenderedSource {
  readonly bytes: Buffer;
  /** Data records as written (after the edits, before any file break). */
  readonly records: readonly (readonly string[])[];
  /** The physical line each data record starts on. */
  readonly lines: readonly number[];
  /** Data records over 4 MiB (indexes into `records`). */
  readonly longRows: readonly number[];
  /** Whether the records can be told apart in the file as written (no file break). */
  readonly intact: boolean;
  /** What the file must be refused with, for a break that always leaves nothing to read; null otherwise. */
  readonly refusal: RegExp | null;
}

/** Values an extract can hold, and the characters that make CSV hard: quotes, delimiters, line breaks. */
const VALUE_CHARS = fc.constantFrom(...'abcXYZ019 .-_/()（）,;|\t"\'\n深圳市有限公司张王李专利商标万元￥１２３'.split(''));
const valueText = fc.string({ unit: VALUE_CHARS, minLength: 1, maxLength: 24 }).filter((text) => text.trim() !== '');

export function sourcePlanArbitrary(sample: SampleRows): fc.Arbitrary<SourcePlan> {
  const maxRows = Math.min(40, sample.records.length);
  return fc.integer({ min: 1, max: maxRows }).chain((rows) => {
    const row = fc.integer({ min: 0, max: rows - 1 });
    const column = fc.integer({ min: 0, max: sample.header.length - 1 });
    const edit: fc.Arbitrary<RowEdit> = fc.oneof(
      { weight: 6, arbitrary: fc.record({ kind: fc.constant('value' as const), row, column, text: fc.oneof(valueText, fc.constant('')) }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('drop-field' as const), row }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('extra-field' as const), row, text: valueText }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('long-row' as const), row, column }) },
    );
    const fileBreak: fc.Arbitrary<FileBreak> = fc.oneof(
      fc.record({ kind: fc.constant('stray-quote' as const), row, at: fc.nat({ max: 200 }) }),
      fc.record({ kind: fc.constant('bytes' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 4 }) }),
      fc.record({ kind: fc.constant('gb-line' as const), row }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
      fc.record({ kind: fc.constant('empty' as const), blankLines: fc.nat({ max: 3 }) }),
      fc.constant({ kind: 'bomless-utf16' as const }),
    );
    return fc.record({
      rows: fc.constant(rows),
      encoding: fc.constantFrom<FuzzEncoding>('utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'utf-16be'),
      delimiter: fc.constantFrom<SourcePlan['delimiter']>(',', ';', '\t', '|'),
      newline: fc.constantFrom<SourcePlan['newline']>('\n', '\r\n', '\r'),
      edits: fc.array(edit, { maxLength: 4 }),
      fileBreak: fc.option(fileBreak, { freq: 3 }),
    });
  });
}

const LONG_VALUE = '长'.repeat(1_500_000); // 4,500,000 bytes of UTF-8

function applyEdits(sample: SampleRows, plan: SourcePlan): { records: string[][]; longRows: number[] } {
  const records = sample.records.slice(0, plan.rows).map((record) => [...record]);
  const long = new Set<number>();
  for (const edit of plan.edits) {
    const record = records[edit.row]!;
    if (edit.kind === 'value' && edit.column < record.length) record[edit.column] = edit.text;
    else if (edit.kind === 'drop-field' && record.length > 1) record.pop();
    else if (edit.kind === 'extra-field') record.push(edit.text);
    else if (edit.kind === 'long-row' && edit.column < record.length) {
      record[edit.column] = LONG_VALUE;
      long.add(edit.row);
    }
  }
  // A record of blank fields is a blank line, not a record: keep one field that is not blank.
  for (const record of records) if (record.every((field) => field.trim() === '')) record[0] = 'x';
  return { records, longRows: [...long].filter((index) => records[index]!.includes(LONG_VALUE)).sort((a, b) => a - b) };
}

function quoteField(field: string, delimiter: string): string {
  return /["\r\n]/.test(field) || field.includes(delimiter) || field !== field.trim() ? `"${field.replaceAll('"', '""')}"` : field;
}

function encode(text: string, encoding: FuzzEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.from(`\ufeff${text}`, 'utf8');
    case 'gb18030':
      return iconv.encode(text, 'gb18030');
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
  }
}

export function renderSource(sample: SampleRows, plan: SourcePlan): RenderedSource {
  const { records, longRows } = applyEdits(sample, plan);
  const lineTexts = [sample.header, ...records].map((fields) => fields.map((field) => quoteField(field, plan.delimiter)).join(plan.delimiter));
  // Lines are counted by line feeds, or by carriage returns in a file whose lines end with CR alone.
  const breaks = plan.newline === '\r' ? /\r/g : /\n/g;
  const lines: number[] = [];
  let line = 1 + (lineTexts[0]!.match(breaks)?.length ?? 0) + 1;
  for (const text of lineTexts.slice(1)) {
    lines.push(line);
    line += (text.match(breaks)?.length ?? 0) + 1;
  }
  const text = lineTexts.map((lineText) => `${lineText}${plan.newline}`).join('');
  const bytes = encode(text, plan.encoding);
  const broken = plan.fileBreak === null ? bytes : breakFile(bytes, lineTexts, plan);
  return { bytes: broken, records, lines, longRows, intact: plan.fileBreak === null, refusal: refusalOf(plan.fileBreak) };
}

function refusalOf(fileBreak: FileBreak | null): RegExp | null {
  if (fileBreak?.kind === 'empty') return /^the file is empty/;
  // A sample of nothing but Chinese (a long row right after the header) has too few NUL bytes to look like UTF-16; its NUL bytes still say it is no text.
  if (fileBreak?.kind === 'bomless-utf16') return /^this is UTF-16 text without a byte order mark|^this is not a text file/;
  return null;
}

function breakFile(bytes: Buffer, lineTexts: readonly string[], plan: SourcePlan): Buffer {
  const fileBreak = plan.fileBreak!;
  switch (fileBreak.kind) {
    case 'stray-quote': {
      const texts = [...lineTexts];
      const target = texts[fileBreak.row + 1]!;
      const at = fileBreak.at % (target.length + 1);
      texts[fileBreak.row + 1] = `${target.slice(0, at)}"${target.slice(at)}`;
      return encode(texts.map((lineText) => `${lineText}${plan.newline}`).join(''), plan.encoding);
    }
    case 'bytes': {
      const at = Math.floor(fileBreak.at * bytes.length);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(fileBreak.bytes), bytes.subarray(at)]);
    }
    case 'gb-line': {
      if (plan.encoding !== 'utf-8' && plan.encoding !== 'utf-8-bom') return bytes;
      const parts = lineTexts.map((lineText, index) => (index === fileBreak.row + 1 ? iconv.encode(`${lineText}${plan.newline}`, 'gb18030') : Buffer.from(`${lineText}${plan.newline}`, 'utf8')));
      return Buffer.concat([plan.encoding === 'utf-8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), ...parts]);
    }
    case 'cut':
      return bytes.subarray(0, Math.floor(fileBreak.at * bytes.length));
    case 'empty':
      return Buffer.from(plan.newline.repeat(fileBreak.blankLines), 'utf8');
    case 'bomless-utf16':
      return iconv.encode(lineTexts.map((lineText) => `${lineText}${plan.newline}`).join(''), 'utf-16le');
  }
}
