/**
 * Turns a source file into a stream of decoded text. papaparse must be fed text, not bytes:
 * multi-byte characters split across byte chunks become U+FFFD otherwise (TOOLING-NOTES.md).
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { decodeBytes } from './decode-text.ts';
import { ENCODING_SAMPLE_BYTES, type SourceEncoding } from './detect-encoding.ts';
import { inspectSample } from './inspect-sample.ts';

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
  const { sample, complete } = await readSample(filePath);
  const chosen = inspectSample(sample, complete, encoding);
  return { encoding: chosen, text: decodeBytes(createReadStream(filePath, { highWaterMark: 1024 * 1024 }), chosen) };
}
