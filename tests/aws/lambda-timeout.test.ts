/**
 * Scenario (d) of issue 11, the fault "a Lambda that times out", on the deployed app in a box:
 * the pending-sources state machine runs its exact definition and the bundled `ingest` hangs on
 * its last step, the write of the file's manifest (the harness sends that one S3 request to a
 * socket that never answers; the bundle is unchanged), until the sandbox is killed at the
 * function's timeout (shortened to 45 s by the harness for this invocation: the template's is
 * 10 minutes). Step Functions reports the kill as `Lambda.Unknown`; the definition fails a
 * sandbox failure at once (infra/constructs/retry-transient-failures.ts: the same file would
 * time out again), so the run fails after one attempt. The Parquet written before the kill is
 * in the lake, but without a manifest nothing of the file is counted (the commit rule,
 * docs/lake.md); the next run ingests the file, once.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.ts';
import { startAwsInABox, type AwsInABox } from './harness/aws-in-a-box.ts';
import { sharedIpstatsAssembly } from './harness/synthesize-app.ts';

const DATASET = 'pledges';
const KEY = `inbox/${DATASET}/pledges.csv`;
/** Far longer than ingest needs for this file even on a loaded machine (~5 s idle), so the kill comes at the held write. */
const TIMEOUT_SECONDS = 45;

describe('a Lambda that times out under the pending-sources state machine (moto, bundled ingest, exact definition)', () => {
  let box: AwsInABox;
  let lake: string;

  beforeAll(async () => {
    const scratch = await tempDir('aws-timeout');
    box = await startAwsInABox({ assemblyDir: await sharedIpstatsAssembly(), scratchDir: scratch });
    lake = box.bucket('LakeBucket');
  }, 120_000);
  afterAll(async () => {
    await box?.stop();
  });

  it('fails the run after one attempt with Lambda.Unknown, counts nothing of the file, and the next run ingests it once', async () => {
    for (const key of await box.keysUnder(lake, 'inbox/')) await box.s3.send(new DeleteObjectCommand({ Bucket: lake, Key: key }));
    await box.s3.send(new PutObjectCommand({ Bucket: lake, Key: KEY, Body: await readFile(path.resolve('samples/default/pledges/pledges.csv')) }));
    box.lambda.injectFault({ functionLogicalIdPrefix: 'IngestFunction', times: 1, when: 'hang-requests', method: 'PUT', pathIncludes: `/manifests/${DATASET}/`, timeoutSeconds: TIMEOUT_SECONDS });

    const failed = await box.stepFunctions.run('PendingSourcesIngestion', {});

    expect(failed.status).toBe('FAILED');
    expect(failed.error).toBe('Lambda.Unknown');
    expect(failed.cause).toContain(`Task timed out after ${TIMEOUT_SECONDS.toFixed(2)} seconds`);
    // Not retried: the sandbox retrier (MaxAttempts 0) matches before the handler-error one.
    expect(failed.events.filter((event) => event.type === 'StateRetried')).toEqual([]);
    const attempts = box.lambda.invocations.filter((invocation) => (invocation.event as { key?: string }).key === KEY);
    expect(attempts.map((invocation) => [invocation.result.status, 'reason' in invocation.result ? invocation.result.reason : undefined])).toEqual([['sandbox-failure', 'timed-out']]);
    // Killed at the commit: the file's rows were written, its manifest never.
    const heldLogs = 'logs' in attempts[0]!.result ? attempts[0]!.result.logs : [];
    expect(heldLogs.filter((line) => line.startsWith('harness: PUT'))).toEqual([expect.stringContaining(`/manifests/${DATASET}/`)]);
    expect(await box.keysUnder(lake, `curated/${DATASET}/`)).not.toEqual([]);
    expect(await box.keysUnder(lake, `manifests/${DATASET}/`)).toEqual([]);
    expect(await box.keysUnder(lake, 'inbox/')).toEqual([KEY]);

    const rerun = await box.stepFunctions.run('PendingSourcesIngestion', {});

    expect([rerun.status, rerun.error, rerun.cause]).toEqual(['SUCCEEDED', undefined, undefined]);
    const summary = (rerun.output as { key: string; status: string; rowsAccepted: number }[]).find((entry) => entry.key === KEY);
    expect(summary?.status).toBe('ingested');
    expect(summary?.rowsAccepted).toBeGreaterThan(0);
    expect(await box.keysUnder(lake, `manifests/${DATASET}/`)).toHaveLength(1);
  });
});
