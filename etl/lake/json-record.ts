/**
 * Reads a small JSON record kept beside the data — the lake's lake.json (lake-record.ts), an
 * output folder's published-from.json (etl/cli/output-guard.ts) — and checks it against its zod
 * schema. A damaged record is described the same way for both, naming the file: `<where> is not
 * JSON: …`, or `<where>: $.path: problem; $.other: problem`; the caller adds how to recover.
 */
import type { z } from 'zod';
import { jsonPathOf } from '../config/config-error.ts';
import type { ObjectStore } from './object-store.ts';

/** The record at `key`, or undefined when there is none; a damaged one throws `fail(problem, cause)`. */
export async function readJsonRecord<T>(store: ObjectStore, key: string, schema: z.ZodType<T>, fail: (problem: string, cause: unknown) => Error): Promise<T | undefined> {
  if (!(await store.exists(key))) return undefined;
  const where = `${store.location}/${key}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(await store.getText(key));
  } catch (error) {
    throw fail(`${where} is not JSON: ${(error as Error).message}`, error);
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw fail(`${where}: ${result.error.issues.map((issue) => `${jsonPathOf(issue.path)}: ${issue.message}`).join('; ')}`, result.error);
  return result.data;
}
