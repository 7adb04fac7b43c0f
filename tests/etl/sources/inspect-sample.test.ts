import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { inspectSample } from '../../../etl/sources/inspect-sample.ts';
import { SourceFormatError } from '../../../etl/sources/source-rejection.ts';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const gbk = (text: string) => new Uint8Array(iconv.encode(text, 'gbk'));
const join = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

function refusal(sample: Uint8Array, complete = true): SourceFormatError {
  try {
    inspectSample(sample, complete);
  } catch (error) {
    if (error instanceof SourceFormatError) return error;
    throw error;
  }
  throw new Error('the sample was not refused');
}

const HEADER = '质押登记号,质押物类型,出质人名称\n';

describe('inspectSample', () => {
  it('reads UTF-8, GB18030 and UTF-16 with a byte order mark', () => {
    expect(inspectSample(utf8(`${HEADER}P-1,专利,深圳甲科技有限公司\n`), true)).toBe('utf-8');
    expect(inspectSample(gbk(`${HEADER}P-1,专利,深圳甲科技有限公司\n`), true)).toBe('gb18030');
    expect(inspectSample(new Uint8Array([0xff, 0xfe, ...iconv.encode(HEADER, 'utf-16le')]), true)).toBe('utf-16le');
    expect(inspectSample(new Uint8Array([0xfe, 0xff, ...iconv.encode(HEADER, 'utf-16be')]), true)).toBe('utf-16be');
  });

  it('says an Excel workbook renamed .csv is one', () => {
    const xlsx = join(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), utf8('....[Content_Types].xml....xl/workbook.xml'));
    expect(refusal(xlsx).message).toBe('this is an Excel workbook (.xlsx): save it as CSV');
    expect(refusal(join(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), utf8('data/report.csv'))).message).toBe(
      'this is a ZIP archive, not a CSV file: unpack it and give the CSV files inside',
    );
    expect(refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])).message).toBe(
      'this is an Excel 97-2003 workbook (.xls) or another Office 97-2003 document: save it as CSV',
    );
  });

  it('says a binary file is not a text file, naming the first byte that shows it', () => {
    const binary = new Uint8Array(512).map((_, index) => (index * 37 + 11) % 256);
    expect(refusal(binary).message).toBe('this is not a text file (byte 0x00 at offset 145): a CSV export is expected');
    const controls = join(utf8('a,b\n'), new Uint8Array(Array.from({ length: 40 }, () => 0x01)));
    expect(refusal(controls).message).toBe('this is not a text file (byte 0x01 at offset 4): a CSV export is expected');
  });

  it('refuses UTF-16 without a byte order mark', () => {
    expect(refusal(new Uint8Array(iconv.encode(`${HEADER}P-1,专利,某公司\n`, 'utf-16le'))).message).toBe(
      'this is UTF-16 text without a byte order mark: save it again as CSV UTF-8, or as UTF-16 with a byte order mark (Excel\'s "Unicode text")',
    );
  });

  it('refuses a sample mixing UTF-8 and GB18030 lines, naming a line of each', () => {
    const mixed = join(utf8(`${HEADER}P-1,专利,深圳甲科技有限公司\n`), gbk('P-2,商标,上海乙贸易有限公司\n'), utf8('P-3,专利,杭州丙公司\n'));
    const error = refusal(mixed);
    expect(error.message).toBe('line 3: this line is GB18030 (GBK) but line 1 is UTF-8: a file must be in one encoding; save it again as CSV UTF-8');
    expect(error.line).toBe(3);
    const gbFirst = join(gbk(`${HEADER}P-1,专利,深圳甲科技有限公司\n`), utf8('P-2,商标,上海乙贸易有限公司\n'));
    expect(refusal(gbFirst).message).toBe('line 3: this line is UTF-8 but line 1 is GB18030 (GBK): a file must be in one encoding; save it again as CSV UTF-8');
  });

  it('refuses a line that is neither UTF-8 nor GB18030', () => {
    const sample = join(utf8('a,b\n1,2\n'), new Uint8Array([0x33, 0x2c, 0xff, 0x80, 0x0a]));
    expect(refusal(sample).message).toBe('line 3: this line is neither UTF-8 nor GB18030 (GBK) (byte 0xFF at position 3 of the line): save the file again as CSV UTF-8');
  });

  it('keeps GBK text whose short lines happen to be valid UTF-8 as GB18030', () => {
    // 忙 is C3 A6 in GBK, also a valid two-byte UTF-8 sequence (ã), but within GB2312: not taken as UTF-8.
    const sample = gbk(`${HEADER}P-1,专利,深圳甲科技有限公司\nP-2,专利,忙\n`);
    expect(Buffer.from(gbk('忙')).toString('hex')).toBe('c3a6');
    expect(inspectSample(sample, true)).toBe('gb18030');
  });

  it('still checks a forced encoding for foreign formats, and takes it otherwise', () => {
    expect(() => inspectSample(new Uint8Array([0x1f, 0x8b, 8, 0]), true, 'gb18030')).toThrow('this is a gzip-compressed file: decompress it and give the CSV file inside');
    expect(inspectSample(utf8(HEADER), true, 'gb18030')).toBe('gb18030');
  });
});
