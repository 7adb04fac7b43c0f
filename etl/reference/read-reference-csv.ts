/**
 * Reads one of the small reference CSVs shipped in etl/reference/ (plain CSV: no quoted
 * fields, UTF-8, LF). Synchronous on purpose: it runs once, on first use, and keeps the
 * hot parsing path free of promises.
 */
import { readFileSync } from 'node:fs';

export function readReferenceCsv(fileName: string, expectedHeader: string): string[][] {
  const url = new URL(`./${fileName}`, import.meta.url);
  let text: string;
  try {
    text = readFileSync(url, 'utf8');
  } catch (error) {
    throw new Error(`cannot read reference file etl/reference/${fileName}`, { cause: error });
  }
  const lines = text.split(/\r?\n/).filter((line) => line !== '');
  if (lines[0] !== expectedHeader) {
    throw new Error(`etl/reference/${fileName}: expected header "${expectedHeader}", found "${lines[0] ?? ''}"`);
  }
  return lines.slice(1).map((line) => line.split(','));
}
