/**
 * The lake's storage seam. Keys are the same relative paths locally and in S3
 * (`curated/patents/year=2024/month=06/<sha>.parquet`), always with forward slashes and
 * never with a leading slash.
 */
import type { Readable } from 'node:stream';

export interface ObjectInfo {
  readonly key: string;
  readonly size: number;
  /**
   * User metadata of the object (S3 `x-amz-meta-*`, names in lower case without the prefix,
   * e.g. `ipstats-covers`), from `head()` only. Absent when the object has none, and always on
   * a local store (files have no metadata).
   */
  readonly metadata?: Readonly<Record<string, string>>;
  /** When the object was last written (S3 LastModified, a file's mtime): from `list(prefix, { lastModified: true })` only. */
  readonly lastModified?: Date;
}

export interface ListOptions {
  /** Give each object's `lastModified`. @default false */
  readonly lastModified?: boolean;
}

export interface PutOptions {
  /** MIME type stored with the object (S3 Content-Type). @default 'application/octet-stream' */
  readonly contentType?: string;
  /** Fail with ObjectExistsError instead of overwriting. @default false */
  readonly ifNoneMatch?: boolean;
}

export interface ObjectStore {
  /** A human-readable location for messages: a folder path or `s3://bucket/prefix`. */
  readonly location: string;
  put(key: string, body: Uint8Array | string, options?: PutOptions): Promise<void>;
  /** Streams a file from disk into the store without holding it in memory. */
  putFile(key: string, filePath: string, options?: PutOptions): Promise<void>;
  get(key: string): Promise<Uint8Array>;
  getText(key: string): Promise<string>;
  /** A stream of the object's bytes; `range` is inclusive on both ends, like HTTP Range. */
  getStream(key: string, range?: { readonly start: number; readonly end: number }): Promise<Readable>;
  /** Copies the object to a local file (used to hand Parquet files to DuckDB). */
  getFile(key: string, filePath: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  head(key: string): Promise<ObjectInfo | undefined>;
  /** Every object whose key starts with `prefix`, sorted by key, all pages. */
  list(prefix: string, options?: ListOptions): Promise<ObjectInfo[]>;
  delete(key: string): Promise<void>;
  /**
   * The local file behind a key, for stores that are a local folder: lets DuckDB read the
   * lake's Parquet in place instead of copying it. Absent on remote stores.
   */
  localPath?(key: string): string;
}

export class ObjectNotFoundError extends Error {
  constructor(
    readonly key: string,
    readonly location: string,
    options?: ErrorOptions,
  ) {
    super(`object not found: ${key} in ${location}`, options);
    this.name = 'ObjectNotFoundError';
  }
}

export class ObjectExistsError extends Error {
  constructor(
    readonly key: string,
    readonly location: string,
    options?: ErrorOptions,
  ) {
    super(`object already exists: ${key} in ${location}`, options);
    this.name = 'ObjectExistsError';
  }
}
