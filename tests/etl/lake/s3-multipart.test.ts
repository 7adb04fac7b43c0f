/** Large files go up in parts (S3 refuses one PUT over 5 GiB): byte-exact through a real s3rver. */
import { createHash, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3ObjectStore } from '../../../etl/lake/s3-object-store.ts';
import { startS3rver, type RunningS3rver } from '../../support/s3rver.ts';
import { tempDir } from '../../support/temp-dir.ts';

const MiB = 1024 * 1024;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('S3ObjectStore multipart putFile', () => {
  let s3: RunningS3rver;
  beforeAll(async () => {
    s3 = await startS3rver();
  });
  afterAll(async () => {
    await s3?.stop();
  });

  it('uploads a file above the threshold in parts, byte-exact', async () => {
    const dir = await tempDir('multipart');
    const file = path.join(dir, 'big.bin');
    const bytes = randomBytes(12 * MiB + 123);
    await writeFile(file, bytes);
    const commands: string[] = [];
    s3.client.middlewareStack.add(
      (next, context) => async (args) => {
        commands.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize', name: 'recordCommands' },
    );
    const store = new S3ObjectStore({ client: s3.client, bucket: s3.bucket, prefix: 'lake', multipartThresholdBytes: 6 * MiB, partBytes: 5 * MiB });
    await store.putFile('raw/big.bin', file, { contentType: 'text/csv' });
    expect(await store.head('raw/big.bin')).toEqual({ key: 'raw/big.bin', size: bytes.length });
    expect(sha256(await store.get('raw/big.bin'))).toBe(sha256(bytes));
    // 12 MiB in 5 MiB parts is 3 parts.
    expect(commands.filter((name) => name === 'UploadPartCommand')).toHaveLength(3);
    expect(commands).toContain('CompleteMultipartUploadCommand');
    expect(commands).not.toContain('PutObjectCommand');
  });

  it('refuses parts smaller than S3 allows', () => {
    expect(() => new S3ObjectStore({ client: s3.client, bucket: s3.bucket, partBytes: MiB })).toThrow('partBytes must be a whole number of at least 5242880 (5 MiB), got 1048576');
  });
});
