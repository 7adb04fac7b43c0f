/**
 * The work of the `ingest` function, given a parsed event: each created inbox object in turn
 * (all records of an S3 event), a named object, an HTTPS source, or the city configuration.
 * Objects of an event that are not source files, or not directly in a known dataset folder
 * (`inbox/<dataset>/<file>`), are left where they are with a warning: no attempt could ever
 * ingest them, so failing would only retry them into the dead-letter queue.
 * A failing record does not stop the others; the failures are thrown together at the end, so
 * the invocation fails (retried, then dead-lettered) and the retry finds the files that did get
 * ingested already done — re-ingesting the same bytes is a no-op.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SOURCE_EXTENSIONS } from '../ingest/source-files.ts';
import { ensureDefaultClassification } from '../classification/default-classification.ts';
import { writeCityConfigTable } from '../pipeline/city-config-table.ts';
import { getDataset } from '../schemas/index.ts';
import { loadCityConfigObject } from './city-config-object.ts';
import { downloadSource } from './download-source.ts';
import { InboxKeyError, parseInboxKey, type InboxObject } from './inbox-key.ts';
import type { IngestEvent } from './ingest-event.ts';
import { ingestLocalSource, ingestObject } from './ingest-object.ts';
import type { IngestSummary } from './ingest-summary.ts';
import type { LargeSourceStarter } from './large-source-starter.ts';
import type { StoreOpener } from './object-stores.ts';
import { bucketUrl, type IngestEnv } from './runtime-env.ts';
import type { RuntimeLogger } from './runtime-logger.ts';
import { createdObjects, type S3ObjectRef } from './s3-event.ts';

export interface IngestRequestDeps {
  readonly env: IngestEnv;
  readonly logger: RuntimeLogger;
  readonly openStore: StoreOpener;
  /** Absent when no large-source state machine is configured: every file is ingested here. */
  readonly largeSources?: LargeSourceStarter;
  readonly now?: () => Date;
  readonly fetch?: typeof fetch;
}

export interface S3EventResponse {
  readonly results: readonly IngestSummary[];
  /** Objects that are not source files (README, folder markers) or not in a dataset folder of the inbox, left alone. */
  readonly ignored: readonly string[];
  /** Objects handed to the large-source state machine, by execution name. */
  readonly delegated: readonly { readonly key: string; readonly execution: string }[];
}

export type IngestResponse = S3EventResponse | IngestSummary | { readonly published: 'city_config'; readonly key: string; readonly cities: number };

export class IngestFailedError extends Error {
  constructor(readonly failures: readonly { readonly key: string; readonly error: unknown }[]) {
    super(
      `${failures.length} source(s) could not be ingested: ` +
        failures.map(({ key, error }) => `${key}: ${error instanceof Error ? error.message : String(error)}`).join('; '),
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
      const { dataset, key, bucket } = request.event;
      const source = deps.openStore(bucketUrl(bucket ?? deps.env.IPSTATS_LAKE_BUCKET));
      return ingestOne(key, deps, () => ingestObject({ source, key, dataset: getDataset(dataset), lake: lakeOf(deps), now: deps.now }));
    }
    case 'url':
      return ingestOne(urlWithoutQuery(request.event.url), deps, () => ingestUrl(request.event, deps));
    case 'city-config':
      return publishCityConfig(deps);
  }
}

async function ingestCreatedObjects(objects: readonly S3ObjectRef[], deps: IngestRequestDeps): Promise<S3EventResponse> {
  const results: IngestSummary[] = [];
  const ignored: string[] = [];
  const delegated: { key: string; execution: string }[] = [];
  const failures: { key: string; error: unknown }[] = [];
  for (const object of objects) {
    const { key } = object;
    if (!(SOURCE_EXTENSIONS as readonly string[]).includes(path.extname(key).toLowerCase())) {
      deps.logger.warn('not a source file, left in the inbox', { key, expected: SOURCE_EXTENSIONS.join(' ') });
      ignored.push(key);
      continue;
    }
    const inbox = inboxObjectOrReason(key);
    if (typeof inbox === 'string') {
      // A stray object would fail every attempt and land in the dead-letter queue: say why once and leave it.
      deps.logger.warn('not in a dataset folder of the inbox, left where it is', { key, reason: inbox });
      ignored.push(key);
      continue;
    }
    try {
      const { dataset, fileName } = inbox;
      if (deps.largeSources !== undefined && (object.size ?? 0) >= deps.env.IPSTATS_LARGE_SOURCE_BYTES) {
        const execution = await deps.largeSources.start({ dataset, key }, { bucket: object.bucket, size: object.size ?? 0, eTag: object.eTag });
        deps.logger.info('large source handed to the large-source state machine', { key, bytes: object.size, execution });
        delegated.push({ key, execution });
        continue;
      }
      const source = deps.openStore(bucketUrl(object.bucket));
      results.push(await ingestOne(key, deps, () => ingestObject({ source, key, fileName, dataset: getDataset(dataset), lake: lakeOf(deps), now: deps.now })));
    } catch (error) {
      failures.push({ key, error });
    }
  }
  if (failures.length > 0) throw new IngestFailedError(failures);
  return { results, ignored, delegated };
}

/** The dataset folder and file of an inbox key, or why the key is not one (InboxKeyError's message). */
function inboxObjectOrReason(key: string): InboxObject | string {
  try {
    return parseInboxKey(key);
  } catch (error) {
    if (error instanceof InboxKeyError) return error.message;
    throw error;
  }
}

/** Runs one ingestion and logs its outcome: counts only. */
async function ingestOne(key: string, deps: IngestRequestDeps, ingest: () => Promise<IngestSummary>): Promise<IngestSummary> {
  deps.logger.info('ingesting', { key });
  try {
    const summary = await ingest();
    const { dataset, sha256, status, rowsRead, rowsAccepted, rowsRejected, rejectRate, coverage } = summary;
    const fields = { key, dataset, sha256, status, rowsRead, rowsAccepted, rowsRejected, rejectRate, ...(coverage === undefined ? {} : { coverage }) };
    if (status === 'file_rejected') deps.logger.warn('file rejected', { ...fields, error: summary.error });
    else if (summary.coverageUpdated === true) deps.logger.info('coverage declaration updated', fields);
    else deps.logger.info(status === 'skipped' ? 'already ingested' : 'ingested', fields);
    if (summary.coverageWarning !== undefined) deps.logger.warn('rows outside the declared coverage', { key, dataset, warning: summary.coverageWarning });
    return summary;
  } catch (error) {
    deps.logger.error('ingestion failed', { key, error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

async function ingestUrl(event: { dataset: string; url: string }, deps: IngestRequestDeps): Promise<IngestSummary> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'ipstats-download-'));
  try {
    const { filePath } = await downloadSource({
      url: event.url,
      dir: workDir,
      maxBytes: deps.env.IPSTATS_MAX_SOURCE_BYTES,
      timeoutMs: deps.env.IPSTATS_SOURCE_DOWNLOAD_TIMEOUT_MS,
      fetch: deps.fetch,
    });
    return await ingestLocalSource({ filePath, key: urlWithoutQuery(event.url), dataset: getDataset(event.dataset), lake: lakeOf(deps), now: deps.now });
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function publishCityConfig(deps: IngestRequestDeps): Promise<IngestResponse> {
  const lake = lakeOf(deps);
  const config = await loadCityConfigObject(lake, deps.env.IPSTATS_CITY_CONFIG_KEY);
  const key = await writeCityConfigTable(lake, config);
  deps.logger.info('city configuration published', { source: deps.env.IPSTATS_CITY_CONFIG_KEY, key, cities: config.cities.length });
  // Before the views are refreshed: a fresh deployment's lake gets the official 2019 classification.
  await ensureDefaultClassification(lake, { logger: deps.logger, ...(deps.now === undefined ? {} : { now: deps.now }) });
  return { published: 'city_config', key, cities: config.cities.length };
}

function lakeOf(deps: IngestRequestDeps) {
  return deps.openStore(bucketUrl(deps.env.IPSTATS_LAKE_BUCKET));
}

/** A source URL for logs and summaries: its query string may carry an access token. */
function urlWithoutQuery(text: string): string {
  try {
    const url = new URL(text);
    return `${url.origin}${url.pathname}`;
  } catch {
    // downloadSource reports the malformed URL itself.
    return '(not a valid URL)';
  }
}
