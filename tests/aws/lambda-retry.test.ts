/**
 * Scenario (d) of issue 11, the fault "a Lambda that fails once", on the deployed app in a box:
 * the pending-sources state machine runs its exact definition, and the first invocation of the
 * bundled `ingest` fails with an error the definition's Retry names: a Lambda service error
 * (LambdaInvoke's retrier) or a transient handler error, an S3 500 the SDK gave up on
 * (`InternalError`, the States.TaskFailed retrier of infra/constructs/retry-transient-failures.ts).
 * The fault is raised by the harness inside the function's sandbox (the bundle is unchanged),
 * either before the handler runs or after it has done its work (the answer was lost on the
 * way back). Either way the task is retried after the definition's interval and the execution
 * succeeds, and the lake holds the file once: the retry of work already done is a no-op.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.ts';
import { startAwsInABox, type AwsInABox } from './harness/aws-in-a-box.ts';
import type { ExecutionRecord } from './harness/task-integrations.ts';
import { sharedIpstatsAssembly } from './harness/synthesize-app.ts';

describe('a Lambda that fails once under the pending-sources state machine (moto, bundled ingest, exact definition)', () => {
  let box: AwsInABox;
  let lake: string;

  beforeAll(async () => {
    const scratch = await tempDir('aws-retry');
    box = await startAwsInABox({ assemblyDir: await sharedIpstatsAssembly(), scratchDir: scratch });
    lake = box.bucket('LakeBucket');
  }, 120_000);
  afterAll(async () => {
    await box?.stop();
  });

  /** The one file of the inbox, ingested by a pending-sources run. */
  async function runWithOnePendingFile(dataset: string, sample: string): Promise<{ execution: ExecutionRecord; key: string }> {
    for (const key of await box.keysUnder(lake, 'inbox/')) await box.s3.send(new DeleteObjectCommand({ Bucket: lake, Key: key }));
    const key = `inbox/${dataset}/${path.basename(sample)}`;
    await box.s3.send(new PutObjectCommand({ Bucket: lake, Key: key, Body: await readFile(path.resolve('samples/default', sample)) }));
    return { execution: await box.stepFunctions.run('PendingSourcesIngestion', {}), key };
  }

  function ingestInvocationsOf(key: string) {
    return box.lambda.invocations.filter((invocation) => (invocation.event as { key?: string }).key === key);
  }

  function retriesOf(execution: ExecutionRecord) {
    return execution.events.filter((event) => event.type === 'StateRetried').map((event) => (event as unknown as { state: { name: string }; retry: { retrier: { ErrorEquals: string[]; IntervalSeconds: number } } }));
  }

  /** The retriers the template writes: Lambda service errors (2 s, doubled, 6 attempts), handler errors (10 s, tripled, 2 attempts). */
  const SERVICE_ERROR_RETRIER = { ErrorEquals: expect.arrayContaining(['Lambda.ServiceException', 'Lambda.SdkClientException']), IntervalSeconds: 2 };
  const HANDLER_ERROR_RETRIER = { ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 10, MaxAttempts: 2 };

  it.each([
    ['before the handler runs (the Lambda service failed the call)', 'before', 'Lambda.ServiceException', SERVICE_ERROR_RETRIER, 'pledges', 'pledges/pledges.csv'],
    ['after the handler has done its work (the answer was lost)', 'after', 'Lambda.SdkClientException', SERVICE_ERROR_RETRIER, 'gi_products', 'gi_products/gi_products.csv'],
    ['with a transient handler error before its work (S3 answered 500)', 'before', 'InternalError', HANDLER_ERROR_RETRIER, 'tech_contracts', 'tech_contracts/tech_contracts_2023.csv'],
    ['with a transient handler error after its work (S3 answered 500)', 'after', 'InternalError', HANDLER_ERROR_RETRIER, 'patents', 'patents/patents_2019.csv'],
  ] as const)('is retried per the definition and the run succeeds when it fails %s', async (_when, when, error, retrier, dataset, sample) => {
    box.lambda.injectFault({ functionLogicalIdPrefix: 'IngestFunction', times: 1, error, message: 'injected by the harness', when });

    const { execution, key } = await runWithOnePendingFile(dataset, sample);

    expect([execution.status, execution.error, execution.cause]).toEqual(['SUCCEEDED', undefined, undefined]);
    const retries = retriesOf(execution);
    expect(retries).toHaveLength(1);
    expect(retries[0]!.state.name).toBe('IngestFile');
    expect(retries[0]!.retry.retrier).toMatchObject(retrier);
    const invocations = ingestInvocationsOf(key);
    expect(invocations.map((invocation) => [invocation.fault !== undefined && 'error' in invocation.fault ? invocation.fault.error : undefined, invocation.result.status])).toEqual([
      [error, 'function-error'],
      [undefined, 'succeeded'],
    ]);
    const summary = (execution.output as { key: string; status: string }[]).find((entry) => entry.key === key);
    // After a lost answer the retry finds the file done: a no-op with the recorded counts.
    expect(summary?.status).toBe(when === 'after' ? 'skipped' : 'ingested');
    expect(await box.keysUnder(lake, `manifests/${dataset}/`)).toHaveLength(1);
    expect(await box.keysUnder(lake, `ingest-seq/${dataset}/`)).toHaveLength(1);
  });
});
