/**
 * The local Lambda sandbox enforces what the template says: environment (Lambda's variables, the
 * template's, /var/task paths pointed at the bundle, no HOME), the heap limit, the memory size
 * (native memory included), the /tmp size, the timeout; and it reports errors as the Lambda
 * runtime does.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp-dir.ts';
import type { BundledFunction } from './bundled-function.ts';
import { runBundledFunction, type SandboxSettings } from './run-bundled-function.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');

function probe(overrides: Partial<BundledFunction> = {}): BundledFunction {
  return {
    stackName: 'Test',
    logicalId: 'ProbeFunction',
    functionName: 'Test-ProbeFunction',
    functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:Test-ProbeFunction',
    taskRoot: path.join(FIXTURES, 'sandbox-probe'),
    handler: 'index.handler',
    runtime: 'nodejs24.x',
    architecture: process.arch === 'arm64' ? 'arm64' : 'x86_64',
    memorySizeMb: 256,
    timeoutSeconds: 10,
    ephemeralStorageMiB: 512,
    environment: { PROBE_DATA_DIR: '/var/task/data', PROBE_SETTING: 'from the template' },
    logGroupName: '/aws/lambda/Test-ProbeFunction',
    ...overrides,
  };
}

describe('runBundledFunction', () => {
  let settings: SandboxSettings;
  beforeAll(async () => {
    settings = { region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, endpointEnvironment: { AWS_ENDPOINT_URL: 'http://127.0.0.1:1' }, scratchDir: await tempDir('aws-sandbox') };
  });

  it('runs the handler in the bundle folder with Lambda\'s variables, the template\'s, and a heap limit of the memory size', async () => {
    const outcome = await runBundledFunction(probe(), { action: 'describe', n: 1 }, settings);
    expect(outcome.status).toBe('succeeded');
    const result = (outcome as { result: Record<string, unknown> }).result;
    const taskRoot = path.join(FIXTURES, 'sandbox-probe');
    expect(result).toMatchObject({
      event: { action: 'describe', n: 1 },
      functionName: 'Test-ProbeFunction',
      memoryLimitInMB: '256',
      cwd: taskRoot,
      env: { HOME: null, LAMBDA_TASK_ROOT: taskRoot, AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256', AWS_REGION: 'us-east-1', PROBE_DATA_DIR: `${taskRoot}/data`, PROBE_SETTING: 'from the template' },
    });
    expect(result.remainingMs).toBeGreaterThan(5_000);
    expect(result.remainingMs).toBeLessThanOrEqual(10_000);
    // V8 adds its young generation to the old-space limit.
    expect(result.heapLimitMb).toBeGreaterThanOrEqual(256);
    expect(result.heapLimitMb).toBeLessThan(320);
  });

  it('reports an error thrown by the handler with its name, as the Lambda runtime does', async () => {
    const outcome = await runBundledFunction(probe(), { action: 'throw' }, settings);
    expect(outcome).toMatchObject({ status: 'function-error', phase: 'invoke', error: { errorType: 'ProbeError', errorMessage: 'asked to fail' } });
  });

  it('reports an error at module load as the error of the invocation that cold-started it', async () => {
    const outcome = await runBundledFunction(probe({ taskRoot: path.join(FIXTURES, 'failing-init') }), {}, settings);
    expect(outcome).toMatchObject({ status: 'function-error', phase: 'init', error: { errorType: 'ProbeConfigError', errorMessage: 'misconfigured at cold start' } });
  });

  it('stops a function at its timeout', async () => {
    const outcome = await runBundledFunction(probe({ timeoutSeconds: 1 }), { action: 'sleep', ms: 30_000 }, settings);
    expect(outcome).toMatchObject({ status: 'sandbox-failure', reason: 'timed-out', error: { errorType: 'Sandbox.Timedout', errorMessage: expect.stringMatching(/Task timed out after 1\.00 seconds$/) } });
    expect(outcome.durationMs).toBeLessThan(5_000);
  });

  it('stops a function whose resident memory, native memory included, goes over its memory size', async () => {
    const outcome = await runBundledFunction(probe({ memorySizeMb: 128 }), { action: 'native-memory', mb: 400 }, settings);
    expect(outcome).toMatchObject({ status: 'sandbox-failure', reason: 'out-of-memory', error: { errorType: 'Runtime.OutOfMemory' } });
    expect(outcome.maxMemoryUsedMb).toBeGreaterThan(128);
  });

  it('stops a function that keeps allocating on the V8 heap, as out of memory', async () => {
    const outcome = await runBundledFunction(probe({ memorySizeMb: 256, timeoutSeconds: 60 }), { action: 'heap-memory' }, settings);
    expect(outcome).toMatchObject({ status: 'sandbox-failure', reason: 'out-of-memory' });
  });

  it('runs the handler with well under its memory size and records the peak', async () => {
    const outcome = await runBundledFunction(probe({ memorySizeMb: 512 }), { action: 'native-memory', mb: 100 }, settings);
    expect(outcome.status).toBe('succeeded');
    expect(outcome.maxMemoryUsedMb).toBeGreaterThan(100);
    expect(outcome.maxMemoryUsedMb).toBeLessThan(512);
  });

  it('stops a function whose /tmp goes over its ephemeral storage with the ENOSPC error the write would have raised', async () => {
    const outcome = await runBundledFunction(probe({ ephemeralStorageMiB: 16, timeoutSeconds: 30 }), { action: 'write-tmp', mb: 64 }, settings);
    expect(outcome).toMatchObject({ status: 'function-error', phase: 'invoke', error: { errorType: 'Error', errorMessage: expect.stringMatching(/^ENOSPC: no space left on device \(harness: \/tmp held \d+ MiB, the function's ephemeral storage is 16 MiB\)$/) } });
    expect(outcome.maxTmpUsedMiB).toBeGreaterThan(16);
  });

  it('lets a function use its /tmp up to the ephemeral storage and records the most it held', async () => {
    const outcome = await runBundledFunction(probe({ ephemeralStorageMiB: 64, timeoutSeconds: 30 }), { action: 'write-tmp', mb: 24 }, settings);
    expect(outcome).toMatchObject({ status: 'succeeded', result: 'written' });
    expect(outcome.maxTmpUsedMiB).toBe(24);
  });

  it('raises an injected fault before the handler runs, or after it has run', async () => {
    const before = await runBundledFunction(probe(), { action: 'describe' }, settings, { error: 'Lambda.ServiceException', message: 'injected', when: 'before' });
    expect(before).toMatchObject({ status: 'function-error', error: { errorType: 'Lambda.ServiceException', errorMessage: 'injected' } });
    const after = await runBundledFunction(probe(), { action: 'sleep', ms: 10 }, settings, { error: 'Lambda.SdkClientException', message: 'lost', when: 'after' });
    expect(after).toMatchObject({ status: 'function-error', error: { errorType: 'Lambda.SdkClientException' } });
  });
});
