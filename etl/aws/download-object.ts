/**
 * Copies an object (or a byte range of it) from the lake to a local file, hashing the bytes on
 * the way: the large-source functions need both, and reading a multi-gigabyte object twice
 * would double the slowest step.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ObjectStore } from '../lake/object-store.ts';

export interface DownloadedObject {
  readonly bytes: number;
  readonly sha256: string;
}

/** `range` is [start, end) in bytes, as ByteRange; absent, the whole object. */
export async function downloadObject(
  store: ObjectStore,
  key: string,
  filePath: string,
  range?: { readonly start: number; readonly end: number },
): Promise<DownloadedObject> {
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  if (range !== undefined && range.end <= range.start) throw new RangeError(`empty byte range [${range.start}, ${range.end}) of ${key}`);
  const body = await store.getStream(key, range === undefined ? undefined : { start: range.start, end: range.end - 1 });
  try {
    await pipeline(body, tap, createWriteStream(filePath));
  } catch (error) {
    throw new Error(`cannot copy ${key} from ${store.location} to ${filePath}: ${(error as Error).message}`, { cause: error });
  }
  if (range !== undefined && bytes !== range.end - range.start) {
    throw new Error(`${key} in ${store.location}: read ${bytes} bytes of the range [${range.start}, ${range.end}); the object changed or is shorter`);
  }
  return { bytes, sha256: hash.digest('hex') };
}
