import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile, sha256File } from '../../../etl/ingest/ingest-file.ts';
import { findUncommittedObjects } from '../../../etl/ingest/uncommitted-objects.ts';
import { LocalObjectStore } from '../../../etl/lake/local-object-store.ts';
import { getDataset } from '../../../etl/schemas/index.ts';
import { tempDir } from '../../support/temp-dir.ts';

const HEADER = 'event_id,application_no,event_type,effective_date,from_name,from_type,from_city_code,to_name,to_type,to_city_code';
const GOOD = [HEADER, 'T1,201710601862.3,transfer,2024-03-05,清华大学,university,110108,深圳甲公司,enterprise,440305', ''].join('\n');
const dir = await tempDir('uncommitted');

describe('findUncommittedObjects', () => {
  it('names every object no manifest lists, with the reason, and leaves committed data and the city configuration alone', async () => {
    const store = new LocalObjectStore(path.join(dir, 'lake'));
    const good = path.join(dir, 'good.csv');
    const rejected = path.join(dir, 'rejected.csv');
    await writeFile(good, GOOD);
    await writeFile(rejected, 'event_id\nT9\n');
    const july = () => new Date('2025-07-05T02:00:00Z');
    await ingestFile({ store, dataset: getDataset('patent_events'), filePath: good, now: july });
    await ingestFile({ store, dataset: getDataset('patent_events'), filePath: rejected, now: july });
    const [goodSha, rejectedSha, orphanSha] = [await sha256File(good), await sha256File(rejected), 'f'.repeat(64)];
    // an attempt on an earlier day at the committed file, an interrupted retry of the rejected one, a file never committed
    await store.put(`raw/patent_events/ingest_date=2025-07-04/${goodSha}.csv`, GOOD);
    await store.put(`curated/patent_events/year=2024/month=03/${rejectedSha}.parquet`, 'x');
    await store.put(`rejects/patent_events/ingest_date=2025-07-05/${orphanSha}.jsonl`, '{}\n');
    await store.put('curated/city_config/city_config.parquet', 'cities');
    const found = await findUncommittedObjects(store);
    expect(found.map(({ key, size, dataset, sha256, reason }) => ({ key, size, dataset, sha256, reason }))).toEqual([
      { key: `raw/patent_events/ingest_date=2025-07-04/${goodSha}.csv`, size: Buffer.byteLength(GOOD), dataset: 'patent_events', sha256: goodSha, reason: 'not in its manifest' },
      { key: `curated/patent_events/year=2024/month=03/${rejectedSha}.parquet`, size: 1, dataset: 'patent_events', sha256: rejectedSha, reason: 'file rejected whole' },
      { key: `rejects/patent_events/ingest_date=2025-07-05/${orphanSha}.jsonl`, size: 3, dataset: 'patent_events', sha256: orphanSha, reason: 'no manifest' },
    ]);
    expect(found.every((object) => object.lastModified instanceof Date)).toBe(true);
    // Objects written after the command started are not its business (an ingestion may still be writing them).
    expect(await findUncommittedObjects(store, { before: new Date(Date.now() - 60_000) })).toEqual([]);
  });
});
