/**
 * A part's outcome (process-part.ts) as stored in the work folder between ingest-range and
 * merge-ranges: the counts as they are, local file paths replaced by object names in the part's
 * folder, and the reason when the part makes the whole file rejected.
 */
import { z } from 'zod';

const Count = z.number().int().nonnegative();

export const StoredPartOutcomeSchema = z.strictObject({
  part: Count,
  records: Count,
  /** Line breaks in the part (process-part.ts): the file's lines are counted on from the parts before. */
  lines: Count,
  read: Count,
  accepted: Count,
  rejected: Count,
  rejectRules: z.record(z.string(), Count),
  headers: z.record(z.string(), z.string()),
  unknownColumns: z.array(z.string()),
  periods: z.strictObject({ first: z.string().nullable(), last: z.string().nullable() }),
  /** Staging CSVs by partition key (partition-key.ts), named within the part's folder. */
  stagingFiles: z.array(z.strictObject({ key: z.number().int(), rows: Count, object: z.string(), longLines: z.boolean().optional() })),
  rejectsObject: z.string().nullable(),
  /**
   * The rejection the part ended with (etl/sources/source-rejection.ts): the file is rejected whole.
   * `line` is counted in the part; merge-ranges adds the lines of the parts before.
   */
  fileRejected: z.strictObject({ name: z.string(), message: z.string(), reason: z.string().optional(), line: z.number().int().positive().optional() }).nullable(),
});
export type StoredPartOutcome = z.infer<typeof StoredPartOutcomeSchema>;

export const OUTCOME_OBJECT = 'outcome.json';
