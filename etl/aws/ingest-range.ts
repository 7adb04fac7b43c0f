/**
 * ingest-range: parses and validates one byte range of a large source, exactly as a worker
 * thread does in a local ingestion (process-part.ts), and keeps what it became — staging CSVs
 * per partition, rejects, counts — in the work folder for merge-ranges. Writes nothing to the
 * lake proper, so a retried or abandoned range leaves no trace there.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { processPart, type PartOutcome } from '../ingest/process-part.ts';
import type { ObjectStore } from '../lake/object-store.ts';
import type { DatasetSpec } from '../schemas/dataset-spec.ts';
import { isSourceRejection, type SourceRejection } from '../sources/source-rejection.ts';
import { downloadObject } from './download-object.ts';
import { OUTCOME_OBJECT, type StoredPartOutcome } from './part-outcome-object.ts';
import { partPrefix, type RangeItem, type RangeResult } from './range-plan.ts';

export interface IngestRangeOptions {
  readonly lake: ObjectStore;
  /** The source object's key. */
  readonly key: string;
  readonly dataset: DatasetSpec;
  readonly range: RangeItem;
}

export async function ingestRange({ lake, key, dataset, range }: IngestRangeOptions): Promise<RangeResult> {
  const workDir = await mkdtemp(path.join(tmpdir(), `ipstats-range-${range.part}-`));
  try {
    const filePath = path.join(workDir, 'range.csv');
    const { bytes } = await downloadObject(lake, key, filePath, range);
    const stored = await processRange(dataset, range, filePath, bytes, workDir);
    const prefix = partPrefix(range.workPrefix, range.part);
    // Data first and the outcome last: an outcome object means the part is complete.
    for (const file of stored.files) await lake.putFile(`${prefix}${file.object}`, file.path, { contentType: 'text/csv' });
    await lake.put(`${prefix}${OUTCOME_OBJECT}`, `${JSON.stringify(stored.outcome)}\n`, { contentType: 'application/json' });
    const { part, records, read, accepted, rejected, fileRejected } = stored.outcome;
    return { part, records, read, accepted, rejected, fileRejected: fileRejected?.message ?? null };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function processRange(dataset: DatasetSpec, range: RangeItem, filePath: string, bytes: number, workDir: string) {
  let outcome: PartOutcome;
  try {
    outcome = await processPart(
      {
        filePath,
        range: { start: 0, end: bytes },
        encoding: range.encoding,
        dialect: { delimiter: range.delimiter, newline: range.newline },
        part: range.part,
        header: range.part === 0 ? undefined : (range.header ?? undefined),
        sha256: range.sha256,
        ingestSeq: range.ingestSeq,
        workDir,
      },
      dataset,
    );
  } catch (error) {
    // The same errors that make ingestFile reject a file whole; anything else is a failure of this run.
    if (!isSourceRejection(error)) throw error;
    return { files: [], outcome: rejectedWhole(range.part, error) };
  }
  const files = outcome.stagingFiles.map((file) => ({ object: `staging-${file.key}.csv`, path: file.path }));
  if (outcome.rejectsPath !== null) files.push({ object: 'rejects.jsonl', path: outcome.rejectsPath });
  const stored: StoredPartOutcome = {
    part: outcome.part,
    records: outcome.records,
    lines: outcome.lines,
    read: outcome.read,
    accepted: outcome.accepted,
    rejected: outcome.rejected,
    rejectRules: outcome.rejectRules,
    headers: outcome.headers,
    unknownColumns: outcome.unknownColumns,
    periods: outcome.periods,
    stagingFiles: outcome.stagingFiles.map((file) => ({ key: file.key, rows: file.rows, object: `staging-${file.key}.csv`, ...(file.longLines ? { longLines: true } : {}) })),
    rejectsObject: outcome.rejectsPath === null ? null : 'rejects.jsonl',
    fileRejected: null,
  };
  return { files, outcome: stored };
}

function rejectedWhole(part: number, error: SourceRejection): StoredPartOutcome {
  return {
    part,
    records: 0,
    lines: 0,
    read: 0,
    accepted: 0,
    rejected: 0,
    rejectRules: {},
    headers: {},
    unknownColumns: [],
    periods: { first: null, last: null },
    stagingFiles: [],
    rejectsObject: null,
    fileRejected: { name: error.name, message: error.message, reason: error.reason, ...(error.line === undefined ? {} : { line: error.line }) },
  };
}
