import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../etl/sources/decode-text.ts';
import { readCsvRecords } from '../../../etl/sources/read-csv.ts';
import { CsvSyntaxError } from '../../../etl/sources/source-rejection.ts';

/** Bytes delivered in tiny chunks, so multi-byte characters are split across chunks. */
function chunked(bytes: Buffer, size: number): Readable {
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += size) chunks.push(bytes.subarray(offset, offset + size));
  return Readable.from(chunks, { objectMode: false });
}

async function records(bytes: Buffer, encoding: 'utf-8' | 'gb18030', chunkSize = 3): Promise<{ rows: string[][]; delimiter: string }> {
  const rows: string[][] = [];
  const summary = await readCsvRecords(decodeBytes(chunked(bytes, chunkSize), encoding), (batch) => rows.push(...batch));
  return { rows, delimiter: summary.delimiter };
}

describe('readCsvRecords over decoded bytes', () => {
  it('keeps Chinese text intact when UTF-8 characters are split across chunks', async () => {
    const text = '申请人,名称\n清华大学,一种数据处理方法\n深圳市腾讯计算机系统有限公司,图像识别装置\n';
    const { rows } = await records(Buffer.from(text, 'utf8'), 'utf-8', 2);
    expect(rows).toEqual([
      ['申请人', '名称'],
      ['清华大学', '一种数据处理方法'],
      ['深圳市腾讯计算机系统有限公司', '图像识别装置'],
    ]);
    expect(rows.flat().join('')).not.toContain('\ufffd');
  });

  it('decodes GBK split across chunks', async () => {
    const { rows } = await records(iconv.encode('申请人,类型\n浙江大学,大专院校\n', 'gbk'), 'gb18030', 1);
    expect(rows).toEqual([
      ['申请人', '类型'],
      ['浙江大学', '大专院校'],
    ]);
  });

  it('drops a UTF-8 BOM, reads CRLF, quoted commas and newlines, and ignores blank trailing lines', async () => {
    const text = '\ufeffid,name\r\n1,"Beijing, Haidian"\r\n2,"line one\r\nline two"\r\n\r\n\r\n';
    const { rows } = await records(Buffer.from(text, 'utf8'), 'utf-8', 4);
    expect(rows).toEqual([
      ['id', 'name'],
      ['1', 'Beijing, Haidian'],
      ['2', 'line one\r\nline two'],
    ]);
  });

  it('detects a tab delimiter', async () => {
    const { rows, delimiter } = await records(Buffer.from('a\tb\n1\t2\n', 'utf8'), 'utf-8', 64);
    expect(delimiter).toBe('\t');
    expect(rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('rejects an unterminated quote with a CSV syntax error naming its line', async () => {
    await expect(records(Buffer.from('a,b\n1,"open\n2,3\n', 'utf8'), 'utf-8', 64)).rejects.toThrow(
      'line 2: CSV syntax: the quoted field that starts on this line is never closed (a stray quote, or a closing quote missing)',
    );
  });

  it('names the physical line of a stray quote far into the file, past records spanning lines and blank lines', async () => {
    // 50,000 lines: the header, a record over three lines, a blank line, then one line per record.
    const lines = ['id,name', '1,"first', 'second', 'third"', ''];
    while (lines.length < 50_000) lines.push(`${lines.length},name ${lines.length}`);
    lines.push('50001,"stray', '50002,after');
    const error = await records(Buffer.from(`${lines.join('\n')}\n`, 'utf8'), 'utf-8', 4096).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect((error as CsvSyntaxError).message).toBe('line 50,001: CSV syntax: the quoted field that starts on this line is never closed (a stray quote, or a closing quote missing)');
    expect((error as CsvSyntaxError).line).toBe(50_001);
  });

  it('names the line of a quote inside a quoted field that is not doubled, in a CRLF file', async () => {
    const text = 'a,b\r\n1,"ok"\r\n\r\n2,"say "hi" here"\r\n3,x\r\n';
    await expect(records(Buffer.from(text, 'utf8'), 'utf-8', 5)).rejects.toThrow(
      'line 4: CSV syntax: the quoted field that starts on this line has a quote inside it that is not doubled (inside quotes, write " as "")',
    );
  });
});

describe('readCsvRecords record positions', () => {
  async function positioned(text: string, chunkSize: number): Promise<{ record: string[]; line: number }[]> {
    const out: { record: string[]; line: number }[] = [];
    await readCsvRecords(decodeBytes(chunked(Buffer.from(text, 'utf8'), chunkSize), 'utf-8'), (batch, position) => {
      batch.forEach((record, index) => out.push({ record, line: position.lineOf(index) }));
    });
    return out;
  }

  it('gives each record the physical line it starts on, whatever the chunks', async () => {
    const text = 'id,note\n1,plain\n\n  \n2,"two\nlines"\n3,"a\r\nb"\n4,last';
    const expected = [
      { record: ['id', 'note'], line: 1 },
      { record: ['1', 'plain'], line: 2 },
      { record: ['2', 'two\nlines'], line: 5 },
      { record: ['3', 'a\r\nb'], line: 7 },
      { record: ['4', 'last'], line: 9 },
    ];
    for (const size of [1, 3, 7, 64, 1024]) expect(await positioned(text, size), `chunks of ${size}`).toEqual(expected);
  });

  it('counts lines by carriage returns in a file whose lines end with CR alone', async () => {
    const found = await positioned('a,b\r1,"x\ry"\r2,z\r', 4);
    expect(found.map(({ line }) => line)).toEqual([1, 2, 4]);
  });

  it('takes a line feed inside quotes for a value in a file whose lines end with CR alone', async () => {
    const found = await positioned('a,b\r1,"x\ny"\r2,z\r', 64);
    expect(found).toEqual([
      { record: ['a', 'b'], line: 1 },
      { record: ['1', 'x\ny'], line: 2 },
      { record: ['2', 'z'], line: 3 },
    ]);
  });
});

describe('readCsvRecords delimiters', () => {
  it.each([
    [';', 'semicolon'],
    ['|', 'pipe'],
    ['\t', 'tab'],
  ])('sniffs %j from the header line', async (delimiter) => {
    const text = ['质押登记号', '质押物类型', '出质人名称'].join(delimiter) + `\nP-1${delimiter}专利${delimiter}"深圳, 南山"\n`;
    const { rows, delimiter: found } = await records(Buffer.from(text, 'utf8'), 'utf-8', 64);
    expect(found).toBe(delimiter);
    expect(rows).toEqual([
      ['质押登记号', '质押物类型', '出质人名称'],
      ['P-1', '专利', '深圳, 南山'],
    ]);
  });

  it('takes the delimiter found most often in the header, commas on a tie', async () => {
    expect((await records(Buffer.from('a;b;c,d\n1;2;3,4\n', 'utf8'), 'utf-8', 64)).delimiter).toBe(';');
    expect((await records(Buffer.from('a;b,c\n1;2,3\n', 'utf8'), 'utf-8', 64)).delimiter).toBe(',');
    expect((await records(Buffer.from('"a;b",c\n', 'utf8'), 'utf-8', 64)).delimiter).toBe(',');
  });
});
