/**
 * Joins the rejects files of a file's parts into one, in part order, turning each part's
 * record numbers into the file's: every line starts `{"row":N,` (row-processor.ts writes it
 * first), so only that number is rewritten, never the JSON parsed.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';

export interface RejectsSlice {
  readonly path: string;
  /** Records of the file before this part. */
  readonly rowOffset: number;
}

const ROW_PREFIX = /^\{"row":(\d+),/;

export function shiftRejectLine(line: string, rowOffset: number): string {
  const match = ROW_PREFIX.exec(line);
  if (match === null) throw new Error(`rejects line does not start with {"row":N,: ${line.slice(0, 60)}`);
  return `{"row":${Number(match[1]) + rowOffset},${line.slice(match[0].length)}`;
}

export async function mergeRejects(slices: readonly RejectsSlice[], target: string): Promise<void> {
  const out = createWriteStream(target);
  try {
    for (const slice of slices) {
      const lines = createInterface({ input: createReadStream(slice.path, { encoding: 'utf8' }), crlfDelay: Infinity });
      for await (const line of lines) {
        if (line === '') continue;
        if (!out.write(`${slice.rowOffset === 0 ? line : shiftRejectLine(line, slice.rowOffset)}\n`)) await once(out, 'drain');
      }
    }
  } finally {
    out.end();
  }
  await finished(out);
}
