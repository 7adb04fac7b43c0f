/**
 * Reads one of the small reference CSVs shipped in etl/reference/ (plain CSV: no quoted
 * fields, UTF-8, LF). Synchronous on purpose: it runs once, on first use, and keeps the
 * hot parsing path free of promises.
 *
 * A bundle (e.g. a Lambda built with esbuild) no longer sits beside this folder: it ships the
 * CSVs and points IPSTATS_REFERENCE_DIR at them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REFERENCE_DIR_VARIABLE = 'IPSTATS_REFERENCE_DIR';

export function referenceFilePath(fileName: string): string {
  const directory = process.env[REFERENCE_DIR_VARIABLE];
  return directory ? path.join(directory, fileName) : fileURLToPath(new URL(`./${fileName}`, import.meta.url));
}

export function readReferenceCsv(fileName: string, expectedHeader: string): string[][] {
  const file = referenceFilePath(fileName);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read reference file ${file} (set ${REFERENCE_DIR_VARIABLE} when running from a bundle)`, { cause: error });
  }
  const lines = text.split(/\r?\n/).filter((line) => line !== '');
  if (lines[0] !== expectedHeader) {
    throw new Error(`${file}: expected header "${expectedHeader}", found "${lines[0] ?? ''}"`);
  }
  return lines.slice(1).map((line) => line.split(','));
}
