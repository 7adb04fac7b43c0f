/** How links to reports are made for an output location: presigned for s3://, file paths for a folder. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createS3Client } from '../../lake/s3-object-store.ts';
import { parseS3Url, S3_ENDPOINT_ENV } from '../../lake/open-object-store.ts';
import type { LinkTarget } from './deliver-reports.ts';

export function linkTargetFor(outLocation: string, env: NodeJS.ProcessEnv = process.env): LinkTarget {
  if (outLocation.startsWith('s3://')) {
    const { bucket, prefix } = parseS3Url(outLocation);
    const endpoint = env[S3_ENDPOINT_ENV];
    const client =
      endpoint === undefined || endpoint === ''
        ? createS3Client()
        : createS3Client({ endpoint, region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1' });
    return { kind: 's3', client, bucket, prefix };
  }
  return { kind: 'local', root: outLocation.startsWith('file://') ? fileURLToPath(outLocation) : path.resolve(outLocation) };
}
