/**
 * The large-source path as the template wires it, in a box, with the threshold lowered in the
 * deployment's settings (`ipstats:largeSourceBytes`) so that a sample file counts as large: the
 * inbox object's S3 event reaches the bundled `ingest`, which hands it to the large-source state
 * machine with StartExecution (through the harness's Step Functions endpoint); that execution
 * runs its exact definition — split-source, the Distributed Map of ingest-range, merge-ranges —
 * and leaves the file in the lake and nothing under `work/`. The same event again starts nothing.
 * The ≥ 200 MB run at the template's memory settings is scenario (b), elsewhere.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.ts';
import { startAwsInABox, type AwsInABox } from './harness/aws-in-a-box.ts';
import { sharedIpstatsAssembly } from './harness/synthesize-app.ts';

const SAMPLE = path.resolve('samples/default/patents/patents_2024.csv');
const KEY = 'inbox/patents/patents_2024.csv';
const LARGE_SOURCE_BYTES = 100_000;

describe('an inbox object above the large-source threshold (moto, bundled functions, exact state machine)', () => {
  let box: AwsInABox;
  let lake: string;

  beforeAll(async () => {
    const scratch = await tempDir('aws-large-handoff');
    const assemblyDir = await sharedIpstatsAssembly({ 'ipstats:largeSourceBytes': LARGE_SOURCE_BYTES });
    box = await startAwsInABox({ assemblyDir, scratchDir: scratch });
    lake = box.bucket('LakeBucket');
  }, 120_000);
  afterAll(async () => {
    await box?.stop();
  });

  it('is handed by ingest to the large-source state machine, which ingests it and leaves nothing under work/', async () => {
    const body = await readFile(SAMPLE);
    expect(body.length).toBeGreaterThanOrEqual(LARGE_SOURCE_BYTES);

    const [delivery] = await box.putObject(lake, KEY, body);
    await box.stepFunctions.settled();

    const handedOver = delivery!.outcome.status === 'succeeded' ? (delivery!.outcome.result as { delegated: { key: string; execution: string }[] }).delegated : [];
    expect(handedOver.map((entry) => entry.key)).toEqual([KEY]);
    expect(box.stepFunctions.executions.map((e) => [box.stepFunctions.machine(e.stateMachineArn).logicalId.replace(/[0-9A-F]{8}$/, ''), e.name, e.status, e.error])).toEqual([
      ['LargeSourceIngestionStateMachine', handedOver[0]!.execution, 'SUCCEEDED', undefined],
    ]);
    const [execution] = box.stepFunctions.executions;
    expect(execution!.input).toEqual({ dataset: 'patents', key: KEY });
    expect(execution!.output).toMatchObject({ dataset: 'patents', key: KEY, status: 'ingested' });
    const calledFunctions = box.lambda.invocations.map((invocation) => invocation.function.logicalId.replace(/[0-9A-F]{8}$/, ''));
    expect(calledFunctions).toEqual(['IngestFunction', 'SplitSourceFunction', 'IngestRangeFunction', 'MergeRangesFunction']);
    expect(await box.keysUnder(lake, 'manifests/patents/')).toEqual([(execution!.output as { manifestKey: string }).manifestKey]);
    expect(await box.keysUnder(lake, 'work/')).toEqual([]);
  });

  it('starts nothing when S3 delivers the same event again', async () => {
    const executionsBefore = box.stepFunctions.executions.length;

    const [again] = await box.notifyObjectCreated(lake, KEY);
    await box.stepFunctions.settled();

    expect(again!.outcome.status).toBe('succeeded');
    expect(box.stepFunctions.executions.length).toBe(executionsBefore);
  });
});
