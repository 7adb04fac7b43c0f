/**
 * Splits a CSV file into byte ranges that each start at the beginning of a record, so the
 * ranges can be parsed independently (worker threads here; Step Functions Distributed Map
 * items later). Newlines inside quoted fields are not boundaries: the quote state is followed
 * from the start of the file, as papaparse reads it — a quote opens a quoted field only at the
 * start of a field, and `""` inside one is an escaped quote.
 *
 * The scan jumps from quote to quote with Buffer.indexOf (native), so a file without quotes
 * costs a few calls per megabyte; it stops at the last cut, never reading the rest.
 *
 * Line feeds are the boundaries (LF and CRLF files); a file whose records end with a lone CR
 * has none and stays one range. The bytes tested (quote, delimiter, CR, LF) are ASCII, which
 * never occurs inside a multi-byte character in UTF-8 or GB18030, so no decoding is needed.
 */
import { open } from 'node:fs/promises';

export interface ByteRange {
  /** First byte of the range: the first byte of a record (or 0). */
  readonly start: number;
  /** One past the last byte. */
  readonly end: number;
}

export interface SplitOptions {
  /** @default ',' */
  readonly delimiter?: string;
  /** @default '"' */
  readonly quote?: string;
  /** Bytes read at a time. @default 1 MiB */
  readonly blockBytes?: number;
}

const LF = 0x0a;
const CR = 0x0d;
const UTF8_BOM_LENGTH = 3;

function asciiByte(text: string, what: string): number {
  if (text.length !== 1 || text.charCodeAt(0) > 0x7f) throw new Error(`splitOnRecordBoundaries: the ${what} must be one ASCII character, got ${JSON.stringify(text)}`);
  return text.charCodeAt(0);
}

/**
 * Up to `parts` ranges of about equal size covering the whole file, in order. Fewer when the
 * file has fewer record boundaries than cuts wanted (a small file, or one long quoted field).
 */
export async function splitOnRecordBoundaries(filePath: string, parts: number, options: SplitOptions = {}): Promise<ByteRange[]> {
  if (!Number.isInteger(parts) || parts < 1) throw new Error(`splitOnRecordBoundaries: parts must be a whole number ≥ 1, got ${parts}`);
  const delimiter = asciiByte(options.delimiter ?? ',', 'delimiter');
  const quote = asciiByte(options.quote ?? '"', 'quote');
  const handle = await open(filePath, 'r');
  try {
    const size = (await handle.stat()).size;
    const targets = Array.from({ length: parts - 1 }, (_, index) => Math.floor((size * (index + 1)) / parts)).filter((target) => target > 0);
    const cuts: number[] = [];
    const block = Buffer.alloc(options.blockBytes ?? 1024 * 1024);
    let quoted = false;
    /** A quote closed the block while inside a quoted field: the next byte says whether it is escaped. */
    let quotePending = false;
    /** The byte before the current block (-1 at the start of the file). */
    let previousByte = -1;
    let blockStart = 0;
    let bomEnd = 0;
    while (targets.length > 0 && blockStart < size) {
      const { bytesRead } = await handle.read(block, 0, block.length, blockStart);
      if (bytesRead === 0) break;
      const bytes = block.subarray(0, bytesRead);
      if (blockStart === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bomEnd = UTF8_BOM_LENGTH;
      let index = 0;
      if (quotePending) {
        quotePending = false;
        if (bytes[0] === quote) index = 1; // escaped quote: still inside the field
        else quoted = false;
      }
      while (index < bytesRead && targets.length > 0) {
        if (quoted) {
          const closing = bytes.indexOf(quote, index);
          if (closing === -1) {
            index = bytesRead;
          } else if (closing + 1 === bytesRead) {
            quotePending = true;
            index = bytesRead;
          } else if (bytes[closing + 1] === quote) {
            index = closing + 2;
          } else {
            quoted = false;
            index = closing + 1;
          }
          continue;
        }
        const nextQuote = bytes.indexOf(quote, index);
        const plainEnd = nextQuote === -1 ? bytesRead : nextQuote;
        // The first record boundary at or after the target, if it comes before the next quote.
        const searchFrom = Math.max(index, targets[0]! - blockStart - 1);
        if (searchFrom < plainEnd) {
          const lineFeed = bytes.indexOf(LF, searchFrom);
          if (lineFeed !== -1 && lineFeed < plainEnd) {
            const cut = blockStart + lineFeed + 1;
            if (cut < size) cuts.push(cut);
            while (targets.length > 0 && targets[0]! <= cut) targets.shift();
            index = lineFeed + 1;
            continue;
          }
        }
        if (nextQuote === -1) {
          index = bytesRead;
          continue;
        }
        const absolute = blockStart + nextQuote;
        const before = nextQuote > 0 ? bytes[nextQuote - 1]! : previousByte;
        const atFieldStart = absolute === bomEnd || before === delimiter || before === LF || before === CR;
        if (atFieldStart) quoted = true;
        index = nextQuote + 1;
      }
      previousByte = bytes[bytesRead - 1]!;
      blockStart += bytesRead;
    }
    const starts = [0, ...cuts];
    return starts.map((start, index) => ({ start, end: index + 1 < starts.length ? starts[index + 1]! : size }));
  } finally {
    await handle.close();
  }
}
