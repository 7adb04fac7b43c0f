/**
 * `--deliver`: one notification per city with links to its report files. Reports in S3 get
 * presigned links that expire; reports in a local folder get file paths. Locally the messages
 * go to the outbox folder of the output store; in AWS the infra's function publishes the same
 * CityNotification objects to SNS.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import path from 'node:path';
import type { ObjectStore } from '../../lake/object-store.ts';
import type { Report } from '../report-schema.ts';
import { composeCityNotification, type CityNotification } from './city-notification.ts';
import { writeOutbox } from './outbox.ts';
import { presignReportLinks } from './presign-report-links.ts';
import type { ReportFile } from './report-files.ts';
import type { ReportLinks } from './report-link.ts';

export interface DeliverableReport {
  readonly report: Report;
  readonly files: readonly Pick<ReportFile, 'format' | 'key'>[];
  readonly recipients: readonly string[];
}

export type LinkTarget =
  | { readonly kind: 's3'; readonly client: S3Client; readonly bucket: string; readonly prefix: string; readonly expiresInSeconds?: number }
  | { readonly kind: 'local'; readonly root: string };

export interface DeliverReportsOptions {
  readonly store: ObjectStore;
  readonly target: LinkTarget;
  readonly reports: readonly DeliverableReport[];
  /** @default now */
  readonly now?: Date;
}

export async function linksFor(target: LinkTarget, files: DeliverableReport['files'], now: Date): Promise<ReportLinks> {
  // HTML first: it is the file people open.
  const ordered = [...files].sort((a, b) => ['html', 'xlsx', 'json'].indexOf(a.format) - ['html', 'xlsx', 'json'].indexOf(b.format));
  if (target.kind === 's3') {
    return presignReportLinks({ client: target.client, bucket: target.bucket, prefix: target.prefix, files: ordered, expiresInSeconds: target.expiresInSeconds, signingDate: now });
  }
  return { links: ordered.map(({ format, key }) => ({ format, key, url: path.join(target.root, ...key.split('/')) })), expiresAt: null };
}

export async function deliverReports(options: DeliverReportsOptions): Promise<{ notifications: CityNotification[]; outboxKeys: string[] }> {
  const now = options.now ?? new Date();
  const notifications: CityNotification[] = [];
  for (const { report, files, recipients } of options.reports) {
    notifications.push(composeCityNotification({ report, links: await linksFor(options.target, files, now), recipients }));
  }
  return { notifications, outboxKeys: await writeOutbox(options.store, notifications) };
}
