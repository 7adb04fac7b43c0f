/**
 * The large-source fan-out run locally against s3rver: split-source → ingest-range on every range
 * (concurrently, as the Distributed Map runs them) → merge-ranges must leave exactly the lake a
 * single ingestion (ingestFile, the CLI's path) writes for the same file: same keys, same bytes,
 * manifests included (the local run uses the merge's clock), rejects in record order.
 */
import { appendFile, copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../etl/ingest/ingest-file.ts';
import { ManifestSchema } from '../../etl/ingest/manifest.ts';
import { S3ObjectStore } from '../../etl/lake/s3-object-store.ts';
import { writePatentEventsCsv } from '../../etl/sample/patent-events-stream.ts';
import { getDataset } from '../../etl/schemas/index.ts';
import type { RangePlan, RangeResult } from '../../etl/aws/range-plan.ts';
import { startS3rver, type RunningS3rver } from '../support/s3rver.ts';
import { tempDir } from '../support/temp-dir.ts';
import { lambdaEnv, localLake, objectsOf, putFileObject } from './support/lambda-env.ts';

const RANGE_BYTES = 1_500_000;
type Handlers = {
  split: (typeof import('../../functions/split-source/handler.ts'))['handler'];
  range: (typeof import('../../functions/ingest-range/handler.ts'))['handler'];
  merge: (typeof import('../../functions/merge-ranges/handler.ts'))['handler'];
};

/** Two generated files joined, with bad rows between them and at the end: rejects in several ranges. */
async function largeFileWithRejects(dir: string): Promise<string> {
  const first = path.join(dir, 'first.csv');
  const second = path.join(dir, 'second.csv');
  await writePatentEventsCsv(first, 15_000, 11);
  await writePatentEventsCsv(second, 15_000, 12);
  const secondRows = (await readFile(second, 'utf8')).split('\n').slice(1).join('\n');
  const bad = (id: string) => `${id},201930548321.9,licence,ordinary,2023-13-40,甲公司,,enterprise,370214,乙公司,,enterprise,310118,maybe,12x\n`;
  const target = path.join(dir, '专利转让许可 全量.csv');
  await copyFile(first, target);
  await appendFile(target, bad('BAD-MIDDLE-1') + bad('BAD-MIDDLE-2') + secondRows.replaceAll('X2023', 'Y2023').replaceAll('X2024', 'Y2024').replaceAll('X2025', 'Y2025'));
  await appendFile(target, bad('BAD-END'));
  return target;
}

describe('large-source fan-out: split-source → ingest-range × n → merge-ranges (s3rver)', () => {
  let s3: RunningS3rver;
  let dir: string;
  let lake: S3ObjectStore;
  let fns: Handlers;

  beforeAll(async () => {
    s3 = await startS3rver();
    dir = await tempDir('fn-large');
    lambdaEnv(s3, { IPSTATS_LAKE_BUCKET: s3.bucket, IPSTATS_RANGE_BYTES: String(RANGE_BYTES), IPSTATS_WORK_PREFIX: 'work/' });
    fns = {
      split: (await import('../../functions/split-source/handler.ts')).handler,
      range: (await import('../../functions/ingest-range/handler.ts')).handler,
      merge: (await import('../../functions/merge-ranges/handler.ts')).handler,
    };
    lake = new S3ObjectStore({ client: s3.client, bucket: s3.bucket });
  });
  afterAll(async () => {
    await s3?.stop();
  });

  async function runStateMachine(dataset: string, key: string): Promise<{ plan: RangePlan; results: RangeResult[]; summary: Awaited<ReturnType<Handlers['merge']>> }> {
    const plan = await fns.split({ dataset, key });
    const results = await Promise.all(plan.ranges.map((range) => fns.range({ dataset, key, range })));
    const summary = await fns.merge({ dataset, key, plan, ranges: results });
    return { plan, results, summary };
  }

  it('writes the lake a single ingestion writes, after an earlier file of the dataset', async () => {
    const earlier = path.resolve('samples/default/patent_events/patent_events_2023.csv');
    const large = await largeFileWithRejects(dir);
    const local = localLake(path.join(dir, 'local-lake'));
    const clock = () => new Date('2026-01-05T02:00:00Z');
    await ingestFile({ store: lake, dataset: getDataset('patent_events'), filePath: earlier, now: clock });
    await ingestFile({ store: local, dataset: getDataset('patent_events'), filePath: earlier, now: clock });

    const key = `inbox/patent_events/${path.basename(large)}`;
    await putFileObject(s3, key, large);
    const { plan, results, summary } = await runStateMachine('patent_events', key);

    expect(plan.ranges.length).toBeGreaterThanOrEqual(3);
    expect(plan.ranges[0]!.start).toBe(0);
    expect(plan.ranges.at(-1)!.end).toBe(plan.bytes);
    for (let index = 1; index < plan.ranges.length; index += 1) expect(plan.ranges[index]!.start).toBe(plan.ranges[index - 1]!.end);
    expect(plan.ranges.map((range) => range.header === null)).toEqual(plan.ranges.map((range) => range.part === 0));
    expect(results.filter((result) => result.rejected > 0).length).toBeGreaterThanOrEqual(2);

    const manifest = ManifestSchema.parse(JSON.parse(await lake.getText(summary.manifestKey)));
    expect(summary).toMatchObject({ status: 'ingested', rowsRead: 30_003, rowsRejected: 3, rejectRate: 3 / 30_003 });
    expect(manifest.ingest_seq).toBe(2);
    // From the merged rejects, as for a single ingestion: 370214 → 370200, 310118 → 310000; 2023-13-40 has no month
    expect(manifest.rejected_by_city).toEqual([
      { city_code: '310000', month: null, rows: 3, rules: { boolean_format: 3, date_invalid: 3, money_format: 3 } },
      { city_code: '370200', month: null, rows: 3, rules: { boolean_format: 3, date_invalid: 3, money_format: 3 } },
    ]);
    await ingestFile({ store: local, dataset: getDataset('patent_events'), filePath: large, now: () => new Date(manifest.ingested_at), parallelism: 1 });

    const expected = await objectsOf(local);
    const actual = await objectsOf(lake, ['inbox/']);
    expect([...actual.keys()]).toEqual([...expected.keys()]);
    for (const [objectKey, bytes] of expected) expect(actual.get(objectKey)!.equals(bytes), objectKey).toBe(true);
    const rejects = (await lake.getText(manifest.outputs.rejects!)).trim().split('\n').map((line) => JSON.parse(line) as { row: number });
    expect(rejects.map((reject) => reject.row)).toEqual([15_002, 15_003, 30_004]);
    expect(await lake.list('work/')).toEqual([]);
  });

  it('plans nothing for a file already ingested, and merge-ranges returns its recorded summary', async () => {
    const key = `inbox/patent_events/${path.basename(await largeFileWithRejects(path.join(dir)))}`;
    const { plan, summary } = await runStateMachine('patent_events', key);
    expect(plan).toMatchObject({ alreadyIngested: true, ranges: [] });
    expect(summary).toMatchObject({ status: 'skipped', rowsRead: 30_003, rowsRejected: 3 });
  });

  it('rejects a file whole, as a single ingestion does, when a later range has broken quoting', async () => {
    const broken = path.join(dir, 'broken.csv');
    await writePatentEventsCsv(broken, 20_000, 13);
    await appendFile(broken, 'Q1,201930548321.9,licence,ordinary,2023-07-24,"unclosed quote,,enterprise,370214,乙,,enterprise,310118,true,1\n');
    const key = 'inbox/patent_events/broken.csv';
    await putFileObject(s3, key, broken);
    const { plan, summary } = await runStateMachine('patent_events', key);
    expect(plan.ranges.length).toBeGreaterThanOrEqual(2);
    const manifest = ManifestSchema.parse(JSON.parse(await lake.getText(summary.manifestKey)));
    expect(summary).toMatchObject({ status: 'file_rejected', rejectRate: 1, rowsRead: 0 });
    const local = localLake(path.join(dir, 'broken-lake'));
    const single = await ingestFile({ store: local, dataset: getDataset('patent_events'), filePath: broken, now: () => new Date(manifest.ingested_at) });
    // The S3 lake holds earlier files of the dataset, the fresh local one none: only the sequence differs.
    expect({ ...manifest, ingest_seq: 0 }).toEqual({ ...single.manifest, ingest_seq: 0 });
    // The file's physical line, counted on from the ranges before the one that failed.
    expect(manifest.error).toBe('line 20,002: CSV syntax: the quoted field that starts on this line is never closed (a stray quote, or a closing quote missing)');
  });
});
