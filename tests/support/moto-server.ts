/**
 * A real moto_server (AWS service mocks over HTTP, preinstalled with moto) for tests that need
 * S3's conditional writes: moto answers a PUT with `If-None-Match: *` on an existing key with
 * 412 PreconditionFailed, as S3 does, where s3rver ignores the header. One server answers every
 * service moto mocks on the same port (the local AWS harness, tests/aws/harness, also creates SNS
 * topics, SQS queues and Secrets Manager secrets on it). 127.0.0.1, a free port, one bucket:
 *
 *   let moto: RunningMoto;
 *   beforeAll(async () => { moto = await startMotoServer(); });
 *   afterAll(async () => { await moto.stop(); });
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { createS3Client } from '../../etl/lake/s3-object-store.ts';

const STARTUP_TIMEOUT_MS = 30_000;

export interface RunningMoto {
  readonly endpoint: string;
  readonly client: S3Client;
  readonly bucket: string;
  stop(): Promise<void>;
}

export async function startMotoServer(options: { readonly bucket?: string } = {}): Promise<RunningMoto> {
  const bucket = options.bucket ?? 'ipstats-test';
  const port = await freePort();
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = createS3Client({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'moto', secretAccessKey: 'moto' } });
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    try {
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
      break;
    } catch (error) {
      if (child.exitCode !== null || Date.now() > deadline) {
        client.destroy();
        child.kill('SIGKILL');
        throw new Error(`moto_server did not start on ${endpoint} (is moto installed: pip install 'moto[server]'?); stderr: ${stderr}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return {
    endpoint,
    client,
    bucket,
    async stop() {
      client.destroy();
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('could not find a free port');
  return address.port;
}
