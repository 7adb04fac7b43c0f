/**
 * Scenario (a) of issue 11, on the deployed app in a box: a source file put into the lake
 * bucket's `inbox/<dataset>/` reaches the function the template's bucket notification names
 * (the bundled `ingest`, run in its sandbox), and the lake on moto then holds the raw copy, the
 * curated Parquet and the manifest that commits them. S3 delivers events at least once: the
 * same event again changes nothing — no new object, no new version of any object.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GetObjectCommand, ListObjectVersionsCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManifestSchema, type Manifest } from '../../etl/ingest/manifest.ts';
import { parquetRows } from '../support/parquet-rows.ts';
import { tempDir } from '../support/temp-dir.ts';
import { startAwsInABox, type AwsInABox } from './harness/aws-in-a-box.ts';
import { sharedIpstatsAssembly } from './harness/synthesize-app.ts';

const SOURCE = path.resolve('samples/default/patent_events/patent_events_2025.csv');
const KEY = 'inbox/patent_events/patent_events_2025.csv';

describe('an object put into the inbox of the deployed app (moto, bundled ingest)', () => {
  let box: AwsInABox;
  let lake: string;
  let scratch: string;
  let versionsAfterFirstEvent: string[];

  beforeAll(async () => {
    scratch = await tempDir('aws-s3-event');
    const assemblyDir = await sharedIpstatsAssembly();
    box = await startAwsInABox({ assemblyDir, scratchDir: scratch });
    lake = box.bucket('LakeBucket');
  }, 120_000);
  afterAll(async () => {
    await box?.stop();
  });

  /** Every version of every object in the lake bucket, `key@version`, sorted. */
  async function versions(): Promise<string[]> {
    const listed = await box.s3.send(new ListObjectVersionsCommand({ Bucket: lake }));
    return (listed.Versions ?? []).map((v) => `${v.Key}@${v.VersionId}`).sort();
  }

  async function object(key: string): Promise<Uint8Array> {
    return (await box.s3.send(new GetObjectCommand({ Bucket: lake, Key: key }))).Body!.transformToByteArray();
  }

  it('is ingested by the function the bucket notification names: raw copy, curated Parquet and manifest on moto', async () => {
    const deliveries = await box.putObject(lake, KEY, await readFile(SOURCE));

    expect(deliveries.map((d) => box.lambda.function(d.functionArn).logicalId)).toEqual([expect.stringMatching(/^IngestFunction/)]);
    const outcome = deliveries[0]!.outcome;
    expect(outcome.status, JSON.stringify(outcome)).toBe('succeeded');
    versionsAfterFirstEvent = await versions();
    const keys = versionsAfterFirstEvent.map((entry) => entry.split('@')[0]!);
    const manifestKeys = keys.filter((key) => key.startsWith('manifests/'));
    expect(manifestKeys).toHaveLength(1);
    const manifest: Manifest = ManifestSchema.parse(JSON.parse(Buffer.from(await object(manifestKeys[0]!)).toString('utf8')));
    expect([manifest.status, manifest.source.name, manifest.source.sha256]).toEqual(['ingested', 'patent_events_2025.csv', manifestKeys[0]!.slice('manifests/patent_events/'.length, -'.json'.length)]);
    expect(keys.filter((key) => key.startsWith('curated/')).sort()).toEqual([...manifest.outputs.curated].sort());
    expect(keys).toContain(manifest.outputs.raw);

    // The Parquet is real: DuckDB reads back every accepted row.
    const files = await Promise.all(
      manifest.outputs.curated.map(async (key, index) => {
        const file = path.join(scratch, `curated-${index}.parquet`);
        await writeFile(file, await object(key));
        return file;
      }),
    );
    expect((await parquetRows(files, '1')).length).toBe(manifest.rows.accepted);
  });

  it('is not ingested again when S3 delivers the same event again: no new object, no new version', async () => {
    const again = await box.notifyObjectCreated(lake, KEY);

    expect(again[0]!.outcome.status).toBe('succeeded');
    expect(again[0]!.outcome.status === 'succeeded' && again[0]!.outcome.result).toMatchObject({ results: [{ key: KEY, status: 'skipped' }] });
    expect(await versions()).toEqual(versionsAfterFirstEvent);
  });
});
