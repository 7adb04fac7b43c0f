/**
 * Scenario (b): a generated source of at least 200 MB through the large-source path in a box, at
 * the memory, /tmp and timeout the template gives every function. Only the deployment's two size
 * settings are lowered (`ipstats:largeSourceBytes` 128 MiB, `ipstats:rangeBytes` 64 MiB) so that
 * this file is large and is cut into several ranges; the functions are the bundles from cdk.out,
 * each in a sandbox that kills it past its memory (native DuckDB memory included) and fails it
 * past its /tmp. Every row lands in the lake, once; nothing stays under `work/`.
 *
 * The rows all fall in January of their year (three partitions of ~350,000 rows): the shape that
 * ran DuckDB out of its old fixed 64 MB inside merge-ranges.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeJanuaryPatentEvents } from '../support/month-concentrated-source.ts';
import { tempDir } from '../support/temp-dir.ts';
import { startAwsInABox, type AwsInABox } from './harness/aws-in-a-box.ts';
import { sharedIpstatsAssembly } from './harness/synthesize-app.ts';

const ROWS = 1_050_000;
const KEY = 'inbox/patent_events/patent_events_large.csv';
const MIB = 1024 ** 2;
const CONTEXT = { 'ipstats:largeSourceBytes': 128 * MIB, 'ipstats:rangeBytes': 64 * MIB };

describe('a 200 MB source through split → Distributed Map of ranges → merge, at the template\'s memory and /tmp (moto, bundled functions, exact state machine)', () => {
  let box: AwsInABox;
  let lake: string;
  let sourceBytes: number;

  beforeAll(async () => {
    const scratch = await tempDir('aws-large-source');
    const [assemblyDir, bytes] = await Promise.all([
      sharedIpstatsAssembly(CONTEXT),
      writeJanuaryPatentEvents(path.join(scratch, 'source.csv'), ROWS, 11),
    ]);
    sourceBytes = bytes;
    box = await startAwsInABox({ assemblyDir, scratchDir: scratch });
    lake = box.bucket('LakeBucket');
    await box.putObject(lake, KEY, await readFile(path.join(scratch, 'source.csv')));
    await box.stepFunctions.settled();
  }, 600_000);
  afterAll(async () => {
    await box?.stop();
  });

  it('is at least 200 MB', () => {
    expect(sourceBytes).toBeGreaterThanOrEqual(200 * 1000 ** 2);
  });

  it('is ingested by the large-source state machine with several ranges, every function inside its memory and /tmp', () => {
    expect(box.stepFunctions.executions.map((e) => [box.stepFunctions.machine(e.stateMachineArn).logicalId.replace(/[0-9A-F]{8}$/, ''), e.status, e.error])).toEqual([
      ['LargeSourceIngestionStateMachine', 'SUCCEEDED', undefined],
    ]);
    const called = box.lambda.invocations.map((invocation) => invocation.function.logicalId.replace(/[0-9A-F]{8}$/, ''));
    // floor(bytes / 64 MiB) ranges, cut on record boundaries.
    const ranges = Math.floor(sourceBytes / (64 * MIB));
    expect(ranges).toBeGreaterThanOrEqual(3);
    expect(called).toEqual(['IngestFunction', 'SplitSourceFunction', ...Array<string>(ranges).fill('IngestRangeFunction'), 'MergeRangesFunction']);
    for (const { function: fn, result } of box.lambda.invocations) {
      expect([fn.logicalId, result.status]).toEqual([fn.logicalId, 'succeeded']);
      if (result.status === 'throttled') continue;
      expect(result.maxMemoryUsedMb, `${fn.logicalId} memory`).toBeLessThan(fn.memorySizeMb);
      expect(result.maxTmpUsedMiB, `${fn.logicalId} /tmp`).toBeLessThan(fn.ephemeralStorageMiB);
    }
    if (process.env['IPSTATS_PRINT_MEASUREMENTS'] === '1') {
      for (const { function: fn, result } of box.lambda.invocations) {
        if (result.status !== 'throttled') console.log(fn.logicalId, result.durationMs, 'ms', Math.round(result.maxMemoryUsedMb), 'MiB RSS', Math.round(result.maxTmpUsedMiB), 'MiB /tmp');
      }
    }
  });

  it('publishes every row once, with a manifest that counts them, and leaves nothing under work/', async () => {
    const [execution] = box.stepFunctions.executions;
    const manifestKey = (execution!.output as { manifestKey: string }).manifestKey;
    expect(await box.keysUnder(lake, 'manifests/patent_events/')).toEqual([manifestKey]);
    const manifest = JSON.parse(await (await box.s3.send(new GetObjectCommand({ Bucket: lake, Key: manifestKey }))).Body!.transformToString()) as {
      status: string;
      rows: { read: number; accepted: number; rejected: number };
    };
    expect(manifest.status).toBe('ingested');
    expect(manifest.rows).toEqual({ read: ROWS, accepted: ROWS, rejected: 0 });
    // Three January partitions (2023, 2024, 2025).
    expect((await box.keysUnder(lake, 'curated/patent_events/')).map((key) => /year=(\d+)\/month=(\d+)\//.exec(key)?.slice(1).join('-')).sort()).toEqual(['2023-01', '2024-01', '2025-01']);
    expect(await box.keysUnder(lake, 'work/')).toEqual([]);
  });
});
