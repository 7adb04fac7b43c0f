/**
 * Finds the line the decoding of a byte range stopped at (decode-text.ts refuses bytes that are
 * not in the file's encoding) and says what it is instead, e.g. a GB18030 line in a UTF-8 file.
 * Runs only after a failure, so it reads the range again rather than slow the decoding down.
 * Lines are counted from the range's first byte (1), as the parser counts them.
 */
import { createReadStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { ENCODING_NAMES, hasUtf8Bom, isAsciiCompatible, type SourceEncoding } from './detect-encoding.ts';
import { describeInvalidUtf8, isGb18030 } from './line-encoding.ts';
import { SourceFormatError } from './source-rejection.ts';
import type { ByteRange } from './split-byte-ranges.ts';

const SAVE_AS_UTF8 = 'a file must be in one encoding; save it again as CSV UTF-8';

/** Why one line cannot be read in the file's encoding; null when it can. */
function lineProblem(line: Uint8Array, encoding: 'utf-8' | 'gb18030'): string | null {
  if (encoding === 'utf-8') {
    if (isUtf8(line)) return null;
    if (isGb18030(line)) return `this line is ${ENCODING_NAMES.gb18030}, but the lines before it are UTF-8: ${SAVE_AS_UTF8}`;
    return `this line is neither UTF-8, as the lines before it are, nor ${ENCODING_NAMES.gb18030} (${describeInvalidUtf8(line)}): save the file again as CSV UTF-8`;
  }
  if (isGb18030(line)) return null;
  if (isUtf8(line)) return `this line is UTF-8, but the lines before it are ${ENCODING_NAMES.gb18030}: ${SAVE_AS_UTF8}`;
  return `this line is not ${ENCODING_NAMES.gb18030}, the encoding of the lines before it, nor UTF-8: save the file again as CSV UTF-8`;
}

async function* linesOfRange(filePath: string, range: ByteRange, breakByte: number): AsyncGenerator<Uint8Array> {
  let pending: Buffer[] = [];
  for await (const chunk of createReadStream(filePath, { start: range.start, end: range.end - 1, highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let end = chunk.indexOf(breakByte); end !== -1; end = chunk.indexOf(breakByte, start)) {
      const piece = chunk.subarray(start, end);
      yield pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
      pending = [];
      start = end + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  if (pending.length > 0) yield Buffer.concat(pending);
}

async function utf16Problem(filePath: string, range: ByteRange, encoding: SourceEncoding, breakChar: string): Promise<SourceFormatError | null> {
  const decoder = new TextDecoder(encoding, { ignoreBOM: false });
  let breaks = 0;
  for await (const chunk of createReadStream(filePath, { start: range.start, end: range.end - 1, highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    const text = decoder.decode(chunk, { stream: true });
    const bad = text.indexOf('\ufffd');
    const upTo = bad === -1 ? text.length : bad;
    for (let index = text.indexOf(breakChar); index !== -1 && index < upTo; index = text.indexOf(breakChar, index + 1)) breaks++;
    if (bad !== -1) return new SourceFormatError(`this line is not valid ${ENCODING_NAMES[encoding]} (a lone surrogate code unit)`, { line: breaks + 1 });
  }
  return null;
}

/** The SourceFormatError for the first line of the range that is not in `encoding`. */
export async function locateUndecodableLine(filePath: string, range: ByteRange, encoding: SourceEncoding, newline: '\n' | '\r\n' | '\r'): Promise<SourceFormatError> {
  const breakChar = newline === '\r' ? '\r' : '\n';
  if (!isAsciiCompatible(encoding)) {
    return (await utf16Problem(filePath, range, encoding, breakChar)) ?? new SourceFormatError(`the file is not valid ${ENCODING_NAMES[encoding]}`);
  }
  let line = 0;
  for await (let bytes of linesOfRange(filePath, range, breakChar.charCodeAt(0))) {
    line++;
    if (line === 1 && range.start === 0 && hasUtf8Bom(bytes)) bytes = bytes.subarray(3);
    const problem = lineProblem(bytes, encoding as 'utf-8' | 'gb18030');
    if (problem !== null) return new SourceFormatError(problem, { line });
  }
  return new SourceFormatError(`the file holds bytes that are not ${ENCODING_NAMES[encoding]}: save it again as CSV UTF-8`);
}
