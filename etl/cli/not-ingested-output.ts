/** How the CLI tells what of the input was not ingested: a warning each (JSON: one line each) and a block on stdout. */
import type { NotIngested } from '../ingest/not-ingested.ts';
import type { Logger } from './logger.ts';

export function logNotIngested(logger: Logger, entries: readonly NotIngested[]): void {
  for (const entry of entries) logger.warn('input file not ingested', { file: entry.path, code: entry.code, reason: entry.reason });
}

/** '' when everything was ingested; else a heading and one indented line per entry, ending with a blank line. */
export function notIngestedBlock(entries: readonly NotIngested[]): string {
  if (entries.length === 0) return '';
  return `not ingested: ${entries.length} file(s) or folder(s) of the input\n${entries.map((entry) => `  ${entry.path}: ${entry.reason}\n`).join('')}\n`;
}
