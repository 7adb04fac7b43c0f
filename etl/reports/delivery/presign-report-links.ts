/**
 * Presigned GET URLs for the files of one city's report in S3. They expire (7 days by default,
 * the longest SigV4 allows), so a forwarded message stops opening the report.
 */
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ReportFormat } from '../format/report-format.ts';
import type { ReportLinks } from './report-link.ts';

export const DEFAULT_LINK_EXPIRY_SECONDS = 7 * 24 * 60 * 60;
/** SigV4 presigned URLs are valid for at most 7 days. */
const MAX_LINK_EXPIRY_SECONDS = 7 * 24 * 60 * 60;

export interface PresignReportLinksProps {
  readonly client: S3Client;
  readonly bucket: string;
  /** The store's key prefix ('' for the bucket root, else without leading or trailing '/'). */
  readonly prefix: string;
  /** Store keys (relative to the prefix) of the files to link, by format. */
  readonly files: readonly { readonly format: ReportFormat; readonly key: string }[];
  /** @default 604800 (7 days) */
  readonly expiresInSeconds?: number;
  /** The signing time; tests fix it. @default now */
  readonly signingDate?: Date;
}

export async function presignReportLinks(props: PresignReportLinksProps): Promise<ReportLinks> {
  const expiresIn = props.expiresInSeconds ?? DEFAULT_LINK_EXPIRY_SECONDS;
  if (!Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > MAX_LINK_EXPIRY_SECONDS) {
    throw new Error(`link expiry ${expiresIn} s is out of range: expected a whole number of seconds from 1 to ${MAX_LINK_EXPIRY_SECONDS} (7 days)`);
  }
  const signingDate = props.signingDate ?? new Date();
  const links = await Promise.all(
    props.files.map(async ({ format, key }) => {
      const objectKey = props.prefix === '' ? key : `${props.prefix}/${key}`;
      const url = await getSignedUrl(props.client, new GetObjectCommand({ Bucket: props.bucket, Key: objectKey }), { expiresIn, signingDate });
      return { format, key, url };
    }),
  );
  return { links, expiresAt: new Date(signingDate.getTime() + expiresIn * 1000) };
}
