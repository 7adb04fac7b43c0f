/**
 * Files that are not CSV text in one encoding are rejected whole with what they are, never with
 * "the header lacks required columns"; UTF-16 with a BOM and semicolon-, tab- or pipe-delimited
 * files are read. Every message names the line where a line is at fault.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../../etl/ingest/ingest-file.ts';
import { LocalObjectStore } from '../../../etl/lake/local-object-store.ts';
import { getDataset } from '../../../etl/schemas/index.ts';
import { tempDir } from '../../support/temp-dir.ts';

const FIXED_CLOCK = () => new Date('2025-07-05T02:00:00Z');
const COLUMNS = ['质押登记号', '质押物类型', '质押件数', '登记日', '状态', '出质人名称', '出质人统一社会信用代码', '出质人行政区划代码', '质权人名称', '担保债权数额（万元）'];
const values = (index: number) => [`P-${index}`, '专利', '2', '2025-06-03', '设立', `深圳${index}号科技有限公司`, '91440305MA5F000189', '440305', '招商银行', '100'];
const csv = (rows: number, delimiter = ',', newline = '\n') => [COLUMNS, ...Array.from({ length: rows }, (_, index) => values(index + 1))].map((fields) => fields.join(delimiter)).join(newline) + newline;

let dir: string;
let store: LocalObjectStore;

beforeAll(async () => {
  dir = await tempDir('unreadable');
  store = new LocalObjectStore(path.join(dir, 'lake'));
});

async function ingest(name: string, content: string | Buffer | Uint8Array) {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return (await ingestFile({ store, dataset: getDataset('pledges'), filePath: file, now: FIXED_CLOCK })).manifest;
}

describe('files that are read', () => {
  it('UTF-16 LE with a BOM, tab-delimited, CRLF (Excel "Unicode text")', async () => {
    const manifest = await ingest('unicode-text.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(csv(3, '\t', '\r\n'), 'utf-16le')]));
    expect(manifest.status).toBe('ingested');
    expect(manifest.source.encoding).toBe('utf-16le');
    expect(manifest.source.delimiter).toBe('\t');
    expect(manifest.rows).toEqual({ read: 3, accepted: 3, rejected: 0 });
  });

  it('UTF-16 BE with a BOM', async () => {
    const manifest = await ingest('utf16be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(csv(2), 'utf-16be')]));
    expect([manifest.status, manifest.source.encoding, manifest.rows.accepted]).toEqual(['ingested', 'utf-16be', 2]);
  });

  it.each([
    [';', 'semicolons'],
    ['|', 'pipes'],
  ])('delimited by %j', async (delimiter, label) => {
    const manifest = await ingest(`${label}.csv`, csv(2, delimiter));
    expect([manifest.status, manifest.source.delimiter, manifest.rows.accepted]).toEqual(['ingested', delimiter, 2]);
  });
});

describe('files rejected whole, saying why', () => {
  it('an Excel workbook renamed .csv', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').addRows([COLUMNS, values(1)]);
    const manifest = await ingest('workbook.csv', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(manifest.status).toBe('file_rejected');
    expect(manifest.error).toBe('this is an Excel workbook (.xlsx): save it as CSV');
  });

  it('a binary file', async () => {
    const bytes = Buffer.alloc(4096);
    for (let index = 0; index < bytes.length; index++) bytes[index] = (index * 131 + 7) % 251;
    const manifest = await ingest('binary.csv', bytes);
    expect(manifest.error).toBe('this is not a text file (byte 0x00 at offset 90): a CSV export is expected');
  });

  it('an empty file, and one of blank lines', async () => {
    expect((await ingest('empty.csv', '')).error).toBe('the file is empty: a header row is required');
    expect((await ingest('blank.csv', '\n  \n\n')).error).toBe('the file is empty: a header row is required');
  });

  it('a header line with none of the four delimiters', async () => {
    const manifest = await ingest('carets.csv', csv(1, '^'));
    expect(manifest.error).toMatch(/^pledges: the header lacks required columns .*; the header line has no comma, tab, semicolon or pipe, so it was read as a single column$/);
  });

  it('a stray quote, by its physical line', async () => {
    const lines = csv(60).split('\n');
    lines[41] = lines[41]!.replace('深圳', '"深圳');
    const manifest = await ingest('stray-quote.csv', lines.join('\n'));
    expect(manifest.error).toBe('line 42: CSV syntax: the quoted field that starts on this line is never closed (a stray quote, or a closing quote missing)');
  });

  it('a UTF-8 file with a GB18030 line after the first MiB', async () => {
    const head = csv(12000);
    expect(Buffer.byteLength(head)).toBeGreaterThan(1024 * 1024);
    const manifest = await ingest('mixed-late.csv', Buffer.concat([Buffer.from(head, 'utf8'), iconv.encode(`${values(12001).join(',')}\n`, 'gbk'), Buffer.from(`${values(12002).join(',')}\n`)]));
    expect(manifest.status).toBe('file_rejected');
    expect(manifest.error).toBe('line 12,002: this line is GB18030 (GBK), but the lines before it are UTF-8: a file must be in one encoding; save it again as CSV UTF-8');
  });

  it('a UTF-8 file with a GB18030 line near the top: not read as GB18030, which would garble every UTF-8 name', async () => {
    const manifest = await ingest('mixed-early.csv', Buffer.concat([Buffer.from(csv(3), 'utf8'), iconv.encode(`${values(4).join(',')}\n`, 'gbk'), Buffer.from(`${values(5).join(',')}\n`)]));
    expect(manifest.error).toBe('line 5: this line is GB18030 (GBK) but line 1 is UTF-8: a file must be in one encoding; save it again as CSV UTF-8');
  });

  it('a GB18030 file with bytes that are not GB18030 after the first MiB', async () => {
    const head = iconv.encode(csv(12000), 'gbk');
    expect(head.length).toBeGreaterThan(1024 * 1024);
    const manifest = await ingest('gb-bad-bytes.csv', Buffer.concat([head, Buffer.from([0x50, 0x2d, 0x39, 0x2c, 0xff, 0xff, 0x0a])]));
    expect(manifest.error).toBe('line 12,002: this line is not GB18030 (GBK), the encoding of the lines before it, nor UTF-8: save the file again as CSV UTF-8');
  });
});
