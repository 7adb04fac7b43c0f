/**
 * `lake.json` at the lake's root: what the lake was built for — the shipped sample or a user's
 * data — and the input and configuration it was first built from. Written once, by the first
 * command that writes the lake (or when a lake made before lake.json is adopted); the commands
 * that ingest read it to refuse mixing the sample and a user's data (etl/cli/lake-guard.ts).
 */
import { z } from 'zod';
import { readJsonRecord } from './json-record.ts';
import { lakeKeys } from './lake-keys.ts';
import type { ObjectStore } from './object-store.ts';

export const LAKE_RECORD_SCHEMA_VERSION = 1;

export const LAKE_PURPOSES = ['sample', 'user'] as const;
export type LakePurpose = (typeof LAKE_PURPOSES)[number];

export const LakeRecordSchema = z
  .object({
    schema_version: z.literal(LAKE_RECORD_SCHEMA_VERSION),
    /** `sample`: the shipped sample (samples/default); `user`: anything else. */
    built_for: z.enum(LAKE_PURPOSES),
    /** `created`: by the command that first wrote the lake; `adopted`: for a lake made before lake.json, its purpose inferred from its files. */
    origin: z.enum(['created', 'adopted']),
    /** The command that wrote this record. */
    written_by: z.enum(['ipstats run', 'ipstats ingest']),
    /** ISO-8601, UTC. */
    written_at: z.string().datetime(),
    /** Absolute paths: the input folder of `run`, or the files and folders given to `ingest`. */
    inputs: z.array(z.string()).min(1),
    /** Absolute path of the city configuration of `run`; null for `ingest`, which reads none. */
    config: z.string().nullable(),
  })
  .strict();
export type LakeRecord = z.infer<typeof LakeRecordSchema>;

/** lake.json exists but cannot be used: it says where and what is wrong (exit status 2: the operator restores or removes it). */
export class LakeRecordError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'LakeRecordError';
  }
}

/** The lake's record, or undefined when it has none (a new lake, or one made before lake.json). */
export async function readLakeRecord(store: ObjectStore): Promise<LakeRecord | undefined> {
  return readJsonRecord(store, lakeKeys.lakeRecord, LakeRecordSchema, (problem, cause) => new LakeRecordError(`${problem}; restore it, or remove it to have the lake adopted again`, { cause }));
}

export async function writeLakeRecord(store: ObjectStore, record: LakeRecord): Promise<void> {
  await store.put(lakeKeys.lakeRecord, `${JSON.stringify(LakeRecordSchema.parse(record), null, 2)}\n`, { contentType: 'application/json' });
}
