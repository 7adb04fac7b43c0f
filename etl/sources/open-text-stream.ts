/**
 * Turns a source file into a stream of decoded text. papaparse must be fed text, not bytes:
 * multi-byte characters split across byte chunks become U+FFFD otherwise (TOOLING-NOTES.md).
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { detectEncoding, ENCODING_SAMPLE_BYTES, type SourceEncoding } from './detect-encoding.ts';

export interface TextSource {
  readonly encoding: SourceEncoding;
  /** Decoded text chunks (strings), BOM removed. */
  readonly text: Readable;
}

export async function readSample(filePath: string, bytes = ENCODING_SAMPLE_BYTES): Promise<{ sample: Uint8Array; complete: boolean }> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return { sample: buffer.subarray(0, bytesRead), complete: bytesRead < bytes };
  } finally {
    await handle.close();
  }
}

/** Opens a local file as decoded text; `encoding` overrides the detection. */
export async function openTextStream(filePath: string, encoding?: SourceEncoding): Promise<TextSource> {
  let chosen: SourceEncoding;
  if (encoding) {
    chosen = encoding;
  } else {
    const { sample, complete } = await readSample(filePath);
    chosen = detectEncoding(sample, complete);
  }
  return { encoding: chosen, text: decodeBytes(createReadStream(filePath, { highWaterMark: 1024 * 1024 }), chosen) };
}

/** Decodes a byte stream; characters split across chunks are reassembled by the decoders. */
export function decodeBytes(bytes: Readable, encoding: SourceEncoding): Readable {
  const decoded: Readable = encoding === 'utf-8' ? bytes.setEncoding('utf8') : (bytes.pipe(iconv.decodeStream('gb18030')) as unknown as Readable);
  bytes.on('error', (error) => decoded.destroy(error));
  const withoutBom = decoded.pipe(stripLeadingBom());
  decoded.on('error', (error) => withoutBom.destroy(error));
  return withoutBom;
}

function stripLeadingBom(): Transform {
  let first = true;
  return new Transform({
    decodeStrings: false,
    encoding: 'utf8',
    transform(chunk: string | Buffer, _encoding, callback) {
      let text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      if (first && text.length > 0) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      callback(null, text);
    },
  });
}
