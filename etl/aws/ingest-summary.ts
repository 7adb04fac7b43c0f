/**
 * What the ingest functions return and log about one source file: counts and keys, never row
 * contents (applicant names of individuals are personal information). Flat, because the state
 * machines' quality gate reads `rejectRate` from it.
 */
import { formatMonthRange } from '../coverage/coverage-range.ts';
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
  /** The coverage the manifest declares, `FROM..TO`; absent when none is declared. */
  readonly coverage?: string;
  /** Present (true) when the file had been ingested before and only its coverage declaration was rewritten. */
  readonly coverageUpdated?: true;
  /** The warning written now about accepted rows outside the declared coverage; absent when none. */
  readonly coverageWarning?: string;
}

/** What this ingestion did to the coverage declaration (IngestFileResult has both fields). */
export interface CoverageOutcome {
  readonly coverageUpdated: boolean;
  readonly coverageWarning: string | null;
}

export function summaryOf(key: string, manifest: Manifest, manifestKey: string, skipped: boolean, coverage?: CoverageOutcome): IngestSummary {
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
    // Only when there is something to say, so summaries without a declaration keep their shape.
    ...(manifest.coverage === undefined ? {} : { coverage: formatMonthRange(manifest.coverage) }),
    ...(coverage?.coverageUpdated === true ? { coverageUpdated: true as const } : {}),
    ...(coverage?.coverageWarning == null ? {} : { coverageWarning: coverage.coverageWarning }),
  };
}
