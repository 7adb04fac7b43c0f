/**
 * A row over 4 MiB is a reject (row_too_long) with its line, and the rest of the file is
 * ingested; a row between 1 and 4 MiB is read (DuckDB gets a larger buffer for its partition).
 * No message, log or error quotes the row.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../../etl/ingest/ingest-file.ts';
import { writeParquetParts } from '../../../etl/ingest/parquet-writer.ts';
import { duckdbErrorWithoutValues } from '../../../etl/ingest/parquet-write-error.ts';
import { stagingColumnsOf } from '../../../etl/ingest/staging-columns.ts';
import { LocalObjectStore } from '../../../etl/lake/local-object-store.ts';
import { getDataset } from '../../../etl/schemas/index.ts';
import { parquetRows } from '../../support/parquet-rows.ts';
import { tempDir } from '../../support/temp-dir.ts';

const FIXED_CLOCK = () => new Date('2025-07-05T02:00:00Z');
const HEADER = '质押登记号,质押物类型,质押件数,登记日,状态,出质人名称,出质人统一社会信用代码,出质人行政区划代码,质权人名称,担保债权数额（万元）';
const row = (id: string, name: string) => `${id},专利,2,2025-06-03,设立,${name},91440305MA5F000189,440305,招商银行,100`;

let dir: string;
let store: LocalObjectStore;

beforeAll(async () => {
  dir = await tempDir('row-too-long');
  store = new LocalObjectStore(path.join(dir, 'lake'));
});

describe('a row over 4 MiB', () => {
  it('is rejected as row_too_long with its line, its raw fields cut, and the other rows are ingested', async () => {
    const file = path.join(dir, 'long.csv');
    // Line 3 starts a quoted name over two lines; the long row is record 4 on line 5.
    const longName = '张'.repeat(2_000_000); // 6,000,000 bytes of UTF-8
    await writeFile(file, [HEADER, row('P-1', '深圳甲科技有限公司'), row('P-2', '"深圳乙\n科技有限公司"'), row('P-LONG', longName), row('P-3', '深圳丙科技有限公司'), ''].join('\n'));
    const { manifest } = await ingestFile({ store, dataset: getDataset('pledges'), filePath: file, now: FIXED_CLOCK });
    expect(manifest.status).toBe('ingested');
    expect(manifest.rows).toEqual({ read: 4, accepted: 3, rejected: 1 });
    expect(manifest.reject_rules).toEqual({ row_too_long: 1 });
    const [reject] = (await store.getText(manifest.outputs.rejects!)).trim().split('\n').map((line) => JSON.parse(line) as { row: number; line: number; raw: Record<string, string>; reasons: unknown[] });
    expect(reject!.row).toBe(4);
    expect(reject!.line).toBe(5);
    expect(reject!.raw['质押登记号']).toBe('P-LONG');
    expect(reject!.raw['出质人名称']).toBe('张'.repeat(1024));
    expect(reject!.reasons).toEqual([
      {
        column: null,
        value: null,
        rule: 'row_too_long',
        message:
          'the row is 6,000,077 bytes long (as UTF-8), over the limit of 4,194,304 (4 MiB), and was not read; ' +
          'its longest field, 出质人名称, holds 6,000,000 bytes (raw keeps the first 1,024 characters of each field)',
      },
    ]);
    const rows = await parquetRows(manifest.outputs.curated.map((key) => path.join(dir, 'lake', ...key.split('/'))), 'pledge_id');
    expect(rows.map((curated) => [curated['pledge_id'], curated['_source_row']])).toEqual([
      ['P-1', '2'],
      ['P-2', '3'],
      ['P-3', '5'],
    ]);
  }, 60_000);

  it('is read when between 1 and 4 MiB: its partition is written with the larger buffer', async () => {
    const file = path.join(dir, 'three-mib.csv');
    // 1,000,000 quotes: doubled in the staging line, which is then over 4 MiB.
    const name = `"${'"'.repeat(2_000_000)}甲公司"`;
    await writeFile(file, [HEADER, row('P-1', '深圳甲科技有限公司'), row('P-BIG', name), ''].join('\n'));
    const { manifest } = await ingestFile({ store, dataset: getDataset('pledges'), filePath: file, now: FIXED_CLOCK });
    expect(manifest.rows).toEqual({ read: 2, accepted: 2, rejected: 0 });
    const rows = await parquetRows(manifest.outputs.curated.map((key) => path.join(dir, 'lake', ...key.split('/'))), 'pledge_id');
    expect(rows.map((curated) => [curated['pledge_id'], String(curated['pledgor_name']).length])).toEqual([
      ['P-1', 9],
      ['P-BIG', 1_000_003],
    ]);
  }, 60_000);
});

describe('DuckDB errors while writing Parquet', () => {
  it('are rewritten with the source file and record, without the values DuckDB quotes', async () => {
    const dataset = getDataset('pledges');
    const staging = path.join(dir, 'staging-broken.csv');
    // A staging line too long for the default buffer (as a long row would be without the longLines mark).
    const secret = '王'.repeat(1_500_000);
    const columns = stagingColumnsOf(dataset);
    const fields = (id: string, name: string, sourceRow: number) =>
      `"${id}","patent",2,2025-06-03,"registered","${name}","91440305MA5F000189","440300","440305",,"招商银行",,1000000.00,,,,${sourceRow}`;
    await writeFile(staging, `${fields('P-1', '甲', 2)}\n${fields('P-2', secret, 3)}\n`);
    const error = await writeParquetParts({
      columns,
      lineage: { sha256: 'ab'.repeat(32), ingestSeq: 1 },
      partitioning: dataset.partitioning,
      partitions: [{ year: 2025, month: 6, rows: 2, slices: [{ path: staging, rowOffset: 10 }] }],
      workDir: dir,
      sourceName: '01-pledges.csv',
    }).then(
      () => new Error('no error'),
      (caught: unknown) => caught as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe(
      '01-pledges.csv: the curated Parquet of 2025-06 could not be written at the row of record 13 (as numbered in rejects/): ' +
        'DuckDB: Invalid Input Error: CSV Error on Line: 2: a line of 4500115 bytes is over the maximum line size of 4194304 bytes',
    );
    expect(error.message).not.toContain('王');
    expect(String((error.cause as Error).message)).not.toContain('王');
    expect(error.message).not.toContain(staging);
  }, 60_000);

  it('keep only what holds no value', () => {
    const message = 'Conversion Error: CSV Error on Line: 5\nOriginal Line: "P-1","张三",x\nError when converting column "ip_count". Could not convert string "x" to \'INTEGER\'\n\n  file = /tmp/a.csv\n';
    expect(duckdbErrorWithoutValues(message)).toBe('Conversion Error: CSV Error on Line: 5: a value of column ip_count could not be converted');
  });
});
