/**
 * A real s3rver (fake S3 over HTTP) for tests: 127.0.0.1, an ephemeral port, a temp data folder
 * and one bucket. Use from any test file:
 *
 *   let s3: RunningS3rver;
 *   beforeAll(async () => { s3 = await startS3rver(); });
 *   afterAll(async () => { await s3.stop(); });
 *
 * s3rver runs in a child Node process started with `--openssl-legacy-provider`: it signs
 * ListObjectsV2 continuation tokens with DES, which OpenSSL 3 (Node ≥ 17) refuses otherwise,
 * so every listing longer than one page (1,000 keys) failed with a 500 InternalError.
 * The child also keeps s3rver's logger and sockets out of the test process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { createS3Client } from '../../etl/lake/s3-object-store.ts';

/** s3rver accepts exactly these credentials when it checks signatures. */
const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;
const STARTUP_TIMEOUT_MS = 15_000;

/**
 * Runs in the child (CommonJS, s3rver is CommonJS): starts the server, prints its port as one
 * JSON line, and exits when the parent closes stdin — also when the parent dies without stop().
 */
const CHILD_SCRIPT = `
const S3rver = require(process.env.S3RVER_MODULE);
const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory: process.env.S3RVER_DIRECTORY,
  configureBuckets: [{ name: process.env.S3RVER_BUCKET }],
});
server.run().then(
  (address) => process.stdout.write(JSON.stringify({ port: address.port }) + '\\n'),
  (error) => { process.stderr.write(String(error && error.stack || error)); process.exit(1); },
);
process.stdin.on('data', () => {});
process.stdin.on('end', () => { server.close().finally(() => process.exit(0)); });
`;

export interface RunningS3rver {
  /** e.g. `http://127.0.0.1:41234` — what IPSTATS_S3_ENDPOINT would hold. */
  readonly endpoint: string;
  /** Built by the project's createS3Client, so it has the same checksum settings as production. */
  readonly client: S3Client;
  readonly bucket: string;
  /** Stops the server, closes the client's sockets and removes the data folder. */
  stop(): Promise<void>;
}

export interface StartS3rverOptions {
  /** @default 'ipstats-test' */
  readonly bucket?: string;
}

export async function startS3rver(options: StartS3rverOptions = {}): Promise<RunningS3rver> {
  const bucket = options.bucket ?? 'ipstats-test';
  const directory = await mkdtemp(path.join(tmpdir(), 'ipstats-s3rver-'));
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '-e', CHILD_SCRIPT], {
    env: {
      PATH: process.env.PATH,
      S3RVER_MODULE: createRequire(import.meta.url).resolve('s3rver'),
      S3RVER_DIRECTORY: directory,
      S3RVER_BUCKET: bucket,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let port: number;
  try {
    port = await readPort(child);
  } catch (error) {
    child.kill('SIGKILL');
    await rm(directory, { recursive: true, force: true });
    throw new Error(`cannot start s3rver on 127.0.0.1 with data in ${directory}`, { cause: error });
  }
  const endpoint = `http://127.0.0.1:${port}`;
  const client = createS3Client({ endpoint, region: 'us-east-1', credentials: S3RVER_CREDENTIALS });

  return {
    endpoint,
    client,
    bucket,
    async stop() {
      client.destroy();
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        child.stdin?.end();
        await exited;
      }
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** Waits for the child's `{"port":…}` line; rejects with its stderr if it exits or hangs first. */
async function readPort(child: ChildProcess): Promise<number> {
  let stdout = '';
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`s3rver did not report a port within ${STARTUP_TIMEOUT_MS} ms; stderr: ${stderr}`)), STARTUP_TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`s3rver exited early (code ${code}, signal ${signal}); stderr: ${stderr}`));
    });
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const line = stdout.split('\n')[0];
      if (!stdout.includes('\n') || line === undefined) return;
      clearTimeout(timer);
      const parsed = JSON.parse(line) as { port?: unknown };
      if (typeof parsed.port === 'number') resolve(parsed.port);
      else reject(new Error(`s3rver printed ${JSON.stringify(line)}, expected {"port":<number>}`));
    });
  });
}
