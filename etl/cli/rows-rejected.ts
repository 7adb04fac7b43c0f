/** What `--strict` counts: the rejected rows of the files given, whether ingested now or earlier. */
import type { IngestedFile } from '../ingest/ingest-paths.ts';

/**
 * A file already in the lake keeps its rejected rows, so re-running the same input must fail
 * `--strict` again. Files are counted by content: two copies of the same bytes are one file.
 */
export function rowsRejectedInFiles(files: readonly IngestedFile[]): number {
  const rejectedBySha = new Map(files.map((file) => [file.manifest.source.sha256, file.manifest.rows.rejected]));
  return [...rejectedBySha.values()].reduce((sum, rows) => sum + rows, 0);
}
