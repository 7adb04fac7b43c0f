/** What `run` prints about datasets blocked by a file that could not be read (etl/pipeline/blocked-datasets.ts). */
import path from 'node:path';
import type { BlockedDataset } from '../pipeline/blocked-datasets.ts';

export function blockedSummary(blocked: readonly BlockedDataset[]): string {
  const lines = blocked.map(({ dataset, file, error, blockedFiles }) => {
    const after = blockedFiles.length === 0 ? '' : `\n    not ingested after it: ${blockedFiles.map((later) => path.basename(later)).join(', ')}`;
    return `  ${dataset}: blocked by ${path.basename(file)}: ${error}${after}`;
  });
  return (
    `${blocked.length} dataset(s) blocked by a file that could not be read; the reports show their figures only as far as their ingested data goes ` +
    `(fix the file and run again):\n${lines.join('\n')}`
  );
}
