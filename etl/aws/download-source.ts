/**
 * Pulls a source file from an HTTPS URL (DATA-CONTRACT.md: "or is pulled from a configured
 * HTTPS URL") into a local file, streamed — never held in memory — with a size limit and a
 * timeout, so a wrong or hostile URL cannot fill /tmp or hold the function until it times out.
 */
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { plainFileName } from './plain-file-name.ts';

export interface DownloadSourceOptions {
  readonly url: string;
  /** Folder the file is written to. */
  readonly dir: string;
  readonly maxBytes: number;
  readonly timeoutMs: number;
  /** @default globalThis.fetch */
  readonly fetch?: typeof fetch;
}

export interface DownloadedSource {
  readonly filePath: string;
  readonly bytes: number;
}

export class SourceDownloadError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SourceDownloadError';
  }
}

/** The file name a URL's source is ingested under: the last path segment, decoded. */
export function sourceFileNameOf(url: URL): string {
  const segment = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch (error) {
    throw new SourceDownloadError(`source URL ${url.href}: its file name is not valid URL encoding`, { cause: error });
  }
  if (decoded === '') throw new SourceDownloadError(`source URL ${url.href} names no file: expected a URL ending in the file name, e.g. https://host/exports/patents-2025-06.csv`);
  return plainFileName(decoded);
}

export async function downloadSource(options: DownloadSourceOptions): Promise<DownloadedSource> {
  const url = parseHttpsUrl(options.url);
  const filePath = path.join(options.dir, sourceFileNameOf(url));
  const where = `source ${url.origin}${url.pathname}`;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, { redirect: 'follow', signal: AbortSignal.timeout(options.timeoutMs) });
  } catch (error) {
    throw new SourceDownloadError(`${where}: download failed: ${(error as Error).message}`, { cause: error });
  }
  if (response.url !== '' && !response.url.startsWith('https:')) {
    throw new SourceDownloadError(`${where}: redirected to a non-HTTPS location ${new URL(response.url).origin}`);
  }
  if (!response.ok) throw new SourceDownloadError(`${where}: HTTP ${response.status} ${response.statusText}`.trimEnd());
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > options.maxBytes) throw new SourceDownloadError(`${where}: ${declared} bytes, more than the limit of ${options.maxBytes}`);
  if (response.body === null) throw new SourceDownloadError(`${where}: the response has no body`);
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > options.maxBytes) callback(new SourceDownloadError(`${where}: more than the limit of ${options.maxBytes} bytes`));
      else callback(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), limit, createWriteStream(filePath));
  } catch (error) {
    if (error instanceof SourceDownloadError) throw error;
    throw new SourceDownloadError(`${where}: download failed after ${bytes} bytes: ${(error as Error).message}`, { cause: error });
  }
  return { filePath, bytes };
}

function parseHttpsUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch (error) {
    throw new SourceDownloadError(`source URL ${JSON.stringify(text)} is not a URL`, { cause: error });
  }
  if (url.protocol !== 'https:') throw new SourceDownloadError(`source URL ${url.origin}${url.pathname} must use https, got ${url.protocol.replace(':', '')}`);
  if (url.username !== '' || url.password !== '') throw new SourceDownloadError(`source URL ${url.host}${url.pathname} must not carry credentials`);
  return url;
}
