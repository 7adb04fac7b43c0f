import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ingestFile } from '../../../etl/ingest/ingest-file.ts';
import { LocalObjectStore } from '../../../etl/lake/local-object-store.ts';
import { getDataset } from '../../../etl/schemas/index.ts';
import { tempDir } from '../../support/temp-dir.ts';

const FIXED_CLOCK = () => new Date('2025-07-05T02:00:00Z');
const HEADER = 'version,industry_code,category_code,partial';

describe('whole-file check of patent_intensive_classification (DatasetSpec.checkWholeFile)', () => {
  let dir: string;
  let store: LocalObjectStore;
  let fileNumber = 0;

  beforeEach(async () => {
    dir = await tempDir('whole-file');
    store = new LocalObjectStore(path.join(dir, 'lake'));
  });

  async function ingest(lines: readonly string[]) {
    const file = path.join(dir, `classification-${++fileNumber}.csv`);
    await writeFile(file, [HEADER, ...lines, ''].join('\n'));
    return ingestFile({ store, dataset: getDataset('patent_intensive_classification'), filePath: file, now: FIXED_CLOCK });
  }

  it('accepts a valid table and records classes per category, partial classes and warnings in the manifest', async () => {
    const { manifest } = await ingest(['2019,3911,01,false', '2019,3961,01,*', '2019,6513,02,否']);
    expect(manifest.status).toBe('ingested');
    expect(manifest.rows).toEqual({ read: 3, accepted: 3, rejected: 0 });
    expect(manifest.summary).toEqual({
      versions: { '2019': { classes: 3, partial_classes: 1, by_category: { '01': 2, '02': 1, '03': 0, '04': 0, '05': 0, '06': 0, '07': 0 }, demonstration: false } },
    });
    expect(manifest.warnings).toEqual(['version 2019 has 3 classes; the 2019 standard has 188: check that the whole table was loaded']);
    expect(manifest.outputs.curated).toHaveLength(1);
  });

  it('marks a demo version as a demonstration and does not compare it with the 188 classes', async () => {
    const { manifest } = await ingest(['demo-2019,3911,01,false']);
    expect(manifest.status).toBe('ingested');
    expect(manifest.warnings).toEqual([
      'version demo-2019 is a demonstration table (its name starts with "demo"): every figure computed from it is marked as such',
    ]);
  });

  it('rejects the whole file when a class appears twice in a version, naming the rows', async () => {
    const { manifest } = await ingest(['2019,3911,01,false', '2019,6513,02,false', '2019,3911,03,false', '2020,3911,03,false']);
    expect(manifest.status).toBe('file_rejected');
    expect(manifest.error).toBe(
      'patent_intensive_classification: class 3911 appears 2 times in version 2019 (row 2 category 01, row 4 category 03); a class may appear once per version',
    );
    expect(manifest.outputs.curated).toEqual([]);
    expect(await store.list('curated/patent_intensive_classification/')).toEqual([]);
  });

  it('rejects the whole file when a row has an unknown class, with the row, the column and the rule (never the value)', async () => {
    const { manifest } = await ingest(['2019,3911,01,false', '2019,9999,01,false']);
    expect(manifest.status).toBe('file_rejected');
    expect(manifest.error).toBe(
      'patent_intensive_classification: a classification must be complete, but 1 row(s) were rejected ' +
        '(row 3: industry_code industry_code_unknown): fix them and load the file again',
    );
    expect(await store.list('curated/patent_intensive_classification/')).toEqual([]);
  });

  it('leaves the manifests of datasets without a check unchanged (no warnings or summary)', async () => {
    const file = path.join(dir, 'city_accounts.csv');
    await writeFile(file, 'city_code,year,gdp_cny\n440300,2024,100\n');
    const { manifest } = await ingestFile({ store, dataset: getDataset('city_accounts'), filePath: file, now: FIXED_CLOCK });
    expect(manifest.status).toBe('ingested');
    expect('warnings' in manifest).toBe(false);
    expect('summary' in manifest).toBe(false);
  });
});
