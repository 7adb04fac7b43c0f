/**
 * `ipstats run` and `ipstats ingest` when a disk fills up (ENOSPC at the object-store seam): a
 * plain message naming the disk, nothing published, the reports already published untouched.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../../etl/cli/logger.ts';
import { DiskFullError } from '../../../etl/lake/disk-full.ts';
import { LocalObjectStore } from '../../../etl/lake/local-object-store.ts';
import type { ObjectStore } from '../../../etl/lake/object-store.ts';
import { ingestPaths } from '../../../etl/ingest/ingest-paths.ts';
import { runPipeline } from '../../../etl/pipeline/run-pipeline.ts';
import { getDataset } from '../../../etl/schemas/index.ts';
import { diskFullStore, type DiskFullAt } from '../../support/disk-full-store.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { E2E_CONFIG, E2E_INPUT_DIR } from '../../e2e/support/run-cli.ts';

const SILENT: Logger = { info: () => undefined, warn: () => undefined, progress: () => undefined };
let work: string;

beforeAll(async () => {
  work = await tempDir('disk-full-run');
});

/** Runs the pipeline on the fixture; the store at `fullAt.url` fills up as told. */
function run(lake: string, out: string, fullAt?: DiskFullAt & { url: string }) {
  const openStore = (url: string): ObjectStore => {
    const store = new LocalObjectStore(url);
    return fullAt?.url === url ? diskFullStore(store, fullAt) : store;
  };
  return runPipeline({ inputDir: E2E_INPUT_DIR, configPath: E2E_CONFIG, lake, out, period: '2025-06', logger: SILENT, openStore });
}

async function contents(folder: string): Promise<Map<string, string>> {
  const store = new LocalObjectStore(folder);
  const all = new Map<string, string>();
  for (const { key } of await store.list('')) all.set(key, Buffer.from(await store.get(key)).toString('base64'));
  return all;
}

describe('a full disk', () => {
  it('while ingesting into the lake: the run stops, says which disk, publishes nothing', async () => {
    const lake = path.join(work, 'lake-full');
    const out = path.join(work, 'out-lake-full');
    const failure = await run(lake, out, { url: lake, put: 3 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DiskFullError);
    expect((failure as Error).message).toBe(`the disk holding ${lake} is full: free space and run again; nothing was published`);
    expect(await contents(out)).toEqual(new Map());
  });

  it('while writing the reports: the published reports stay as they were', async () => {
    const lake = path.join(work, 'lake');
    const out = path.join(work, 'out');
    await run(lake, out);
    const before = await contents(out);
    // Two cities' report.json, .html, .xlsx and report.schema.json, and the month's index.html, .xlsx and .json.
    expect(before.size).toBe(11);
    for (const put of [1, 6, 11]) {
      const failure = await run(lake, out, { url: out, put }).catch((error: unknown) => error);
      expect((failure as Error).message).toBe(`the disk holding ${out} is full: free space and run again; nothing was published`);
      expect(await contents(out)).toEqual(before);
    }
  }, 60_000);

  it('while ingest writes the lake: names the file not ingested', async () => {
    const lake = new LocalObjectStore(path.join(work, 'lake-ingest'));
    const folder = path.join(E2E_INPUT_DIR, 'pledges');
    const failure = await ingestPaths({ store: diskFullStore(lake, { put: 1 }), dataset: getDataset('pledges'), paths: [folder] }).catch((error: unknown) => error);
    expect((failure as Error).message).toBe(
      `the disk holding ${lake.location} is full: free space and run again; ${path.join(folder, '01-pledges-2023-2025.csv')} was not ingested, nor the files after it`,
    );
  });
});
