/**
 * The lake on the local filesystem: a key is a file path under `rootDir`. Writes go to a
 * temporary file in the target folder and are renamed into place, so a reader (or a crash)
 * never sees half an object.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, link, mkdir, open, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  ObjectExistsError,
  ObjectNotFoundError,
  type ObjectInfo,
  type ObjectStore,
  type PutOptions,
} from './object-store.ts';

/** Suffix of in-flight temporary files; `list` skips them and keys may not end with it. */
const TEMP_SUFFIX = '.ipstats-tmp';

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

function isNodeError(error: unknown, ...codes: string[]): error is NodeJS.ErrnoException {
  return error instanceof Error && codes.includes((error as NodeJS.ErrnoException).code ?? '');
}

export class LocalObjectStore implements ObjectStore {
  readonly location: string;

  constructor(rootDir: string) {
    this.location = path.resolve(rootDir);
  }

  async put(key: string, body: Uint8Array | string, options: PutOptions = {}): Promise<void> {
    await this.writeAtomically(key, options, async (tempPath) => {
      await writeFile(tempPath, body, { flag: 'wx', flush: true });
    });
  }

  async putFile(key: string, filePath: string, options: PutOptions = {}): Promise<void> {
    await this.writeAtomically(key, options, async (tempPath) => {
      try {
        await pipeline(createReadStream(filePath), createWriteStream(tempPath, { flags: 'wx', flush: true }));
      } catch (error) {
        throw new Error(`cannot copy source file ${filePath}`, { cause: error });
      }
    });
  }

  async get(key: string): Promise<Uint8Array> {
    const filePath = this.pathOf(key);
    try {
      return new Uint8Array(await readFile(filePath));
    } catch (error) {
      throw this.translateReadError(key, error);
    }
  }

  async getText(key: string): Promise<string> {
    const bytes = await this.get(key);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch (error) {
      throw new Error(`object ${key} in ${this.location} is not valid UTF-8 text`, { cause: error });
    }
  }

  async getStream(key: string, range?: { readonly start: number; readonly end: number }): Promise<Readable> {
    if (range !== undefined) assertValidRange(key, range);
    const filePath = this.pathOf(key);
    // Open first so a missing object rejects here, not later as a stream 'error' event.
    const handle = await open(filePath, 'r').catch((error: unknown) => {
      throw this.translateReadError(key, error);
    });
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw new ObjectNotFoundError(key, this.location);
      if (range !== undefined && range.start >= info.size) {
        throw new Error(
          `byte range ${range.start}-${range.end} is not satisfiable for ${key} in ${this.location}: the object has ${info.size} bytes`,
        );
      }
      return handle.createReadStream(range === undefined ? {} : { start: range.start, end: Math.min(range.end, info.size - 1) });
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async getFile(key: string, filePath: string): Promise<void> {
    const sourcePath = this.pathOf(key);
    // Checked first because copyFile's ENOENT cannot tell a missing object from a missing target folder.
    if (!(await this.exists(key))) throw new ObjectNotFoundError(key, this.location);
    const tempPath = temporarySibling(filePath);
    try {
      await copyFile(sourcePath, tempPath);
      await rename(tempPath, filePath);
    } catch (error) {
      await unlink(tempPath).catch(() => undefined);
      throw new Error(`cannot copy ${key} in ${this.location} to ${filePath}`, { cause: error });
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.head(key)) !== undefined;
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    const filePath = this.pathOf(key);
    try {
      const info = await stat(filePath);
      return info.isFile() ? { key, size: info.size } : undefined;
    } catch (error) {
      if (isNodeError(error, 'ENOENT', 'ENOTDIR')) return undefined;
      throw new Error(`cannot stat ${key} in ${this.location}`, { cause: error });
    }
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    assertValidListPrefix(prefix);
    // Walk only the deepest folder the prefix names; the rest of the prefix filters names.
    const folderKey = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
    const found: ObjectInfo[] = [];
    await this.walk(folderKey, found);
    return found.filter((info) => info.key.startsWith(prefix)).sort((a, b) => compareKeys(a.key, b.key));
  }

  async delete(key: string): Promise<void> {
    const filePath = this.pathOf(key);
    try {
      await unlink(filePath);
    } catch (error) {
      // Deleting a missing object succeeds, as in S3.
      if (isNodeError(error, 'ENOENT', 'ENOTDIR')) return;
      throw new Error(`cannot delete ${key} in ${this.location}`, { cause: error });
    }
  }

  /** The file behind a key (lets DuckDB read the lake's Parquet in place). */
  localPath(key: string): string {
    return this.pathOf(key);
  }

  private pathOf(key: string): string {
    assertValidObjectKey(key);
    return path.join(this.location, ...key.split('/'));
  }

  private async walk(folderKey: string, found: ObjectInfo[]): Promise<void> {
    const folderPath = folderKey === '' ? this.location : path.join(this.location, ...folderKey.split('/'));
    let entries;
    try {
      entries = await readdir(folderPath, { withFileTypes: true });
    } catch (error) {
      if (isNodeError(error, 'ENOENT', 'ENOTDIR')) return;
      throw new Error(`cannot list folder ${folderPath}`, { cause: error });
    }
    for (const entry of entries) {
      const childKey = folderKey === '' ? entry.name : `${folderKey}/${entry.name}`;
      if (entry.isDirectory()) {
        await this.walk(childKey, found);
      } else if (entry.isFile() && !entry.name.endsWith(TEMP_SUFFIX)) {
        const info = await stat(path.join(folderPath, entry.name)).catch((error: unknown) => {
          if (isNodeError(error, 'ENOENT')) return undefined; // deleted while we listed
          throw new Error(`cannot stat ${childKey} in ${this.location}`, { cause: error });
        });
        if (info !== undefined) found.push({ key: childKey, size: info.size });
      }
    }
  }

  /** Writes through `writeTemp` into a sibling temp file, then moves it into place. */
  private async writeAtomically(
    key: string,
    options: PutOptions,
    writeTemp: (tempPath: string) => Promise<void>,
  ): Promise<void> {
    const finalPath = this.pathOf(key);
    const tempPath = temporarySibling(finalPath);
    try {
      await mkdir(path.dirname(finalPath), { recursive: true });
      await writeTemp(tempPath);
      if (options.ifNoneMatch === true) {
        // link() fails with EEXIST when the target exists: an atomic create-if-absent.
        await link(tempPath, finalPath);
        await unlink(tempPath);
      } else {
        await rename(tempPath, finalPath);
      }
    } catch (error) {
      await unlink(tempPath).catch(() => undefined);
      if (isNodeError(error, 'EEXIST') && error.syscall === 'link') throw new ObjectExistsError(key, this.location, { cause: error });
      if (isNodeError(error, 'EISDIR', 'ENOTDIR', 'EEXIST')) {
        throw new Error(`cannot write ${key} in ${this.location}: a folder and an object would share a path`, { cause: error });
      }
      const detail = error instanceof Error ? error.message : String(error);
      throw new Error(`cannot write ${key} in ${this.location}: ${detail}`, { cause: error });
    }
  }

  private translateReadError(key: string, error: unknown): Error {
    if (error instanceof ObjectNotFoundError) return error;
    if (isNodeError(error, 'ENOENT', 'ENOTDIR', 'EISDIR')) return new ObjectNotFoundError(key, this.location, { cause: error });
    return new Error(`cannot read ${key} in ${this.location}`, { cause: error });
  }
}

function temporarySibling(filePath: string): string {
  const name = `.${path.basename(filePath)}.${process.pid}-${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
  return path.join(path.dirname(filePath), name);
}
