/** A link to one file of a city's report, as a notification carries it. */
import type { ReportFormat } from '../format/report-format.ts';

export interface ReportLink {
  readonly format: ReportFormat;
  readonly key: string;
  /** A presigned HTTPS URL (S3) or a file path (local outbox). */
  readonly url: string;
}

export interface ReportLinks {
  readonly links: readonly ReportLink[];
  /** When presigned links stop working; null for local files, which do not expire. */
  readonly expiresAt: Date | null;
}
