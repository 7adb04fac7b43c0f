/**
 * The work of the `ingest` function, given a parsed event: each created inbox object in turn
 * (all records of an S3 event), a named object, an HTTPS source, or the city configuration.
 * A failing record does not stop the others; the failures are thrown together at the end, so
 * the invocation fails (retried, then dead-lettered) and the retry finds the files that did get
 * ingested already done — re-ingesting the same bytes is a no-op.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SOURCE_EXTENSIONS } from '../ingest/ingest-paths.ts';
import { writeCityConfigTable } from '../pipeline/city-config-table.ts';
import { getDataset } from '../schemas/index.ts';
import { loadCityConfigObject } from './city-config-object.ts';
import { downloadSource } from './download-source.ts';
import { parseInboxKey } from './inbox-key.ts';
import type { IngestEvent } from './ingest-event.ts';
import { ingestLocalSource, ingestObject } from './ingest-object.ts';
import type { IngestSummary } from './ingest-summary.ts';
import type { StoreOpener } from './object-stores.ts';
import { createdObjects, type S3ObjectRef } from './s3-event.ts';
import { lakeUrl, type IngestEnv } from './runtime-env.ts';
import type { RuntimeLogger } from './runtime-logger.ts';

export interface IngestRequestDeps {
  readonly env: IngestEnv;
  readonly logger: RuntimeLogger;
  readonly openStore: StoreOpener;
  readonly now?: () => Date;
  readonly fetch?: typeof fetch;
}

export type IngestResponse =
  | { readonly results: readonly IngestSummary[]; readonly ignored: readonly string[] }
  | { readonly published: 'city_config'; readonly key: string; readonly cities: number };

export class IngestFailedError extends Error {
  constructor(readonly failures: readonly { readonly source: string; readonly error: unknown }[]) {
    super(
      `${failures.length} source(s) could not be ingested: ` +
        failures.map(({ source, error }) => `${source}: ${error instanceof Error ? error.message : String(error)}`).join('; '),
      { cause: failures.length === 1 ? failures[0]?.error : new AggregateError(failures.map((failure) => failure.error)) },
    );
    this.name = 'IngestFailedError';
  }
}

export async function handleIngestRequest(request: IngestEvent, deps: IngestRequestDeps): Promise<IngestResponse> {
  switch (request.kind) {
    case 's3-event':
      return ingestCreatedObjects(createdObjects(request.event), deps);
    case 'object': {
      const bucket = request.event.bucket ?? requiredLakeBucket(deps.env);
      const summary = await ingestOne(`s3://${bucket}/${request.event.key}`, deps, () =>
        ingestObject({ source: deps.openStore(`s3://${bucket}`), key: request.event.key, dataset: getDataset(request.event.dataset), lake: lakeOf(deps, bucket), now: deps.now }),
      );
      return { results: [summary], ignored: [] };
    }
    case 'url': {
      const summary = await ingestOne(urlWithoutQuery(request.event.url), deps, () => ingestUrl(request.event, deps));
      return { results: [summary], ignored: [] };
    }
    case 'city-config':
      return publishCityConfig(deps);
  }
}

async function ingestCreatedObjects(objects: readonly S3ObjectRef[], deps: IngestRequestDeps): Promise<IngestResponse> {
  const results: IngestSummary[] = [];
  const ignored: string[] = [];
  const failures: { source: string; error: unknown }[] = [];
  for (const object of objects) {
    const source = `s3://${object.bucket}/${object.key}`;
    const extension = path.extname(object.key).toLowerCase();
    if (!(SOURCE_EXTENSIONS as readonly string[]).includes(extension)) {
      deps.logger.warn('not a source file, left in the inbox', { source, expected: SOURCE_EXTENSIONS.join(' ') });
      ignored.push(source);
      continue;
    }
    try {
      const { dataset, fileName } = parseInboxKey(object.key, deps.env.LAKE_PREFIX);
      results.push(
        await ingestOne(source, deps, () =>
          ingestObject({ source: deps.openStore(`s3://${object.bucket}`), key: object.key, fileName, dataset: getDataset(dataset), lake: lakeOf(deps, object.bucket), now: deps.now }),
        ),
      );
    } catch (error) {
      failures.push({ source, error });
    }
  }
  if (failures.length > 0) throw new IngestFailedError(failures);
  return { results, ignored };
}

/** Runs one ingestion and logs its outcome: counts only. */
async function ingestOne(source: string, deps: IngestRequestDeps, ingest: () => Promise<IngestSummary>): Promise<IngestSummary> {
  deps.logger.info('ingesting', { source });
  try {
    const summary = await ingest();
    const fields = { source, dataset: summary.dataset, sha256: summary.sha256, status: summary.status, ...summary.rows };
    if (summary.status === 'file_rejected') deps.logger.warn('file rejected', { ...fields, error: summary.error });
    else deps.logger.info(summary.status === 'skipped' ? 'already ingested' : 'ingested', fields);
    return summary;
  } catch (error) {
    deps.logger.error('ingestion failed', { source, error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

async function ingestUrl(event: { dataset: string; url: string }, deps: IngestRequestDeps): Promise<IngestSummary> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'ipstats-download-'));
  try {
    const { filePath } = await downloadSource({
      url: event.url,
      dir: workDir,
      maxBytes: deps.env.MAX_SOURCE_BYTES,
      timeoutMs: deps.env.SOURCE_DOWNLOAD_TIMEOUT_MS,
      fetch: deps.fetch,
    });
    const lake = lakeOf(deps, requiredLakeBucket(deps.env));
    return await ingestLocalSource({ filePath, sourceName: urlWithoutQuery(event.url), dataset: getDataset(event.dataset), lake, now: deps.now });
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function publishCityConfig(deps: IngestRequestDeps): Promise<IngestResponse> {
  const url = deps.env.CITY_CONFIG_URL;
  if (url === undefined) throw new Error('the ingest function cannot publish the city configuration: CITY_CONFIG_URL is not set');
  const config = await loadCityConfigObject(url, deps.openStore);
  const key = await writeCityConfigTable(lakeOf(deps, requiredLakeBucket(deps.env)), config);
  deps.logger.info('city configuration published', { source: url, key, cities: config.cities.length });
  return { published: 'city_config', key, cities: config.cities.length };
}

function lakeOf(deps: IngestRequestDeps, eventBucket: string) {
  return deps.openStore(lakeUrl(deps.env.LAKE_BUCKET ?? eventBucket, deps.env.LAKE_PREFIX));
}

function requiredLakeBucket(env: IngestEnv): string {
  if (env.LAKE_BUCKET === undefined) throw new Error('LAKE_BUCKET is not set: the ingest function needs it for events that do not come from the lake bucket');
  return env.LAKE_BUCKET;
}

/** A source URL for logs and summaries: its query string may carry an access token. */
function urlWithoutQuery(text: string): string {
  try {
    const url = new URL(text);
    return `${url.origin}${url.pathname}`;
  } catch {
    return '(not a valid URL)';
  }
}
