/**
 * The lake in an S3 bucket (or an S3-compatible server: s3rver, MinIO) through AWS SDK v3.
 * Keys are the same relative paths as on disk, stored under an optional `prefix/`.
 * Object contents are never logged or put into error messages.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, stat, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type PutObjectCommandInput,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { assertValidListPrefix, assertValidObjectKey, assertValidRange, compareKeys, decodeObjectText } from './object-keys.ts';
import {
  ObjectExistsError,
  ObjectNotFoundError,
  type ListOptions,
  type ObjectInfo,
  type ObjectStore,
  type PutOptions,
} from './object-store.ts';

/** A single PutObject takes at most 5 GiB; larger files would need multipart upload. */
/** Files from this size on are uploaded in parts (S3 refuses a single PUT over 5 GiB). */
const DEFAULT_MULTIPART_THRESHOLD_BYTES = 256 * 1024 ** 2;
/** S3's smallest part (except the last). */
const MIN_PART_BYTES = 5 * 1024 ** 2;
const DEFAULT_PART_BYTES = 64 * 1024 ** 2;

export interface S3ObjectStoreProps {
  /** Create it with `createS3Client` so the checksum settings are right. */
  readonly client: S3Client;
  readonly bucket: string;
  /** Folder inside the bucket that holds the lake, without leading or trailing "/". @default '' (bucket root) */
  readonly prefix?: string;
  /** `putFile` uploads files of at least this many bytes in parts. @default 256 MiB */
  readonly multipartThresholdBytes?: number;
  /** Part size of multipart uploads, at least 5 MiB. @default 64 MiB */
  readonly partBytes?: number;
}

export interface CreateS3ClientOptions {
  /** Endpoint of an S3-compatible server (s3rver, MinIO); also switches to path-style URLs. @default AWS S3 */
  readonly endpoint?: string;
  /** @default the SDK's default chain (AWS_REGION, profile …) */
  readonly region?: string;
  /** @default the SDK's default credential chain */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

/**
 * The one way the project builds an S3Client. Checksums are computed only when an operation
 * requires them: with the SDK default ('WHEN_SUPPORTED') streamed uploads use aws-chunked
 * encoding with a checksum trailer, which S3-compatible servers such as s3rver store inside
 * the object while reporting success.
 */
export function createS3Client(options: CreateS3ClientOptions = {}): S3Client {
  return new S3Client({
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(options.region === undefined ? {} : { region: options.region }),
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint, forcePathStyle: true }),
    ...(options.credentials === undefined ? {} : { credentials: { ...options.credentials } }),
  });
}

export class S3ObjectStore implements ObjectStore {
  readonly location: string;
  private readonly client: S3Client;
  private readonly bucket: string;
  /** '' or 'some/folder/' — prepended to every key. */
  private readonly keyPrefix: string;
  private readonly multipartThresholdBytes: number;
  private readonly partBytes: number;

  constructor(props: S3ObjectStoreProps) {
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(props.bucket)) {
      throw new Error(`invalid S3 bucket name ${JSON.stringify(props.bucket)}: expected 3-63 lowercase letters, digits, "." or "-"`);
    }
    const prefix = (props.prefix ?? '').replace(/^\/+|\/+$/g, '');
    if (prefix !== '') assertValidObjectKey(prefix);
    this.client = props.client;
    this.bucket = props.bucket;
    this.multipartThresholdBytes = props.multipartThresholdBytes ?? DEFAULT_MULTIPART_THRESHOLD_BYTES;
    this.partBytes = props.partBytes ?? DEFAULT_PART_BYTES;
    if (!Number.isInteger(this.partBytes) || this.partBytes < MIN_PART_BYTES) {
      throw new RangeError(`partBytes must be a whole number of at least ${MIN_PART_BYTES} (5 MiB), got ${props.partBytes}`);
    }
    this.keyPrefix = prefix === '' ? '' : `${prefix}/`;
    this.location = prefix === '' ? `s3://${props.bucket}` : `s3://${props.bucket}/${prefix}`;
  }

  async put(key: string, body: Uint8Array | string, options: PutOptions = {}): Promise<void> {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    await this.putObject(key, options, { Body: bytes, ContentLength: bytes.byteLength });
  }

  async putFile(key: string, filePath: string, options: PutOptions = {}): Promise<void> {
    assertValidObjectKey(key);
    let size: number;
    try {
      size = (await stat(filePath)).size;
    } catch (error) {
      throw new Error(`cannot upload ${filePath} to ${key} in ${this.location}: cannot stat the file`, { cause: error });
    }
    if (size >= this.multipartThresholdBytes) {
      await this.putFileInParts(key, filePath, options);
      return;
    }
    // A known ContentLength lets the SDK send the stream as-is, without chunked encoding.
    await this.putObject(key, options, { Body: createReadStream(filePath), ContentLength: size });
  }

  async get(key: string): Promise<Uint8Array> {
    const { body } = await this.getObject(key, undefined);
    try {
      return await body.transformToByteArray();
    } catch (error) {
      throw new Error(`reading ${key} from ${this.location} failed mid-stream`, { cause: error });
    }
  }

  async getText(key: string): Promise<string> {
    return decodeObjectText(await this.get(key), key, this.location);
  }

  async getStream(key: string, range?: { readonly start: number; readonly end: number }): Promise<Readable> {
    if (range !== undefined) assertValidRange(key, range);
    const { body, contentRange } = await this.getObject(key, range);
    // In Node the SDK's body is an http.IncomingMessage, i.e. already a Readable.
    if (!(body instanceof Readable)) {
      throw new Error(`S3 GetObject for ${key} in ${this.location} returned a body that is not a Node.js stream`);
    }
    if (range !== undefined) {
      const problem = describeContentRangeMismatch(range, contentRange);
      if (problem !== undefined) {
        body.destroy();
        throw new Error(`S3 GetObject for ${key} in ${this.location} did not honour the byte range ${range.start}-${range.end}: ${problem}`);
      }
    }
    return body;
  }

  async getFile(key: string, filePath: string): Promise<void> {
    const source = await this.getStream(key);
    // Written beside the target and renamed, so DuckDB never opens a half-downloaded file.
    const tempPath = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${randomBytes(6).toString('hex')}.download`);
    try {
      await pipeline(source, createWriteStream(tempPath));
      await rename(tempPath, filePath);
    } catch (error) {
      source.destroy();
      await unlink(tempPath).catch(() => undefined);
      throw new Error(`cannot download ${key} from ${this.location} to ${filePath}`, { cause: error });
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.head(key)) !== undefined;
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    assertValidObjectKey(key);
    try {
      const output = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.keyPrefix + key }));
      const metadata = Object.entries(output.Metadata ?? {}).map(([name, value]) => [name.toLowerCase(), value] as const);
      return metadata.length === 0 ? { key, size: output.ContentLength ?? 0 } : { key, size: output.ContentLength ?? 0, metadata: Object.fromEntries(metadata) };
    } catch (error) {
      if (isObjectNotFound(error)) return undefined;
      throw this.failure('HeadObject', key, error);
    }
  }

  async list(prefix: string, options: ListOptions = {}): Promise<ObjectInfo[]> {
    assertValidListPrefix(prefix);
    const found: ObjectInfo[] = [];
    let continuationToken: string | undefined;
    do {
      let page;
      try {
        page = await this.client.send(
          new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.keyPrefix + prefix, ContinuationToken: continuationToken }),
        );
      } catch (error) {
        throw this.failure('ListObjectsV2', `${prefix}*`, error);
      }
      for (const object of page.Contents ?? []) {
        if (object.Key === undefined) continue;
        const lastModified = options.lastModified === true && object.LastModified !== undefined ? { lastModified: object.LastModified } : {};
        found.push({ key: object.Key.slice(this.keyPrefix.length), size: object.Size ?? 0, ...lastModified });
      }
      continuationToken = page.IsTruncated === true ? page.NextContinuationToken : undefined;
      if (page.IsTruncated === true && continuationToken === undefined) {
        throw new Error(`S3 ListObjectsV2 for ${prefix}* in ${this.location} said the listing is truncated but gave no continuation token`);
      }
    } while (continuationToken !== undefined);
    // S3 already lists in UTF-8 byte order; sorting again keeps the contract on compatible servers.
    return found.sort((a, b) => compareKeys(a.key, b.key));
  }

  async delete(key: string): Promise<void> {
    assertValidObjectKey(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyPrefix + key }));
    } catch (error) {
      throw this.failure('DeleteObject', key, error);
    }
  }

  /** Multipart upload (lib-storage), for files too large for one PUT; a failed upload is aborted, leaving nothing. */
  private async putFileInParts(key: string, filePath: string, options: PutOptions): Promise<void> {
    if (options.ifNoneMatch === true && (await this.exists(key))) throw new ObjectExistsError(key, this.location);
    const upload = new Upload({
      client: this.client,
      partSize: this.partBytes,
      queueSize: 2,
      leavePartsOnError: false,
      params: {
        Bucket: this.bucket,
        Key: this.keyPrefix + key,
        ContentType: options.contentType ?? 'application/octet-stream',
        Body: createReadStream(filePath, { highWaterMark: 1024 * 1024 }),
      },
    });
    try {
      await upload.done();
    } catch (error) {
      throw this.failure('multipart upload', key, error);
    }
  }

  private async putObject(
    key: string,
    options: PutOptions,
    payload: Pick<PutObjectCommandInput, 'Body' | 'ContentLength'>,
  ): Promise<void> {
    assertValidObjectKey(key);
    // S3 enforces `If-None-Match: *` atomically. Servers that ignore the header (s3rver) are
    // covered by the HEAD check, which leaves a race between HEAD and PUT on those servers only.
    if (options.ifNoneMatch === true && (await this.exists(key))) {
      if (payload.Body instanceof Readable) payload.Body.destroy();
      throw new ObjectExistsError(key, this.location);
    }
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: this.keyPrefix + key,
          ContentType: options.contentType ?? 'application/octet-stream',
          ...(options.ifNoneMatch === true ? { IfNoneMatch: '*' } : {}),
          ...payload,
        }),
      );
    } catch (error) {
      if (payload.Body instanceof Readable) payload.Body.destroy();
      if (httpStatusOf(error) === 412) throw new ObjectExistsError(key, this.location, { cause: error });
      throw this.failure('PutObject', key, error);
    }
  }

  private async getObject(key: string, range: { readonly start: number; readonly end: number } | undefined) {
    assertValidObjectKey(key);
    try {
      const output = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: this.keyPrefix + key,
          ...(range === undefined ? {} : { Range: `bytes=${range.start}-${range.end}` }),
        }),
      );
      if (output.Body === undefined) throw new Error('the response has no body');
      return { body: output.Body, contentRange: output.ContentRange };
    } catch (error) {
      if (isObjectNotFound(error)) throw new ObjectNotFoundError(key, this.location, { cause: error });
      if (range !== undefined && httpStatusOf(error) === 416) throw await this.unsatisfiableRange(key, range, error);
      throw this.failure('GetObject', key, error);
    }
  }

  /** Same message as the local store; the size comes from a HEAD because 416 bodies vary by server. */
  private async unsatisfiableRange(key: string, range: { readonly start: number; readonly end: number }, error: unknown): Promise<Error> {
    const info = await this.head(key);
    const size = info === undefined ? 'no' : String(info.size);
    return new Error(
      `byte range ${range.start}-${range.end} is not satisfiable for ${key} in ${this.location}: the object has ${size} bytes`,
      { cause: error },
    );
  }

  private failure(operation: string, key: string, error: unknown): Error {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return new Error(`S3 ${operation} failed for ${key} in ${this.location}: ${detail}`, { cause: error });
  }
}

/**
 * Some S3-compatible servers return the wrong bytes for a range instead of failing (s3rver
 * ignores an end of 0); the Content-Range header tells, so check it rather than hand back
 * the wrong bytes.
 */
function describeContentRangeMismatch(
  requested: { readonly start: number; readonly end: number },
  contentRange: string | undefined,
): string | undefined {
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(contentRange ?? '');
  if (match === null) return `the response has Content-Range ${JSON.stringify(contentRange)}, expected "bytes <start>-<end>/<size>"`;
  const [start, end, size] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const expectedEnd = Math.min(requested.end, size - 1);
  if (start === requested.start && end === expectedEnd) return undefined;
  return `the server sent bytes ${start}-${end} of ${size}, expected ${requested.start}-${expectedEnd}`;
}

function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('$metadata' in error)) return undefined;
  const metadata = (error as { $metadata?: { httpStatusCode?: number } }).$metadata;
  return metadata?.httpStatusCode;
}

/** NoSuchKey (GET) or a bare 404 (HEAD has no error body); a missing bucket is not a missing object. */
function isObjectNotFound(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'NoSuchBucket') return false;
  return error.name === 'NoSuchKey' || error.name === 'NotFound' || httpStatusOf(error) === 404;
}
