/**
 * Turns the lake location given to the CLI or a Lambda (`--lake`, an env var) into a store:
 * `s3://bucket/prefix` → S3, a folder path or `file://` URL → the local filesystem.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalObjectStore } from './local-object-store.ts';
import type { ObjectStore } from './object-store.ts';
import { createS3Client, S3ObjectStore } from './s3-object-store.ts';

/** Environment variable naming an S3-compatible endpoint (s3rver, MinIO) to use instead of AWS. */
export const S3_ENDPOINT_ENV = 'IPSTATS_S3_ENDPOINT';

export interface S3Location {
  readonly bucket: string;
  /** '' for the bucket root, else without leading or trailing "/". */
  readonly prefix: string;
}

/** Parses `s3://bucket[/prefix][/]`; throws when the bucket is missing. */
export function parseS3Url(url: string): S3Location {
  const match = /^s3:\/\/([^/]*)\/?(.*)$/.exec(url);
  if (match === null || match[1] === undefined || match[1] === '') {
    throw new Error(`invalid S3 URL ${JSON.stringify(url)}: expected s3://bucket or s3://bucket/prefix`);
  }
  return { bucket: match[1], prefix: (match[2] ?? '').replace(/\/+$/, '') };
}

export function openObjectStore(url: string, env: NodeJS.ProcessEnv = process.env): ObjectStore {
  if (url.trim() === '') throw new Error('empty lake location: expected a folder path or s3://bucket/prefix');
  if (url.startsWith('s3://')) {
    const { bucket, prefix } = parseS3Url(url);
    const endpoint = env[S3_ENDPOINT_ENV];
    if (endpoint === undefined || endpoint === '') return new S3ObjectStore({ client: createS3Client(), bucket, prefix });
    // Local S3 servers ignore the region, but the SDK refuses to sign without one.
    const region = env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1';
    const client = createS3Client({ endpoint, region });
    return new S3ObjectStore({ client, bucket, prefix });
  }
  if (url.startsWith('file://')) return new LocalObjectStore(fileURLToPath(url));
  // Refuse other schemes rather than creating a folder called "gs:" or "https:".
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    throw new Error(`unsupported lake location ${JSON.stringify(url)}: expected a folder path, file:// URL or s3://bucket/prefix`);
  }
  return new LocalObjectStore(path.resolve(url));
}
