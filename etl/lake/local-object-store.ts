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
  type ListOptions,
  type ObjectInfo,
  type ObjectStore,
  type PutOptions,
} from './object-store.ts';
import { assertValidListPrefix, assertValidObjectKey, assertValidRange, compareKeys, decodeObjectText, TEMP_SUFFIX } from './object-keys.ts';

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
    return decodeObjectText(await this.get(key), key, this.location);
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

  async list(prefix: string, options: ListOptions = {}): Promise<ObjectInfo[]> {
    assertValidListPrefix(prefix);
    // Walk only the deepest folder the prefix names; the rest of the prefix filters names.
    const folderKey = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
    const found: ObjectInfo[] = [];
    await this.walk(folderKey, found, options.lastModified === true);
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

  private async walk(folderKey: string, found: ObjectInfo[], withLastModified: boolean): Promise<void> {
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
        await this.walk(childKey, found, withLastModified);
      } else if (entry.isFile() && !entry.name.endsWith(TEMP_SUFFIX)) {
        const info = await stat(path.join(folderPath, entry.name)).catch((error: unknown) => {
          if (isNodeError(error, 'ENOENT')) return undefined; // deleted while we listed
          throw new Error(`cannot stat ${childKey} in ${this.location}`, { cause: error });
        });
        if (info !== undefined) found.push({ key: childKey, size: info.size, ...(withLastModified ? { lastModified: info.mtime } : {}) });
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
