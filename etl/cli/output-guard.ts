/**
 * Keeps the reports of different lakes in different output folders. An output folder remembers
 * the lake its reports were published from (`published-from.json` at its root); `run` and
 * `report` refuse (exit status 2) to publish another lake's reports there, because the new
 * reports would replace the other lake's for the same city and month, the index would list both,
 * and every revision (修订说明) would compare the figures with the other lake's.
 *
 * The lake is named relative to the output folder when both are local folders, so a project
 * folder moved as a whole keeps working; otherwise by its location (s3://…).
 */
import path from 'node:path';
import { z } from 'zod';
import type { ObjectStore } from '../lake/object-store.ts';
import { readJsonRecord } from '../lake/json-record.ts';
import { readLakeRecord } from '../lake/lake-record.ts';
import { openObjectStore } from '../lake/open-object-store.ts';
import { UsageError } from './cli-errors.ts';
import type { Logger } from './logger.ts';

export const PUBLISHED_FROM_KEY = 'published-from.json';

const PublishedFromSchema = z
  .object({
    schema_version: z.literal(1),
    /** The lake, relative to the output folder when both are local folders, else its location. */
    lake: z.string().min(1),
    /** ISO-8601, UTC: when the first reports of this lake were published here. */
    written_at: z.string().datetime(),
  })
  .strict();
type PublishedFrom = z.infer<typeof PublishedFromSchema>;

/** The reports would be published beside another lake's: exit status 2. */
export class OutputMixingError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'OutputMixingError';
  }
}

export interface OutputGuardOptions {
  /** `--out` as given. */
  readonly out: string;
  /** The lake the reports are built from (opened). */
  readonly lake: ObjectStore;
  readonly logger: Logger;
  readonly now?: () => Date;
}

/**
 * Refuses an output folder holding another lake's reports (nothing written). Returns what to call
 * once the reports are published: it records the lake when the folder has no record yet.
 */
export async function guardOutput(options: OutputGuardOptions): Promise<{ readonly recordPublication: () => Promise<void> }> {
  const out = openObjectStore(options.out);
  const lakeName = lakeAsSeenFrom(out.location, options.lake.location);
  const existing = await readPublishedFrom(out);
  if (existing !== undefined) {
    if (existing.lake !== lakeName) refuse(options, out, existing.lake, `${PUBLISHED_FROM_KEY}, ${existing.written_at}`);
    return { recordPublication: async () => {} };
  }
  // An output folder made before published-from.json: its reports came from the lake inside it, if it holds one.
  const publishedBefore = (await out.list('reports/')).length > 0;
  const innerLake = publishedBefore ? await lakeInside(out) : null;
  if (innerLake !== null && innerLake !== lakeName) refuse(options, out, innerLake, `made before ${PUBLISHED_FROM_KEY}; the lake inside it`);
  if (publishedBefore) options.logger.warn('output folder made before published-from.json adopted', { out: options.out, lake: lakeName });
  const record: PublishedFrom = { schema_version: 1, lake: lakeName, written_at: (options.now?.() ?? new Date()).toISOString() };
  return {
    recordPublication: async () => {
      await out.put(PUBLISHED_FROM_KEY, `${JSON.stringify(record, null, 2)}\n`, { contentType: 'application/json' });
    },
  };
}

function lakeAsSeenFrom(outLocation: string, lakeLocation: string): string {
  const local = (location: string) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(location);
  if (!local(outLocation) || !local(lakeLocation)) return lakeLocation;
  return path.relative(outLocation, lakeLocation).split(path.sep).join('/') || '.';
}

async function readPublishedFrom(out: ObjectStore): Promise<PublishedFrom | undefined> {
  return readJsonRecord(out, PUBLISHED_FROM_KEY, PublishedFromSchema, (problem, cause) => new UsageError(`${problem}: restore it, or remove it if this folder's reports are the lake's you give`, { cause }));
}

/** The folder `lake/` inside a local output folder, when it is a lake (it has lake.json). */
async function lakeInside(out: ObjectStore): Promise<string | null> {
  if (out.localPath === undefined) return null;
  const inner = openObjectStore(path.join(out.location, 'lake'));
  try {
    return (await readLakeRecord(inner)) === undefined ? null : 'lake';
  } catch {
    return 'lake';
  }
}

function refuse(options: OutputGuardOptions, out: ObjectStore, publishedFrom: string, evidence: string): never {
  const theirs = /^[a-z][a-z0-9+.-]*:\/\//i.test(publishedFrom) || path.isAbsolute(publishedFrom) ? publishedFrom : path.join(out.location, publishedFrom);
  throw new OutputMixingError(
    `the output ${options.out} holds the reports of the lake ${theirs} (${evidence}): publishing the reports of the lake ${options.lake.location} there would replace that lake's reports of the same cities and months, and every revision (修订说明) would compare with its figures. ` +
      `Give these reports a folder of their own with --out <new folder>; if ${options.lake.location} is that lake moved, remove ${out.location}/${PUBLISHED_FROM_KEY}`,
  );
}
