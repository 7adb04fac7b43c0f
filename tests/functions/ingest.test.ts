/**
 * The `ingest` handler run locally against s3rver: objects put into `inbox/<dataset>/` end up in
 * the lake exactly as the CLI's ingestion (ingestFile on a local file of the same name) writes
 * them — same keys, same bytes, manifests included (the local run uses the Lambda's clock).
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ingestFile } from '../../etl/ingest/ingest-file.ts';
import { ManifestSchema } from '../../etl/ingest/manifest.ts';
import { S3ObjectStore } from '../../etl/lake/s3-object-store.ts';
import { CITY_CONFIG_KEY, writeCityConfigTable } from '../../etl/pipeline/city-config-table.ts';
import { loadCityConfig } from '../../etl/config/city-config.ts';
import { getDataset } from '../../etl/schemas/index.ts';
import type { IngestSummary } from '../../etl/aws/ingest-summary.ts';
import { startS3rver, type RunningS3rver } from '../support/s3rver.ts';
import { tempDir } from '../support/temp-dir.ts';
import { lambdaEnv, localLake, objectsOf, putFileObject, s3Event } from './support/lambda-env.ts';

const SAMPLES = path.resolve('samples/default');
/** GB18030-encoded, with a space and Chinese characters in its name as operators name files. */
const EVENTS_FILE = '专利事件 2025.csv';
const ENTERPRISES_FILE = 'enterprises.csv';

const LARGE = 10_000_000;
const STATE_MACHINE_ARN = 'arn:aws-cn:states:cn-northwest-1:123456789012:stateMachine:IpstatsLargeSource';
type Handler = (typeof import('../../functions/ingest/handler.ts'))['handler'];

describe('functions/ingest (against s3rver)', () => {
  const sfn = mockClient(SFNClient);
  let s3: RunningS3rver;
  let dir: string;
  let handler: Handler;
  let lake: S3ObjectStore;

  beforeAll(async () => {
    s3 = await startS3rver();
    dir = await tempDir('fn-ingest');
    await mkdir(path.join(dir, 'sources'));
    await copyFile(path.join(SAMPLES, 'patent_events/patent_events_2025.csv'), path.join(dir, 'sources', EVENTS_FILE));
    await copyFile(path.join(SAMPLES, 'enterprises/enterprises.csv'), path.join(dir, 'sources', ENTERPRISES_FILE));
    lambdaEnv(s3, {
      IPSTATS_LAKE_BUCKET: s3.bucket,
      IPSTATS_LARGE_SOURCE_BYTES: String(LARGE),
      IPSTATS_LARGE_SOURCE_STATE_MACHINE_ARN: STATE_MACHINE_ARN,
    });
    ({ handler } = await import('../../functions/ingest/handler.ts'));
    lake = new S3ObjectStore({ client: s3.client, bucket: s3.bucket });
  });
  afterAll(async () => {
    sfn.restore();
    vi.unstubAllGlobals();
    await s3?.stop();
  });

  it('ingests every record of an S3 event into the lake exactly as the CLI does', async () => {
    const keys = [`inbox/patent_events/${EVENTS_FILE}`, `inbox/enterprises/${ENTERPRISES_FILE}`];
    await putFileObject(s3, keys[0]!, path.join(dir, 'sources', EVENTS_FILE));
    await putFileObject(s3, keys[1]!, path.join(dir, 'sources', ENTERPRISES_FILE));

    const response = await handler(s3Event(s3.bucket, keys));

    expect('results' in response && response.results.map((r) => [r.dataset, r.key, r.status])).toEqual([
      ['patent_events', `inbox/patent_events/${EVENTS_FILE}`, 'ingested'],
      ['enterprises', `inbox/enterprises/${ENTERPRISES_FILE}`, 'ingested'],
    ]);
    expect('results' in response && response.delegated).toEqual([]);
    // The CLI's ingestion of the same files, at the instants the Lambda recorded.
    const local = localLake(path.join(dir, 'local-lake'));
    for (const [dataset, file] of [['patent_events', EVENTS_FILE], ['enterprises', ENTERPRISES_FILE]] as const) {
      const summary = 'results' in response ? response.results.find((r) => r.dataset === dataset)! : undefined;
      const manifest = ManifestSchema.parse(JSON.parse(await lake.getText(summary!.manifestKey)));
      expect(manifest.source.name).toBe(file);
      await ingestFile({ store: local, dataset: getDataset(dataset), filePath: path.join(dir, 'sources', file), now: () => new Date(manifest.ingested_at) });
    }
    const expected = await objectsOf(local);
    const actual = await objectsOf(lake, ['inbox/', 'config/']);
    expect([...actual.keys()]).toEqual([...expected.keys()]);
    expect([...actual.keys()].filter((key) => key.startsWith('curated/patent_events/')).length).toBeGreaterThan(1);
    for (const [key, bytes] of expected) expect(actual.get(key)!.equals(bytes), key).toBe(true);
  });

  it('reports the same event delivered twice as already ingested, writing nothing', async () => {
    const before = await objectsOf(lake);
    const response = await handler(s3Event(s3.bucket, [`inbox/enterprises/${ENTERPRISES_FILE}`]));
    expect('results' in response && response.results.map((r) => r.status)).toEqual(['skipped']);
    expect([...(await objectsOf(lake)).keys()]).toEqual([...before.keys()]);
  });

  it('ingests the good records of an event and leaves non-source files and stray keys alone', async () => {
    await putFileObject(s3, 'inbox/trademarks/README.md', path.join(SAMPLES, 'README.md'));
    await putFileObject(s3, 'inbox/patentz/x.csv', path.join(dir, 'sources', ENTERPRISES_FILE));
    await putFileObject(s3, 'inbox/x.csv', path.join(dir, 'sources', ENTERPRISES_FILE));
    await putFileObject(s3, 'inbox/gi_products/gi_products.csv', path.join(SAMPLES, 'gi_products/gi_products.csv'));
    const keys = ['inbox/trademarks/README.md', 'inbox/patentz/x.csv', 'inbox/x.csv', 'inbox/gi_products/gi_products.csv'];
    const before = new Set((await objectsOf(lake, ['inbox/'])).keys());
    const response = await handler(s3Event(s3.bucket, keys));
    expect('results' in response && response.results.map((r) => [r.key, r.status])).toEqual([['inbox/gi_products/gi_products.csv', 'ingested']]);
    expect('results' in response && response.ignored).toEqual(['inbox/trademarks/README.md', 'inbox/patentz/x.csv', 'inbox/x.csv']);
    const written = [...(await objectsOf(lake, ['inbox/'])).keys()].filter((key) => !before.has(key));
    expect(written.filter((key) => key.split('/')[1] !== 'gi_products')).toEqual([]);
  });

  it('ingests the records it can and then fails naming the ones it could not', async () => {
    await putFileObject(s3, 'inbox/tech_contracts/tech_contracts_2023.csv', path.join(SAMPLES, 'tech_contracts/tech_contracts_2023.csv'));
    const event = s3Event(s3.bucket, ['inbox/tech_contracts/missing.csv', 'inbox/tech_contracts/tech_contracts_2023.csv']);
    await expect(handler(event)).rejects.toThrow(/^1 source\(s\) could not be ingested: inbox\/tech_contracts\/missing\.csv: /);
    expect((await lake.list('manifests/tech_contracts/')).length).toBe(1);
  });

  it('ingests a named object when invoked directly, returning the flat summary the quality gate reads', async () => {
    await putFileObject(s3, 'inbox/pledges/pledges.csv', path.join(SAMPLES, 'pledges/pledges.csv'));
    const response = await handler({ dataset: 'pledges', key: 'inbox/pledges/pledges.csv' });
    const manifest = ManifestSchema.parse(JSON.parse(await lake.getText((response as IngestSummary).manifestKey)));
    expect(response).toEqual({
      dataset: 'pledges',
      key: 'inbox/pledges/pledges.csv',
      sha256: manifest.source.sha256,
      status: 'ingested',
      rowsRead: manifest.rows.read,
      rowsAccepted: manifest.rows.accepted,
      rowsRejected: manifest.rows.rejected,
      rejectRate: manifest.rows.rejected / manifest.rows.read,
      manifestKey: `manifests/pledges/${manifest.source.sha256}.json`,
      error: null,
    });
    expect(manifest.rows.rejected).toBeGreaterThan(0);
  });

  it('downloads an HTTPS source and ingests it under its file name', async () => {
    const body = await readFile(path.join(SAMPLES, 'gi_output/gi_output.csv'));
    const fetchStub = vi.fn(async () => new Response(body, { status: 200, headers: { 'content-length': String(body.length) } }));
    vi.stubGlobal('fetch', fetchStub);
    const response = await handler({ dataset: 'gi_output', url: 'https://data.example.gov.cn/exports/gi_output.csv?token=secret' });
    const summary = response as IngestSummary;
    expect(summary).toMatchObject({ dataset: 'gi_output', key: 'https://data.example.gov.cn/exports/gi_output.csv', status: 'ingested' });
    const manifest = ManifestSchema.parse(JSON.parse(await lake.getText(summary.manifestKey)));
    expect(manifest.source).toMatchObject({ name: 'gi_output.csv', bytes: body.length });
  });

  it('publishes the city configuration as the city_config table, as `ipstats run` does', async () => {
    await putFileObject(s3, 'config/cities.json', path.join(SAMPLES, 'cities.json'));
    const response = await handler({ publish: 'city_config' });
    expect(response).toEqual({ published: 'city_config', key: CITY_CONFIG_KEY, cities: 6 });
    const local = localLake(path.join(dir, 'config-lake'));
    await writeCityConfigTable(local, await loadCityConfig(path.join(SAMPLES, 'cities.json')));
    expect(Buffer.from(await lake.get(CITY_CONFIG_KEY)).equals(Buffer.from(await local.get(CITY_CONFIG_KEY)))).toBe(true);
  });

  it('hands an object of IPSTATS_LARGE_SOURCE_BYTES or more to the large-source state machine, once', async () => {
    sfn.on(StartExecutionCommand).resolvesOnce({ executionArn: `${STATE_MACHINE_ARN}:x`, startDate: new Date() }).rejects(
      new ExecutionAlreadyExists({ $metadata: {}, message: 'Execution Already Exists' }),
    );
    const event = s3Event(s3.bucket, ['inbox/patents/patents_2025_full.csv'], [LARGE]);
    const first = await handler(event);
    const again = await handler(event);
    expect(again).toEqual(first);
    expect('delegated' in first && first.delegated).toEqual([{ key: 'inbox/patents/patents_2025_full.csv', execution: expect.stringMatching(/^ingest-[0-9a-f]{40}$/) }]);
    const calls = sfn.commandCalls(StartExecutionCommand).map((call) => call.args[0].input);
    expect(calls).toHaveLength(2);
    expect(calls[0]).toEqual({
      stateMachineArn: STATE_MACHINE_ARN,
      name: calls[1]!.name,
      input: JSON.stringify({ dataset: 'patents', key: 'inbox/patents/patents_2025_full.csv' }),
    });
    expect(await lake.exists('inbox/patents/patents_2025_full.csv')).toBe(false);
  });

  it('refuses an event it does not understand, saying what was wrong', async () => {
    await expect(handler({ dataset: 'patents', key: 7 })).rejects.toThrow(
      /^the ingest function got an event it does not understand: ✖ Invalid input: expected string, received number → at key; expected an S3 event/,
    );
  });
});
