import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../etl/sources/open-text-stream.ts';
import { readCsvRecords } from '../../../etl/sources/read-csv.ts';

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

  it('rejects an unterminated quote with a CSV syntax error', async () => {
    await expect(records(Buffer.from('a,b\n1,"open\n2,3\n', 'utf8'), 'utf-8', 64)).rejects.toThrow(/CSV syntax: .*[Qq]uote/);
  });
});
