/**
 * Source files arrive as UTF-8 (with or without BOM) or GB18030/GBK, which Chinese government
 * systems still export by default, or as UTF-16 with a byte order mark (Excel's "Unicode text").
 * GB18030 is a superset of GBK and GB2312, so one decoder covers all three.
 */
export type SourceEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export const SOURCE_ENCODINGS = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'] as const satisfies readonly SourceEncoding[];

/** How encodings are named in messages. */
export const ENCODING_NAMES: Readonly<Record<SourceEncoding, string>> = {
  'utf-8': 'UTF-8',
  gb18030: 'GB18030 (GBK)',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
};

/** How many leading bytes are inspected. Enough to contain the header and many data rows. */
export const ENCODING_SAMPLE_BYTES = 256 * 1024;

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

/** The UTF-16 encoding a byte order mark announces, or null. (FF FE 00 00 would be UTF-32, which no exporter here writes.) */
export function utf16BomEncoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe && !(bytes[2] === 0 && bytes[3] === 0)) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** Whether the encoding keeps ASCII bytes as themselves (so line feeds and delimiters can be found in the bytes). */
export function isAsciiCompatible(encoding: SourceEncoding): boolean {
  return encoding === 'utf-8' || encoding === 'gb18030';
}

/**
 * Decides the encoding from the first bytes of a file: a BOM says it; otherwise a sample that
 * is valid UTF-8 means UTF-8, and anything else GB18030. GBK text is almost never valid UTF-8
 * (its lead bytes 0x81–0xFE are followed by bytes that break UTF-8's continuation rule).
 * `complete` says the sample is the whole file, so a truncated last character is an error too.
 * A sample that is not UTF-8 but mixes the two is refused after this is asked (inspect-sample.ts).
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): SourceEncoding {
  if (hasUtf8Bom(sample)) return 'utf-8';
  const utf16 = utf16BomEncoding(sample);
  if (utf16 !== null) return utf16;
  const body = complete ? sample : withoutTrailingPartialUtf8(sample);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Drops an incomplete UTF-8 sequence cut off at the end of a sample (at most 3 bytes). */
export function withoutTrailingPartialUtf8(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const sequenceLength = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return sequenceLength > back ? bytes.subarray(0, bytes.length - back) : bytes;
  }
  return bytes;
}
