/**
 * Source files arrive as UTF-8 (with or without BOM) or GB18030/GBK, which Chinese government
 * systems still export by default. GB18030 is a superset of GBK and GB2312, so one decoder covers all.
 */
export type SourceEncoding = 'utf-8' | 'gb18030';

/** How many leading bytes are inspected. Enough to contain the header and many data rows. */
export const ENCODING_SAMPLE_BYTES = 256 * 1024;

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

/**
 * Decides between UTF-8 and GB18030 from the first bytes of a file: a BOM or a sample that is
 * valid UTF-8 means UTF-8; anything else is GB18030. GBK text is almost never valid UTF-8
 * (its lead bytes 0x81–0xFE are followed by bytes that break UTF-8's continuation rule).
 * `complete` says the sample is the whole file, so a truncated last character is an error too.
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): SourceEncoding {
  if (hasUtf8Bom(sample)) return 'utf-8';
  const body = complete ? sample : withoutTrailingPartialUtf8(sample);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Drops an incomplete UTF-8 sequence cut off at the end of a sample (at most 3 bytes). */
function withoutTrailingPartialUtf8(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const sequenceLength = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return sequenceLength > back ? bytes.subarray(0, bytes.length - back) : bytes;
  }
  return bytes;
}
