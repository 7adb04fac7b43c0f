/**
 * What every object store agrees on: which keys are valid (so a key valid in S3 is valid on disk
 * and none escapes the local root), how ranges are checked, the order keys list in, and how an
 * object's bytes become text.
 */

/** Suffix of in-flight temporary files; `list` skips them and keys may not end with it. */
export const TEMP_SUFFIX = '.ipstats-tmp';

/**
 * Throws unless `key` is a relative, forward-slash path without `.`/`..`/empty segments or
 * backslashes. Shared by every store so that a key valid in S3 is valid on disk and no key
 * can escape the local root (path traversal).
 */
export function assertValidObjectKey(key: string): void {
  const problem = describeKeyProblem(key);
  if (problem !== undefined) {
    throw new Error(`invalid object key ${JSON.stringify(key)}: ${problem}; expected a relative path like "curated/patents/x.parquet"`);
  }
}

function describeKeyProblem(key: string): string | undefined {
  if (key.length === 0) return 'it is empty';
  if (key.includes('\\')) return 'it contains a backslash';
  if (key.includes('\0')) return 'it contains a NUL character';
  if (key.startsWith('/')) return 'it is absolute (starts with "/")';
  if (/^[A-Za-z]:/.test(key)) return 'it starts with a drive letter';
  for (const segment of key.split('/')) {
    if (segment === '') return 'it has an empty path segment';
    if (segment === '.' || segment === '..') return `it has a "${segment}" segment`;
    if (segment.endsWith(TEMP_SUFFIX)) return `a segment ends with the reserved suffix "${TEMP_SUFFIX}"`;
  }
  return undefined;
}

/** A `list` prefix is a key prefix: empty, or a valid key optionally ending with "/". */
export function assertValidListPrefix(prefix: string): void {
  if (prefix === '') return;
  assertValidObjectKey(prefix.endsWith('/') ? prefix.slice(0, -1) : prefix);
}

/** Checks a `getStream` range before any I/O; `end` may run past the object (it is clamped). */
export function assertValidRange(key: string, range: { readonly start: number; readonly end: number }): void {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new Error(`invalid byte range ${start}-${end} for ${key}: expected integers with 0 <= start <= end`);
  }
}

/** Keys sort by their UTF-8 bytes, the order S3 lists in, so both stores agree. */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** An object's bytes as UTF-8 text; anything else is an error naming the object. */
export function decodeObjectText(bytes: Uint8Array, key: string, location: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new Error(`object ${key} in ${location} is not valid UTF-8 text`, { cause: error });
  }
}
