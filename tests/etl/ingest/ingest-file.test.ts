import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../../etl/ingest/ingest-file.ts';
import { ManifestSchema, type Manifest } from '../../../etl/ingest/manifest.ts';
import { LocalObjectStore } from '../../../etl/lake/local-object-store.ts';
import { getDataset } from '../../../etl/schemas/index.ts';
import { parquetRows } from '../../support/parquet-rows.ts';
import { tempDir } from '../../support/temp-dir.ts';

const FIXED_CLOCK = () => new Date('2025-07-05T02:00:00Z');

const PLEDGES_HEADER = '质押登记号,质押物类型,质押件数,登记日,状态,出质人名称,出质人统一社会信用代码,出质人行政区划代码,质权人名称,担保债权数额（万元）';
// Row 2 valid (district 440305 → 440300, 1,250.5 万元 = 12,505,000 yuan); row 3 three reasons; row 4 too few fields.
const PLEDGES_CSV = [
  PLEDGES_HEADER,
  'P-001,专利,3,2025年6月3日,设立,深圳某科技有限公司,91440300MA5FXXXX0X,440305,招商银行,"1,250.5"',
  'P-002,商标,0,2025-06-31,设立,某公司,,999999,某银行,100',
  'P-003,专利,1,2025-06-05',
  'P-004,混合,２,20250610,设立,杭州某公司,,330106,杭州银行,80',
  '',
].join('\n');

describe('ingestFile', () => {
  let dir: string;
  let store: LocalObjectStore;

  beforeAll(async () => {
    dir = await tempDir('ingest');
    store = new LocalObjectStore(path.join(dir, 'lake'));
  });

  it('accepts and rejects row by row, and accepted + rejected = rows read', async () => {
    const file = path.join(dir, 'pledges-2025-06.csv');
    await writeFile(file, PLEDGES_CSV.replace('91440300MA5FXXXX0X', ''));
    const { manifest, skipped } = await ingestFile({ store, dataset: getDataset('pledges'), filePath: file, now: FIXED_CLOCK });
    expect(skipped).toBe(false);
    expect(manifest.status).toBe('ingested');
    expect(manifest.rows).toEqual({ read: 4, accepted: 2, rejected: 2 });
    expect(manifest.periods).toEqual({ first: '2025-06', last: '2025-06' });
    expect(manifest.outputs.curated).toEqual([`curated/pledges/year=2025/month=06/${manifest.source.sha256}.parquet`]);
    expect(manifest.ingest_seq).toBe(1);
  });

  it('writes every reason of a rejected row with its record number and raw values', async () => {
    const lines = (await store.getText(`rejects/pledges/ingest_date=2025-07-05/${await onlyManifestSha(store, 'pledges')}.jsonl`)).trim().split('\n');
    const rejects = lines.map((line) => JSON.parse(line) as { row: number; raw: Record<string, string>; reasons: { column: string | null; rule: string }[] });
    expect(rejects.map((reject) => reject.row)).toEqual([3, 4]);
    expect(rejects[0]!.raw['质押登记号']).toBe('P-002');
    expect(rejects[0]!.reasons.map((reason) => `${reason.column}:${reason.rule}`).sort()).toEqual([
      'ip_count:integer_range',
      'pledgor_city_code:city_code_unknown',
      'registration_date:date_invalid',
    ]);
    expect(rejects[1]!.reasons).toEqual([{ column: null, value: null, rule: 'field_count', message: 'expected 10 fields as in the header, found 4' }]);
  });

  it('counts the rejected rows by city and month in the manifest, from their raw values', async () => {
    const sha = await onlyManifestSha(store, 'pledges');
    const manifest = ManifestSchema.parse(JSON.parse(await store.getText(`manifests/pledges/${sha}.json`)));
    // row 3: city 999999 unknown, 2025-06-31 not a date → no city, no month, three reasons;
    // row 4: too few fields, but its 登记日 2025-06-05 is there → no city, 2025-06
    expect(manifest.rejected_by_city).toEqual([
      { city_code: null, month: '2025-06', rows: 1, rules: { field_count: 1 } },
      { city_code: null, month: null, rows: 1, rules: { city_code_unknown: 1, date_invalid: 1, integer_range: 1 } },
    ]);
  });

  it('still reads manifests written before rejected_by_city and superseded_months existed', async () => {
    const sha = await onlyManifestSha(store, 'pledges');
    const { rejected_by_city: _rejected, keys, ...rest } = JSON.parse(await store.getText(`manifests/pledges/${sha}.json`)) as Manifest;
    const { superseded_months: _months, ...oldKeys } = keys;
    const old = ManifestSchema.parse({ ...rest, keys: oldKeys });
    expect(old.rejected_by_city).toBeUndefined();
    expect(old.keys.superseded_months).toBeUndefined();
    expect(old.rows.rejected).toBe(2);
  });

  it('normalises values into the curated Parquet: 万元, Chinese dates and enums, district roll-up, full-width digits', async () => {
    const sha = await onlyManifestSha(store, 'pledges');
    const rows = await parquetRows([path.join(dir, 'lake', 'curated', 'pledges', 'year=2025', 'month=06', `${sha}.parquet`)], 'pledge_id');
    expect(rows.map((row) => [row['pledge_id'], row['ip_type'], row['ip_count'], row['registration_date'], row['status'], row['pledgor_city_code'], row['pledgor_admin_code'], row['secured_amount_cny'], row['_source_row']])).toEqual([
      ['P-001', 'patent', 3, '2025-06-03', 'registered', '440300', '440305', '12505000.00', '2'],
      ['P-004', 'mixed', 2, '2025-06-10', 'registered', '330100', '330106', '800000.00', '5'],
    ]);
  });

  it('is a no-op when the same bytes are ingested again', async () => {
    const before = await store.list('');
    const file = path.join(dir, 'pledges-copy.csv');
    await writeFile(file, PLEDGES_CSV.replace('91440300MA5FXXXX0X', ''));
    const { skipped, manifest } = await ingestFile({ store, dataset: getDataset('pledges'), filePath: file, now: () => new Date('2025-08-01T00:00:00Z') });
    expect(skipped).toBe(true);
    expect(manifest.ingest_seq).toBe(1);
    expect(await store.list('')).toEqual(before);
  });

  it('counts what a corrected file supersedes, in the file and in earlier files', async () => {
    const file = path.join(dir, 'pledges-correction.csv');
    await writeFile(
      file,
      [
        PLEDGES_HEADER,
        'P-001,专利,3,2025-06-03,设立,深圳某科技有限公司,,440305,招商银行,1300',
        'P-009,专利,1,2025-07-01,设立,深圳某科技有限公司,,440305,招商银行,10',
        'P-009,专利,1,2025-07-02,设立,深圳某科技有限公司,,440305,招商银行,11',
      ].join('\r\n'),
    );
    const { manifest } = await ingestFile({ store, dataset: getDataset('pledges'), filePath: file, now: FIXED_CLOCK });
    const first = await onlyManifestSha(store, 'pledges', manifest.source.sha256);
    expect(manifest.ingest_seq).toBe(2);
    expect(manifest.keys).toEqual({ columns: ['pledge_id'], distinct: 2, superseded_in_file: 1, supersedes: { [first]: 1 }, superseded_months: { '2025-06': 1 } });
    expect(manifest.outputs.curated).toHaveLength(2);
  });

  it('counts the superseded rows by the month they were in: a correction that moves rows to other months', async () => {
    const lake = new LocalObjectStore(path.join(dir, 'lake-moves'));
    const original = path.join(dir, 'pledges-moves-01.csv');
    const correction = path.join(dir, 'pledges-moves-02.csv');
    const pledge = (id: string, date: string, city: string, amount = '10') => `${id},专利,1,${date},设立,某公司,,${city},某银行,${amount}`;
    await writeFile(original, [PLEDGES_HEADER, pledge('P-101', '2025-06-10', '440305'), pledge('P-102', '2025-07-02', '440305'), pledge('P-103', '2025-07-05', '110108'), ''].join('\n'));
    // P-101 June → July, P-102 July → August, P-103 stays in July; one row rejected, in Hangzhou in August
    await writeFile(
      correction,
      [PLEDGES_HEADER, pledge('P-101', '2025-07-01', '440305'), pledge('P-102', '2025-08-15', '440305'), pledge('P-103', '2025-07-05', '110108'), pledge('P-104', '2025-08-31', '330106', '-1'), ''].join('\n'),
    );
    const first = (await ingestFile({ store: lake, dataset: getDataset('pledges'), filePath: original, now: FIXED_CLOCK })).manifest;
    const { manifest } = await ingestFile({ store: lake, dataset: getDataset('pledges'), filePath: correction, now: FIXED_CLOCK });
    expect(first.keys.superseded_months).toEqual({});
    expect(first.rejected_by_city).toEqual([]);
    expect(manifest.keys).toEqual({
      columns: ['pledge_id'],
      distinct: 3,
      superseded_in_file: 0,
      supersedes: { [first.source.sha256]: 3 },
      superseded_months: { '2025-06': 1, '2025-07': 2 },
    });
    const sha = manifest.source.sha256;
    expect(manifest.outputs.curated).toEqual([`curated/pledges/year=2025/month=07/${sha}.parquet`, `curated/pledges/year=2025/month=08/${sha}.parquet`]);
    expect(manifest.rejected_by_city).toEqual([{ city_code: '330100', month: '2025-08', rows: 1, rules: { money_not_positive: 1 } }]);
  });

  it('labels superseded annual rows by year, and leaves superseded_months out for unpartitioned datasets', async () => {
    const lake = new LocalObjectStore(path.join(dir, 'lake-periods'));
    const accounts = (gdp: string) => `行政区划代码,年份,地区生产总值\n440305,2023,${gdp}\n440306,2024,${gdp}\n`;
    const products = (name: string) => `gi_id,name,protection_type,city_code,category,approval_date,in_promotion_project\nGI-1,${name},product,440305,fruit,2006-01-01,true\n`;
    const files = { a: path.join(dir, 'accounts-a.csv'), b: path.join(dir, 'accounts-b.csv'), c: path.join(dir, 'products-c.csv'), d: path.join(dir, 'products-d.csv') };
    await writeFile(files.a, accounts('100'));
    await writeFile(files.b, accounts('200'));
    await writeFile(files.c, products('荔枝'));
    await writeFile(files.d, products('增城荔枝'));
    await ingestFile({ store: lake, dataset: getDataset('city_accounts'), filePath: files.a, now: FIXED_CLOCK });
    const annual = (await ingestFile({ store: lake, dataset: getDataset('city_accounts'), filePath: files.b, now: FIXED_CLOCK })).manifest;
    expect(annual.keys.superseded_months).toEqual({ '2023': 1, '2024': 1 });
    await ingestFile({ store: lake, dataset: getDataset('gi_products'), filePath: files.c, now: FIXED_CLOCK });
    const reference = (await ingestFile({ store: lake, dataset: getDataset('gi_products'), filePath: files.d, now: FIXED_CLOCK })).manifest;
    expect(Object.values(reference.keys.supersedes)).toEqual([1]);
    expect(reference.keys).not.toHaveProperty('superseded_months');
  });

  it('reads GBK files with traditional Chinese headers', async () => {
    const file = path.join(dir, 'city-accounts-gbk.csv');
    await writeFile(file, iconv.encode('行政區劃代碼,年份,地區生產總值(萬元)\r\n440300,2024,"36,801,870"\r\n', 'gbk'));
    const { manifest } = await ingestFile({ store, dataset: getDataset('city_accounts'), filePath: file, now: FIXED_CLOCK });
    expect(manifest.source.encoding).toBe('gb18030');
    expect(manifest.rows).toEqual({ read: 1, accepted: 1, rejected: 0 });
    expect(manifest.outputs.curated).toEqual([`curated/city_accounts/year=2024/${manifest.source.sha256}.parquet`]);
    const rows = await parquetRows([path.join(dir, 'lake', ...manifest.outputs.curated[0]!.split('/'))], 'city_code');
    expect(rows).toEqual([
      expect.objectContaining({ city_code: '440300', admin_code: '440300', gdp_cny: '368018700000.00', _source_row: '2' }),
    ]);
    expect(rows[0]).not.toHaveProperty('year');
  });

  it('rejects a whole file that lacks a required column, naming the column', async () => {
    const file = path.join(dir, 'pledges-missing.csv');
    await writeFile(file, '质押登记号,质押物类型\nP-1,专利\n');
    const { manifest } = await ingestFile({ store, dataset: getDataset('pledges'), filePath: file, now: FIXED_CLOCK });
    expect(manifest.status).toBe('file_rejected');
    expect(manifest.error).toMatch(/registration_date \(登记日\)/);
    expect(manifest.rows).toEqual({ read: 0, accepted: 0, rejected: 0 });
    expect(manifest.outputs.curated).toEqual([]);
  });

  it('writes byte-identical lakes for the same input and clock', async () => {
    const source = path.join(dir, 'same.csv');
    await writeFile(source, PLEDGES_CSV);
    const lakes = [path.join(dir, 'lake-a'), path.join(dir, 'lake-b')];
    for (const lake of lakes) await ingestFile({ store: new LocalObjectStore(lake), dataset: getDataset('pledges'), filePath: source, now: FIXED_CLOCK });
    const [a, b] = lakes.map((lake) => new LocalObjectStore(lake));
    const keys = (await a!.list('')).map((object) => object.key);
    expect((await b!.list('')).map((object) => object.key)).toEqual(keys);
    for (const key of keys) expect(Buffer.compare(Buffer.from(await a!.get(key)), Buffer.from(await b!.get(key))), key).toBe(0);
  });
});

async function onlyManifestSha(store: LocalObjectStore, dataset: string, exceptSha?: string): Promise<string> {
  const shas = (await store.list(`manifests/${dataset}/`)).map((object) => path.basename(object.key, '.json')).filter((sha) => sha !== exceptSha);
  const ingested: string[] = [];
  for (const sha of shas) {
    const manifest = JSON.parse(await readFile(path.join(store.location, 'manifests', dataset, `${sha}.json`), 'utf8')) as { status: string };
    if (manifest.status === 'ingested') ingested.push(sha);
  }
  expect(ingested).toHaveLength(1);
  return ingested[0]!;
}
