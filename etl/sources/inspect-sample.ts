/**
 * Looks at the first bytes of a source file before it is parsed, so a file that is no CSV text
 * is refused with what it is — an Excel workbook, an archive, a binary file, UTF-16 without a
 * byte order mark, a file mixing UTF-8 and GB18030 lines — rather than with "the header lacks
 * required columns". Returns the encoding to read it in (detect-encoding.ts).
 */
import { detectEncoding, ENCODING_NAMES, hasUtf8Bom, utf16BomEncoding, type SourceEncoding } from './detect-encoding.ts';
import { classifyLine, describeInvalidUtf8, type LineEncoding } from './line-encoding.ts';
import { formatLine, SourceFormatError } from './source-rejection.ts';

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((byte, index) => bytes[index] === byte);

/** The ZIP's entry names in the sample say whether it is an Excel workbook. */
function isXlsx(sample: Uint8Array): boolean {
  const text = Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength).toString('latin1');
  return text.includes('xl/') || text.includes('[Content_Types].xml');
}

/** A file that is something else than text, by its first bytes; null when none of these. */
export function foreignFormat(sample: Uint8Array): string | null {
  if (startsWith(sample, [0x50, 0x4b, 0x03, 0x04]) || startsWith(sample, [0x50, 0x4b, 0x05, 0x06])) {
    return isXlsx(sample) ? 'this is an Excel workbook (.xlsx): save it as CSV' : 'this is a ZIP archive, not a CSV file: unpack it and give the CSV files inside';
  }
  if (startsWith(sample, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'this is an Excel 97-2003 workbook (.xls) or another Office 97-2003 document: save it as CSV';
  if (startsWith(sample, [0x1f, 0x8b])) return 'this is a gzip-compressed file: decompress it and give the CSV file inside';
  if (startsWith(sample, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'this is a PDF document, not a CSV file';
  return null;
}

/** UTF-16 without a BOM: NUL bytes in most even (big-endian) or odd (little-endian) positions. */
function looksLikeBomlessUtf16(sample: Uint8Array): boolean {
  const pairs = Math.min(4096, Math.floor(sample.length / 2));
  if (pairs < 2) return false;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let pair = 0; pair < pairs; pair++) {
    if (sample[2 * pair] === 0) evenNuls++;
    if (sample[2 * pair + 1] === 0) oddNuls++;
  }
  return Math.max(evenNuls, oddNuls) >= pairs * 0.3 && Math.min(evenNuls, oddNuls) <= pairs * 0.02;
}

/** Control bytes no text export holds (tab, line breaks, form feed and escape are allowed). */
function isControl(byte: number): boolean {
  return byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b;
}

/** A NUL byte, or control bytes beyond a stray few, mean binary data. */
function binaryByte(sample: Uint8Array): { offset: number; byte: number } | null {
  const nul = sample.indexOf(0);
  if (nul !== -1) return { offset: nul, byte: 0 };
  let controls = 0;
  let first = -1;
  for (let index = 0; index < sample.length; index++) {
    if (!isControl(sample[index]!)) continue;
    controls++;
    if (first === -1) first = index;
  }
  return controls >= 8 && controls > sample.length / 200 ? { offset: first, byte: sample[first]! } : null;
}

/** The sample's lines (split on LF, or on CR in a file without LF); the last, cut-off line left out unless the sample is the whole file. */
function sampleLines(sample: Uint8Array, complete: boolean): Uint8Array[] {
  const breakByte = sample.includes(0x0a) || !sample.includes(0x0d) ? 0x0a : 0x0d;
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let end = sample.indexOf(breakByte); end !== -1; end = sample.indexOf(breakByte, start)) {
    lines.push(sample.subarray(start, end));
    start = end + 1;
  }
  if (complete && start < sample.length) lines.push(sample.subarray(start));
  return lines;
}

/**
 * A sample that is not all UTF-8: GB18030, unless it also holds real UTF-8 lines (then it mixes
 * encodings) or lines that are neither. Line numbers count from the file's first line.
 */
function encodingOfNonUtf8Sample(sample: Uint8Array, complete: boolean): SourceEncoding {
  const first = new Map<LineEncoding, number>();
  sampleLines(sample, complete).forEach((line, index) => {
    const kind = classifyLine(index === 0 && hasUtf8Bom(line) ? line.subarray(3) : line);
    if (!first.has(kind)) first.set(kind, index + 1);
  });
  const utf8 = first.get('utf-8');
  const gb = first.get('gb18030');
  if (utf8 !== undefined && gb !== undefined) {
    const [later, laterName, earlier, earlierName] = utf8 < gb ? [gb, ENCODING_NAMES.gb18030, utf8, ENCODING_NAMES['utf-8']] : [utf8, ENCODING_NAMES['utf-8'], gb, ENCODING_NAMES.gb18030];
    throw new SourceFormatError(`this line is ${laterName} but line ${formatLine(earlier)} is ${earlierName}: a file must be in one encoding; save it again as CSV UTF-8`, { line: later });
  }
  const neither = first.get('neither');
  if (neither !== undefined) {
    const line = sampleLines(sample, complete)[neither - 1]!;
    throw new SourceFormatError(`this line is neither UTF-8 nor GB18030 (GBK) (${describeInvalidUtf8(line)}): save the file again as CSV UTF-8`, { line: neither });
  }
  return 'gb18030';
}

/**
 * The encoding to read the file in, or a SourceFormatError saying what the file is instead.
 * `forced` (`--encoding`) skips the detection, not the checks for foreign formats.
 */
export function inspectSample(sample: Uint8Array, complete: boolean, forced?: SourceEncoding): SourceEncoding {
  const foreign = foreignFormat(sample);
  if (foreign !== null) throw new SourceFormatError(foreign);
  const bomEncoding = hasUtf8Bom(sample) ? 'utf-8' : utf16BomEncoding(sample);
  if (forced === undefined && bomEncoding !== null && bomEncoding !== 'utf-8') return bomEncoding;
  if (forced !== undefined && forced !== 'utf-8' && forced !== 'gb18030') return forced;
  if (looksLikeBomlessUtf16(sample)) {
    throw new SourceFormatError('this is UTF-16 text without a byte order mark: save it again as CSV UTF-8, or as UTF-16 with a byte order mark (Excel\'s "Unicode text")');
  }
  const binary = binaryByte(sample);
  if (binary !== null) {
    throw new SourceFormatError(`this is not a text file (byte 0x${binary.byte.toString(16).toUpperCase().padStart(2, '0')} at offset ${binary.offset.toLocaleString('en-US')}): a CSV export is expected`);
  }
  if (forced !== undefined) return forced;
  return detectEncoding(sample, complete) === 'utf-8' ? 'utf-8' : encodingOfNonUtf8Sample(sample, complete);
}
