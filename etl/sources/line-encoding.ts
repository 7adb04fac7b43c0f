/**
 * Which encoding one line's bytes are in, for files that mix UTF-8 and GB18030 lines (a file
 * pasted together from two exports). Only ASCII-compatible encodings: a line is the bytes
 * between two line breaks.
 *
 * A GBK line with a few Chinese characters can be valid UTF-8 by chance, so a valid UTF-8 line
 * counts as UTF-8 only if, read as GBK, it would hold a character outside GB2312's common range
 * (lead and trail bytes 0xA1–0xFE): UTF-8's continuation bytes 0x80–0xA0 make that almost certain
 * for real UTF-8 Chinese, while real GBK text rarely leaves GB2312. Otherwise it is `either`.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export type LineEncoding = 'ascii' | 'utf-8' | 'either' | 'gb18030' | 'neither';

function leavesGb2312(bytes: Uint8Array): boolean {
  for (let index = 0; index < bytes.length; ) {
    const lead = bytes[index]!;
    if (lead < 0x80) {
      index++;
      continue;
    }
    const trail = bytes[index + 1] ?? 0;
    if (lead < 0xa1 || lead > 0xf7 || trail < 0xa1 || trail > 0xfe) return true;
    index += 2;
  }
  return false;
}

/** Whether the bytes read as GB18030 (iconv-lite writes U+FFFD for what it cannot read). */
export function isGb18030(bytes: Uint8Array): boolean {
  return !iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030').includes('\ufffd');
}

export function classifyLine(bytes: Uint8Array): LineEncoding {
  if (isAscii(bytes)) return 'ascii';
  if (isUtf8(bytes)) return leavesGb2312(bytes) ? 'utf-8' : 'either';
  return isGb18030(bytes) ? 'gb18030' : 'neither';
}

/** Index of the first byte that breaks UTF-8 (a lead byte whose sequence is not valid), or -1. */
export function firstInvalidUtf8Index(bytes: Uint8Array): number {
  for (let index = 0; index < bytes.length; ) {
    const lead = bytes[index]!;
    if (lead < 0x80) {
      index++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || index + length > bytes.length) return index;
    for (let next = 1; next < length; next++) if ((bytes[index + next]! & 0xc0) !== 0x80) return index;
    const second = bytes[index + 1]!;
    // Overlong forms, surrogates and code points past U+10FFFF.
    if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f) || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) return index;
    index += length;
  }
  return -1;
}

/** Where a line stops being UTF-8, for messages: `byte 0xB2 at position 13 of the line`. */
export function describeInvalidUtf8(bytes: Uint8Array): string {
  const index = firstInvalidUtf8Index(bytes);
  if (index === -1) return 'no invalid byte';
  return `byte 0x${bytes[index]!.toString(16).toUpperCase().padStart(2, '0')} at position ${(index + 1).toLocaleString('en-US')} of the line`;
}
