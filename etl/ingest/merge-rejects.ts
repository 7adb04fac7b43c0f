/**
 * Joins the rejects files of a file's parts into one, in part order, turning each part's
 * record and line numbers into the file's: every line starts `{"row":N,"line":L,`
 * (row-processor.ts writes them first), so only those numbers are rewritten, never the JSON parsed.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';

export interface RejectsSlice {
  readonly path: string;
  /** Records of the file before this part. */
  readonly rowOffset: number;
  /** Lines of the file before this part. @default 0 */
  readonly lineOffset?: number;
}

const ROW_PREFIX = /^\{"row":(\d+),"line":(\d+),/;

/** The reject with the file's numbers. Its values are never quoted in an error: they are personal data. */
export function shiftRejectLine(line: string, rowOffset: number, lineOffset = 0): string {
  const match = ROW_PREFIX.exec(line);
  if (match === null) throw new Error('a rejects line does not start with {"row":N,"line":L,: the rejects file of a part is damaged');
  return `{"row":${Number(match[1]) + rowOffset},"line":${Number(match[2]) + lineOffset},${line.slice(match[0].length)}`;
}

export async function mergeRejects(slices: readonly RejectsSlice[], target: string): Promise<void> {
  const out = createWriteStream(target);
  try {
    for (const slice of slices) {
      const lines = createInterface({ input: createReadStream(slice.path, { encoding: 'utf8' }), crlfDelay: Infinity });
      for await (const line of lines) {
        if (line === '') continue;
        const shifted = slice.rowOffset === 0 && (slice.lineOffset ?? 0) === 0 ? line : shiftRejectLine(line, slice.rowOffset, slice.lineOffset);
        if (!out.write(`${shifted}\n`)) await once(out, 'drain');
      }
    }
  } finally {
    out.end();
  }
  await finished(out);
}
