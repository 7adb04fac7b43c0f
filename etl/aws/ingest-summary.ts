/**
 * What the ingest functions return and log about one source file: counts and keys, never row
 * contents (applicant names of individuals are personal information).
 */
import type { Manifest } from '../ingest/manifest.ts';

export interface IngestSummary {
  readonly dataset: string;
  /** Where the file came from: `s3://bucket/key` or the HTTPS URL. */
  readonly source: string;
  readonly sha256: string;
  /** `skipped`: these exact bytes had been ingested before, nothing was written. */
  readonly status: 'ingested' | 'file_rejected' | 'skipped';
  readonly rows: { readonly read: number; readonly accepted: number; readonly rejected: number };
  readonly manifestKey: string;
  /** Why the file was rejected whole (status file_rejected). */
  readonly error: string | null;
}

export function summaryOf(source: string, manifest: Manifest, manifestKey: string, skipped: boolean): IngestSummary {
  return {
    dataset: manifest.dataset,
    source,
    sha256: manifest.source.sha256,
    status: skipped ? 'skipped' : manifest.status,
    rows: { ...manifest.rows },
    manifestKey,
    error: manifest.error,
  };
}
