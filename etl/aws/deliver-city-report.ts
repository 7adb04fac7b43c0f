/** The `report` function's delivery: presigned links to the files just written, composed and published to the city's topic. */
import type { SNSClient } from '@aws-sdk/client-sns';
import { composeCityNotification } from '../reports/delivery/city-notification.ts';
import { linksFor, type LinkTarget } from '../reports/delivery/deliver-reports.ts';
import type { ReportFile } from '../reports/delivery/report-files.ts';
import type { Report } from '../reports/report-schema.ts';
import { publishCityNotification } from './city-topics.ts';

export interface DeliverCityReportOptions {
  readonly sns: SNSClient;
  readonly topicArn: string;
  /** The reports bucket, for presigned links. */
  readonly linkTarget: LinkTarget;
  readonly report: Report;
  readonly files: readonly Pick<ReportFile, 'format' | 'key'>[];
  readonly recipients: readonly string[];
  readonly now?: Date;
}

/** Returns the SNS message id. */
export async function deliverCityReport(options: DeliverCityReportOptions): Promise<string> {
  const links = await linksFor(options.linkTarget, options.files, options.now ?? new Date());
  const notification = composeCityNotification({ report: options.report, links, recipients: options.recipients });
  return publishCityNotification(options.sns, options.topicArn, notification);
}
