/**
 * The plan of a large source's fan-out, passed between the Lambdas by Step Functions:
 * split-source returns it, each Distributed Map item is one of its ranges (self-contained:
 * everything ingest-range needs), and merge-ranges receives it whole.
 */
import { z } from 'zod';
import { DATASET_NAMES } from '../schemas/dataset-spec.ts';
import { SOURCE_ENCODINGS } from '../sources/detect-encoding.ts';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 in lower-case hex');
const Count = z.number().int().nonnegative();

export const RangeItemSchema = z.strictObject({
  /** 0 for the range holding the header. */
  part: Count,
  /** First byte (a record's first byte) and one past the last byte of the range in the source object. */
  start: Count,
  end: Count,
  sha256: Sha256,
  ingestSeq: z.number().int().positive(),
  encoding: z.enum(SOURCE_ENCODINGS),
  delimiter: z.string().length(1),
  newline: z.enum(['\r\n', '\n', '\r']),
  /** The file's header, for parts other than 0 (which read it themselves). */
  header: z.array(z.string()).nullable(),
  /** Folder of the lake bucket where this source's parts are kept until merged (`work/<dataset>/<sha256>/`). */
  workPrefix: z.string().regex(/^[^/].*\/$/),
});
export type RangeItem = z.infer<typeof RangeItemSchema>;

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month YYYY-MM');

export const RangePlanSchema = z.strictObject({
  dataset: z.enum(DATASET_NAMES),
  key: z.string().min(1),
  sha256: Sha256,
  bytes: Count,
  /**
   * These bytes were ingested before: no ranges, and merge-ranges returns the recorded summary
   * (after recording `declaredCoverage` when it differs from the manifest's).
   */
  alreadyIngested: z.boolean(),
  ranges: z.array(RangeItemSchema),
  /**
   * The object's coverage declaration (its `ipstats-covers` metadata, etl/aws/covers-metadata.ts),
   * read and checked by split-source so a malformed one fails before any range is parsed.
   * Absent when the object declares nothing.
   */
  declaredCoverage: z.strictObject({ first: Month, last: Month, declaredIn: z.string().min(1) }).optional(),
});
export type RangePlan = z.infer<typeof RangePlanSchema>;

/** What ingest-range returns to the Map: small, the part's files stay in the work folder. */
export const RangeResultSchema = z.strictObject({
  part: Count,
  records: Count,
  read: Count,
  accepted: Count,
  rejected: Count,
  /** Why this part makes the file rejected whole (missing columns, broken quoting), else null. */
  fileRejected: z.string().nullable(),
});
export type RangeResult = z.infer<typeof RangeResultSchema>;

export function workPrefixFor(workRoot: string, dataset: string, sha256: string): string {
  return `${workRoot}${dataset}/${sha256}/`;
}

export function partPrefix(workPrefix: string, part: number): string {
  return `${workPrefix}part-${String(part).padStart(5, '0')}/`;
}
