/**
 * What the ingest functions return and log about one source file: counts and keys, never row
 * contents (applicant names of individuals are personal information). Flat, because the state
 * machines' quality gate reads `rejectRate` from it.
 */
import type { Manifest } from '../ingest/manifest.ts';

export interface IngestSummary {
  readonly dataset: string;
  /** The source object's key, or the HTTPS URL without its query. */
  readonly key: string;
  readonly sha256: string;
  /** `skipped`: these exact bytes had been ingested before, nothing was written. */
  readonly status: 'ingested' | 'file_rejected' | 'skipped';
  readonly rowsRead: number;
  readonly rowsAccepted: number;
  readonly rowsRejected: number;
  /**
   * rowsRejected / rowsRead, 0 for a file without rows; 1 for a file rejected whole (no row of it
   * reaches the lake), so a quality gate on the rate stops a run on it as the local run stops.
   */
  readonly rejectRate: number;
  readonly manifestKey: string;
  /** Why the file was rejected whole (status file_rejected). */
  readonly error: string | null;
}

export function summaryOf(key: string, manifest: Manifest, manifestKey: string, skipped: boolean): IngestSummary {
  const { read, accepted, rejected } = manifest.rows;
  return {
    dataset: manifest.dataset,
    key,
    sha256: manifest.source.sha256,
    status: skipped ? 'skipped' : manifest.status,
    rowsRead: read,
    rowsAccepted: accepted,
    rowsRejected: rejected,
    rejectRate: manifest.status === 'file_rejected' ? 1 : read === 0 ? 0 : rejected / read,
    manifestKey,
    error: manifest.error,
  };
}
