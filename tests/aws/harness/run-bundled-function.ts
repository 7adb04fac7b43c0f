/**
 * Runs one invocation of a bundled Lambda function in a child Node process, the local stand-in
 * for a Lambda sandbox: the bundle's folder as the task root, only the variables Lambda sets
 * plus the template's (with `/var/task` paths pointed at the bundle), fake credentials and the
 * endpoints of the local services, a V8 heap limit of the function's memory, the resident
 * memory of the whole process (native DuckDB memory and worker threads included) held under
 * the function's memory as Lambda's sandbox holds it, its /tmp (a folder of its own, TMPDIR)
 * held under the function's ephemeral storage, and the function's timeout enforced by killing
 * the process. Each invocation is a cold start: a fresh process imports the bundle.
 *
 * The outcome is what the Lambda Invoke API reports: the result, a function error
 * (`{ errorType, errorMessage, trace }` from the handler or from module initialisation), or a
 * sandbox failure (timed out, out of memory, the runtime exited).
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { hostDuckDbNodePath } from '../../support/host-duckdb-binding.ts';
import type { BundledFunction } from './bundled-function.ts';

const CHILD_ENTRY = path.join(import.meta.dirname, 'lambda-runtime-child.mjs');
const LAMBDA_TASK_ROOT = '/var/task';
const MEMORY_POLL_MS = 50;
/** /tmp is walked less often than memory is read: a walk stats every file. */
const TMP_POLL_MS = 250;
/** Enough log text to assert on; a runaway logger does not exhaust the test process. */
const MAX_LOG_CHARS = 4 * 1024 ** 2;

export interface SandboxSettings {
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string };
  /** Extra variables that point the SDK at local services (AWS_ENDPOINT_URL, IPSTATS_S3_ENDPOINT …). */
  readonly endpointEnvironment: Readonly<Record<string, string>>;
  /** Folder under which each invocation gets its own /tmp (removed afterwards). */
  readonly scratchDir: string;
}

/** A fault raised inside the sandbox by the harness (tests of retries and timeouts), never by the product. */
export type InjectedFault = RaisedError | HungRequests;

/** An error raised before the handler runs, or after it has done its work (the answer is lost). */
export interface RaisedError {
  /** The error name the invocation fails with (`Lambda.ServiceException` …). */
  readonly error: string;
  readonly message: string;
  readonly when: 'before' | 'after';
}

/**
 * A service that stops answering: the handler's HTTP requests with this method whose path
 * holds `pathIncludes` go to a socket that never answers, so the handler waits (until the
 * sandbox's timeout kills it) at that very call, its earlier work done.
 */
export interface HungRequests {
  readonly when: 'hang-requests';
  readonly method: string;
  readonly pathIncludes: string;
}

export interface LambdaErrorPayload {
  readonly errorType: string;
  readonly errorMessage: string;
  readonly trace: readonly string[];
}

interface OutcomeBase {
  readonly requestId: string;
  /** What the function wrote to stdout and stderr, one entry a line (JSON lines with the JSON log format). */
  readonly logs: readonly string[];
  readonly durationMs: number;
  /** Peak resident memory of the sandbox process, MiB (0 where /proc is not available). */
  readonly maxMemoryUsedMb: number;
  /** Most of /tmp in use at one of the harness's looks (every TMP_POLL_MS), MiB. */
  readonly maxTmpUsedMiB: number;
}

export type InvocationOutcome =
  | (OutcomeBase & { readonly status: 'succeeded'; readonly result: unknown })
  | (OutcomeBase & { readonly status: 'function-error'; readonly phase: 'init' | 'invoke'; readonly error: LambdaErrorPayload })
  | (OutcomeBase & { readonly status: 'sandbox-failure'; readonly reason: 'timed-out' | 'out-of-memory' | 'exited'; readonly error: LambdaErrorPayload });

export async function runBundledFunction(fn: BundledFunction, event: unknown, settings: SandboxSettings, fault?: InjectedFault): Promise<InvocationOutcome> {
  const requestId = randomUUID();
  const tmp = await mkdtemp(path.join(settings.scratchDir, `${fn.logicalId}-tmp-`));
  try {
    return await runInSandbox(fn, event, settings, requestId, tmp, fault);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

function logStreamName(requestId: string): string {
  return `${new Date().toISOString().slice(0, 10).replaceAll('-', '/')}/[$LATEST]${requestId.replaceAll('-', '')}`;
}

function sandboxEnvironment(fn: BundledFunction, settings: SandboxSettings, requestId: string, tmp: string, fault?: InjectedFault): Record<string, string> {
  const fromTemplate = Object.fromEntries(
    Object.entries(fn.environment).map(([name, value]) => [name, value.startsWith(LAMBDA_TASK_ROOT) ? fn.taskRoot + value.slice(LAMBDA_TASK_ROOT.length) : value]),
  );
  return {
    // What Lambda sets in every sandbox (no HOME: Lambda sets none).
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    LAMBDA_TASK_ROOT: fn.taskRoot,
    AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime}`,
    AWS_LAMBDA_FUNCTION_NAME: fn.functionName,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySizeMb),
    AWS_LAMBDA_LOG_GROUP_NAME: fn.logGroupName,
    AWS_LAMBDA_LOG_STREAM_NAME: logStreamName(requestId),
    ...(fn.applicationLogLevel === undefined ? {} : { AWS_LAMBDA_LOG_FORMAT: 'JSON', AWS_LAMBDA_LOG_LEVEL: fn.applicationLogLevel }),
    AWS_REGION: settings.region,
    AWS_DEFAULT_REGION: settings.region,
    AWS_ACCESS_KEY_ID: settings.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: settings.credentials.secretAccessKey,
    ...(settings.credentials.sessionToken === undefined ? {} : { AWS_SESSION_TOKEN: settings.credentials.sessionToken }),
    // Lambda's /tmp is the sandbox's own; here each invocation gets a folder (os.tmpdir() reads TMPDIR).
    TMPDIR: tmp,
    ...hostBindingPath(fn, settings),
    ...fromTemplate,
    ...settings.endpointEnvironment,
    IPSTATS_HARNESS_HANDLER: JSON.stringify({ handlerSpec: fn.handler, taskRoot: fn.taskRoot }),
    ...(fault === undefined ? {} : { IPSTATS_HARNESS_FAULT: JSON.stringify(fault) }),
  };
}

/**
 * A bundle built for another CPU than this machine's ships a DuckDB binding this machine cannot
 * load (arm64 on x64): NODE_PATH offers the host's binding of the same version, which Node's
 * require finds once the bundle's node_modules has none for this CPU. Everything else of the
 * bundle runs as shipped; the arm64 machine code itself is never executed here (docs/aws.md).
 */
function hostBindingPath(fn: BundledFunction, settings: SandboxSettings): { NODE_PATH?: string } {
  const hostArchitecture = process.arch === 'arm64' ? 'arm64' : 'x86_64';
  if (fn.architecture === hostArchitecture || !existsSync(path.join(fn.taskRoot, 'node_modules', '@duckdb'))) return {};
  const nodePath = hostDuckDbNodePath(settings.scratchDir);
  return nodePath === undefined ? {} : { NODE_PATH: nodePath };
}

function runInSandbox(fn: BundledFunction, event: unknown, settings: SandboxSettings, requestId: string, tmp: string, fault?: InjectedFault): Promise<InvocationOutcome> {
  const started = Date.now();
  const deadlineMs = started + fn.timeoutSeconds * 1000;
  const child = fork(CHILD_ENTRY, [], {
    cwd: fn.taskRoot,
    env: sandboxEnvironment(fn, settings, requestId, tmp, fault),
    execArgv: [`--max-old-space-size=${fn.memorySizeMb}`],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'json',
  });
  const logs: string[] = [];
  let logChars = 0;
  const collect = (stream: NodeJS.ReadableStream) => {
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (logChars > MAX_LOG_CHARS) return;
        logChars += line.length;
        logs.push(line);
      }
    });
    stream.on('end', () => partial !== '' && logs.push(partial));
  };
  collect(child.stdout!);
  collect(child.stderr!);

  let maxMemoryUsedMb = 0;
  let maxTmpUsedMiB = 0;
  let killedFor: KillReason | undefined;
  const kill = (reason: KillReason) => {
    if (killedFor !== undefined) return;
    killedFor = reason;
    child.kill('SIGKILL');
  };
  const timer = setTimeout(() => kill('timed-out'), Math.max(0, deadlineMs - Date.now()));
  const memoryWatch = setInterval(() => {
    void residentMemoryMb(child.pid).then((usage) => {
      if (usage === undefined) return;
      maxMemoryUsedMb = Math.max(maxMemoryUsedMb, usage.peakMb);
      if (usage.currentMb > fn.memorySizeMb) kill('out-of-memory');
    });
  }, MEMORY_POLL_MS);
  // Lambda's /tmp is a file system of the ephemeral storage's size: a write past it fails with
  // ENOSPC. Here the folder is measured while the function runs, and a function found over the
  // size is stopped with that error (a write may pass the size between two looks).
  let walking = false;
  const tmpWatch = setInterval(() => {
    if (walking) return;
    walking = true;
    void folderBytes(tmp)
      .then((bytes) => {
        maxTmpUsedMiB = Math.max(maxTmpUsedMiB, bytes / 1024 ** 2);
        if (bytes > fn.ephemeralStorageMiB * 1024 ** 2) kill('out-of-ephemeral-storage');
      })
      .finally(() => (walking = false));
  }, TMP_POLL_MS);

  return new Promise<InvocationOutcome>((resolve) => {
    let answer: ChildAnswer | undefined;
    child.on('message', (message: { ready?: boolean; ok?: boolean }) => {
      if (message.ready === true) {
        const context = {
          functionName: fn.functionName,
          functionVersion: '$LATEST',
          invokedFunctionArn: fn.functionArn,
          memoryLimitInMB: String(fn.memorySizeMb),
          awsRequestId: requestId,
          logGroupName: fn.logGroupName,
          logStreamName: logStreamName(requestId),
          deadlineMs,
        };
        child.send({ event, context });
        return;
      }
      answer = message as typeof answer;
    });
    // 'close', not 'exit': the answer over IPC and the last log lines have arrived by then.
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(memoryWatch);
      clearInterval(tmpWatch);
      const base = { requestId, logs, durationMs: Date.now() - started, maxMemoryUsedMb, maxTmpUsedMiB };
      resolve(outcomeOf(fn, base, answer, killedFor, code, signal));
    });
  });
}

type ChildAnswer = { ok: true; result: unknown } | { ok: false; phase: 'init' | 'invoke'; error: LambdaErrorPayload };
type KillReason = 'timed-out' | 'out-of-memory' | 'out-of-ephemeral-storage';

function outcomeOf(
  fn: BundledFunction,
  base: OutcomeBase,
  answer: ChildAnswer | undefined,
  killedFor: KillReason | undefined,
  code: number | null,
  signal: NodeJS.Signals | null,
): InvocationOutcome {
  const failure = (reason: 'timed-out' | 'out-of-memory' | 'exited', errorType: string, detail: string): InvocationOutcome => ({
    ...base,
    status: 'sandbox-failure',
    reason,
    error: { errorType, errorMessage: `RequestId: ${base.requestId} Error: ${detail}`, trace: [] },
  });
  if (killedFor === 'timed-out') return failure('timed-out', 'Sandbox.Timedout', `Task timed out after ${fn.timeoutSeconds.toFixed(2)} seconds`);
  if (killedFor === 'out-of-ephemeral-storage') {
    // What the handler would have thrown at the write that did not fit.
    const errorMessage = `ENOSPC: no space left on device (harness: /tmp held ${Math.round(base.maxTmpUsedMiB)} MiB, the function's ephemeral storage is ${fn.ephemeralStorageMiB} MiB)`;
    return { ...base, status: 'function-error', phase: 'invoke', error: { errorType: 'Error', errorMessage, trace: [] } };
  }
  const heapExhausted = answer === undefined && base.logs.some((line) => /Reached heap limit|JavaScript heap out of memory/.test(line));
  if (killedFor === 'out-of-memory' || heapExhausted) {
    return failure('out-of-memory', 'Runtime.OutOfMemory', `Runtime exited with error: signal: killed (memory size ${fn.memorySizeMb} MB exceeded)`);
  }
  if (answer === undefined) return failure('exited', 'Runtime.ExitError', `Runtime exited with error: ${signal === null ? `exit status ${code}` : `signal: ${signal}`}`);
  if (answer.ok) return { ...base, status: 'succeeded', result: answer.result };
  return { ...base, status: 'function-error', phase: answer.phase, error: answer.error };
}

/** Bytes of the files under a folder (0 once it is gone); files removed during the walk are skipped. */
async function folderBytes(folder: string): Promise<number> {
  const names = await readdir(folder, { recursive: true }).catch(() => [] as string[]);
  const sizes = await Promise.all(
    names.map(async (name) => {
      const info = await stat(path.join(folder, name)).catch(() => null);
      return info?.isFile() === true ? info.size : 0;
    }),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}

/** Current and peak resident memory of a process, from /proc (Linux); undefined elsewhere or once it has exited. */
async function residentMemoryMb(pid: number | undefined): Promise<{ currentMb: number; peakMb: number } | undefined> {
  if (pid === undefined) return undefined;
  let status: string;
  try {
    status = await readFile(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { currentMb: kib('VmRSS') / 1024, peakMb: kib('VmHWM') / 1024 };
}
