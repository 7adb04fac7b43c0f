/**
 * Decodes a byte stream of a source file into text chunks, refusing bytes that are not in the
 * file's encoding instead of turning them into U+FFFD: one GB18030 line in a UTF-8 file would
 * otherwise lose its names silently. The decoders keep a character split across two chunks
 * whole; a leading byte order mark is dropped.
 *
 * UTF-8 and UTF-16 go through TextDecoder (`fatal`, at no cost on valid text; about twice as fast
 * as the stream's StringDecoder for UTF-8), GB18030 through iconv-lite, whose decoder writes
 * U+FFFD for what it cannot read: a chunk holding one is refused.
 */
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { ENCODING_NAMES, type SourceEncoding } from './detect-encoding.ts';

/** Thrown by the decoding: where exactly is found afterwards (locate-undecodable-line.ts). */
export class UndecodableTextError extends Error {
  constructor(readonly encoding: SourceEncoding) {
    super(`the text is not valid ${ENCODING_NAMES[encoding]}`);
    this.name = 'UndecodableTextError';
  }
}

function withoutBom(text: string, first: boolean): string {
  return first && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export async function* decodeChunks(bytes: AsyncIterable<Buffer>, encoding: SourceEncoding): AsyncGenerator<string> {
  let first = true;
  if (encoding === 'gb18030') {
    const decoder = iconv.getDecoder('gb18030');
    const check = (text: string): string => {
      if (text.includes('\ufffd')) throw new UndecodableTextError(encoding);
      return text;
    };
    for await (const chunk of bytes) {
      const text = withoutBom(check(decoder.write(chunk)), first);
      if (text === '') continue;
      first = false;
      yield text;
    }
    const rest = withoutBom(check(decoder.end() ?? ''), first);
    if (rest !== '') yield rest;
    return;
  }
  // ignoreBOM false: the decoder drops a leading BOM itself.
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
  const decode = (chunk?: Buffer): string => {
    try {
      return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
    } catch (error) {
      throw new UndecodableTextError(encoding);
    }
  };
  for await (const chunk of bytes) {
    const text = decode(chunk);
    if (text !== '') yield text;
  }
  const rest = decode();
  if (rest !== '') yield rest;
}

/** Decodes a byte stream into a stream of text chunks (strings); errors of either end the stream. */
export function decodeBytes(bytes: Readable, encoding: SourceEncoding): Readable {
  const text = Readable.from(decodeChunks(bytes, encoding), { objectMode: false, encoding: 'utf8' });
  bytes.on('error', (error) => text.destroy(error));
  return text;
}
