/**
 * A manifest says what one source file became. Written last, so its presence means the file
 * was ingested completely; re-ingesting the same bytes (same SHA-256) is then a no-op.
 */
import { z } from 'zod';
import { lakeKeys } from '../lake/lake-keys.ts';
import type { ObjectStore } from '../lake/object-store.ts';
import { DATASET_NAMES } from '../schemas/dataset-spec.ts';
import { SOURCE_ENCODINGS } from '../sources/detect-encoding.ts';

export const MANIFEST_SCHEMA_VERSION = 1;

const CountByRule = z.record(z.string(), z.number().int().nonnegative());
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month YYYY-MM');

/** A partition period: `YYYY-MM` (monthly datasets) or `YYYY` (annual datasets). */
const PartitionPeriod = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'expected a period YYYY-MM or YYYY');

/**
 * Rejected rows of one city and month (etl/ingest/rejects-by-city.ts): the city from the row's
 * raw city codes rolled up as the ingestion rolls them up (null: none parsed), the month from
 * its raw partition value (null: unpartitioned, or the value did not parse).
 */
export const RejectedByCitySchema = z
  .object({
    city_code: z.string().regex(/^\d{6}$/, 'expected a six-digit city code').nullable(),
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month YYYY-MM').nullable(),
    /** Rejected rows; a row naming two cities counts for each. */
    rows: z.number().int().positive(),
    /** The reasons of those rows by rule, counted as `reject_rules` counts them. */
    rules: CountByRule,
  })
  .strict();
export type RejectedByCity = z.infer<typeof RejectedByCitySchema>;

export const ManifestSchema = z
  .object({
    schema_version: z.literal(MANIFEST_SCHEMA_VERSION),
    dataset: z.enum(DATASET_NAMES),
    status: z.enum(['ingested', 'file_rejected']),
    /** Why the whole file was rejected (status file_rejected). */
    error: z.string().nullable(),
    ingest_seq: z.number().int().positive(),
    ingested_at: z.string(),
    source: z.object({
      name: z.string(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      bytes: z.number().int().nonnegative(),
      encoding: z.enum(SOURCE_ENCODINGS).nullable(),
      delimiter: z.string().nullable(),
    }),
    /** Curated column → the header it was read from. */
    headers: z.record(z.string(), z.string()),
    unknown_columns: z.array(z.string()),
    rows: z.object({ read: z.number().int(), accepted: z.number().int(), rejected: z.number().int() }),
    reject_rules: CountByRule,
    /**
     * Rejected rows by city and month, sorted by city_code then month (nulls last). Written for
     * every ingested file (empty without rejects); absent in older manifests and rejected files.
     */
    rejected_by_city: z.array(RejectedByCitySchema).optional(),
    periods: z.object({ first: z.string().nullable(), last: z.string().nullable() }),
    /**
     * The months the delivery covers, as an operator declared them (docs/operations.md "Declare
     * what a delivery covers"), and where: `--covers`, `<dataset folder>/coverage.json` or
     * `s3 metadata ipstats-covers`. Only on ingested files of monthly datasets; absent when
     * nothing was declared. A later ingestion of the same bytes with another declaration
     * rewrites it.
     */
    coverage: z
      .strictObject({ first: Month, last: Month, declared_in: z.string().min(1) })
      .refine((coverage) => coverage.first <= coverage.last, { message: 'coverage.first must not be after coverage.last' })
      .optional(),
    keys: z.object({
      columns: z.array(z.string()),
      distinct: z.number().int(),
      /** Accepted rows of this file superseded by a later row of the same file with the same key. */
      superseded_in_file: z.number().int(),
      /** Rows of earlier files that this file supersedes, by the earlier file's SHA-256. */
      supersedes: CountByRule,
      /**
       * The same rows by the partition period they were in (`YYYY-MM` or `YYYY`); absent for
       * unpartitioned datasets and in manifests written before it existed.
       */
      superseded_months: z.record(PartitionPeriod, z.number().int().positive()).optional(),
    }),
    outputs: z.object({
      raw: z.string(),
      curated: z.array(z.string()),
      rejects: z.string().nullable(),
    }),
    /**
     * Findings of a whole-file check (DatasetSpec.checkWholeFile) that did not reject the file,
     * and the warning about accepted rows outside the declared coverage (etl/coverage/outside-coverage.ts).
     */
    warnings: z.array(z.string()).optional(),
    /** Facts a whole-file check reports about the file (e.g. classes per category). */
    summary: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .refine((manifest) => manifest.rows.read === manifest.rows.accepted + manifest.rows.rejected, {
    message: 'rows.read must equal rows.accepted + rows.rejected',
  });
export type Manifest = z.infer<typeof ManifestSchema>;

/** Reads and checks the manifest at `key`. Free of DuckDB, so the report and split Lambdas can use it. */
export async function readManifest(store: ObjectStore, key: string): Promise<Manifest> {
  const text = await store.getText(key);
  try {
    return ManifestSchema.parse(JSON.parse(text));
  } catch (error) {
    throw new Error(`manifest ${key} in ${store.location} is not a valid manifest: ${(error as Error).message}`, { cause: error });
  }
}

/** The manifest at `key`, or undefined when the file has not been ingested. */
export async function readManifestIfAny(store: ObjectStore, key: string): Promise<Manifest | undefined> {
  return (await store.exists(key)) ? readManifest(store, key) : undefined;
}

/** Every manifest of the lake, in key order (DuckDB-free, so the `report` Lambda can call it). */
export async function readAllManifests(store: ObjectStore): Promise<Manifest[]> {
  const manifests: Manifest[] = [];
  for (const object of await store.list(lakeKeys.manifestsRoot)) {
    if (object.key.endsWith('.json')) manifests.push(await readManifest(store, object.key));
  }
  return manifests;
}

/** Writes `manifest` at `key` as the lake keeps it: indented JSON with a final newline. */
export async function writeManifest(store: ObjectStore, key: string, manifest: Manifest): Promise<void> {
  await store.put(key, `${JSON.stringify(manifest, null, 2)}\n`, { contentType: 'application/json' });
}
