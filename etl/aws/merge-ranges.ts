/**
 * merge-ranges: publishes a large source that ingest-range parsed in parts. It runs ingestFile
 * itself on the source object — same SHA-256, raw copy, ingest sequence, Parquet writer,
 * supersession count and manifest as a single ingestion — with the parse step replaced by the
 * parts' outcomes, combined by the same code that combines worker threads' parts locally
 * (combinePartOutcomes). So the lake is the one a single ingestion writes, byte for byte
 * (timestamps aside), with rejects in record order. The work folder is removed afterwards.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ingestFile } from '../ingest/ingest-file.ts';
import { readManifest } from '../ingest/manifest.ts';
import { redeclareCoverage } from '../ingest/manifest-coverage.ts';
import type { PartOutcome } from '../ingest/process-part.ts';
import { combinePartOutcomes, type ProcessedSource, type ProcessSourceOptions } from '../ingest/process-source.ts';
import type { ObjectStore } from '../lake/object-store.ts';
import { lakeKeys } from '../lake/lake-keys.ts';
import type { DatasetSpec } from '../schemas/dataset-spec.ts';
import { sourceRejectionOf, type SourceRejection } from '../sources/source-rejection.ts';
import { downloadObject } from './download-object.ts';
import { summaryOf, type IngestSummary } from './ingest-summary.ts';
import { OUTCOME_OBJECT, StoredPartOutcomeSchema, type StoredPartOutcome } from './part-outcome-object.ts';
import { fileNameOfKey } from './plain-file-name.ts';
import { partPrefix, type RangePlan } from './range-plan.ts';

export interface MergeRangesOptions {
  readonly lake: ObjectStore;
  readonly dataset: DatasetSpec;
  readonly plan: RangePlan;
  readonly now?: () => Date;
}

export async function mergeRanges({ lake, dataset, plan, now }: MergeRangesOptions): Promise<IngestSummary> {
  const { declaredCoverage } = plan;
  if (plan.alreadyIngested) {
    const manifestKey = lakeKeys.manifest(dataset.name, plan.sha256);
    const manifest = await readManifest(lake, manifestKey);
    if (declaredCoverage === undefined) return summaryOf(plan.key, manifest, manifestKey, true);
    // As ingestFile does for bytes it has seen: only a different declaration rewrites the manifest.
    const redeclared = await redeclareCoverage(lake, manifestKey, manifest, declaredCoverage);
    return summaryOf(plan.key, redeclared.manifest, manifestKey, true, redeclared);
  }
  const workDir = await mkdtemp(path.join(tmpdir(), 'ipstats-merge-'));
  try {
    const filePath = path.join(workDir, fileNameOfKey(plan.key));
    const { sha256 } = await downloadObject(lake, plan.key, filePath);
    if (sha256 !== plan.sha256) {
      throw new Error(`${plan.key} changed since it was split (SHA-256 ${plan.sha256} then, ${sha256} now): start the large-source ingestion again`);
    }
    const result = await ingestFile({ store: lake, dataset, filePath, now, declaredCoverage, processSource: (options) => combineStoredParts(lake, plan, options) });
    await removeWorkFolder(lake, plan);
    return summaryOf(plan.key, result.manifest, result.manifestKey, result.skipped, result);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** The parse step of ingestFile for a fanned-out file: every part's outcome, fetched and combined in part order. */
async function combineStoredParts(lake: ObjectStore, plan: RangePlan, options: ProcessSourceOptions): Promise<ProcessedSource> {
  const first = plan.ranges[0];
  if (first === undefined) throw new Error(`the plan of ${plan.key} has no ranges`);
  const outcomes: PartOutcome[] = [];
  let linesBefore = 0;
  for (const range of plan.ranges) {
    const prefix = partPrefix(range.workPrefix, range.part);
    const stored = await readStoredOutcome(lake, `${prefix}${OUTCOME_OBJECT}`, plan.key, range.part);
    // As processSource does: the first failing part, in file order, decides how the file is rejected.
    if (stored.fileRejected !== null) throw rejectionError(stored.fileRejected).shifted(linesBefore);
    linesBefore += stored.lines;
    const partDir = path.join(options.workDir, `part-${range.part}`);
    await mkdir(partDir, { recursive: true });
    const local = async (object: string) => {
      const target = path.join(partDir, object);
      await downloadObject(lake, `${prefix}${object}`, target);
      return target;
    };
    const stagingFiles = [];
    for (const file of stored.stagingFiles) stagingFiles.push({ key: file.key, rows: file.rows, longLines: file.longLines === true, path: await local(file.object) });
    outcomes.push({ ...stored, stagingFiles, rejectsPath: stored.rejectsObject === null ? null : await local(stored.rejectsObject) });
  }
  const sample = { encoding: first.encoding, dialect: { delimiter: first.delimiter, newline: first.newline } };
  return combinePartOutcomes({ dataset: options.dataset, sample, outcomes, workDir: options.workDir });
}

async function readStoredOutcome(lake: ObjectStore, key: string, source: string, part: number): Promise<StoredPartOutcome> {
  if (!(await lake.exists(key))) throw new Error(`part ${part} of ${source} has no outcome at ${key}: its ingest-range did not finish`);
  const stored = StoredPartOutcomeSchema.parse(JSON.parse(await lake.getText(key)));
  if (stored.part !== part) throw new Error(`${key} holds part ${stored.part}, expected part ${part}`);
  return stored;
}

/** The error ingestFile turns into a file_rejected manifest, as the local parse would have thrown it (its line still in the part). */
function rejectionError(rejection: StoredPartOutcome['fileRejected'] & object): SourceRejection {
  return sourceRejectionOf({ name: rejection.name, reason: rejection.reason ?? rejection.message, ...(rejection.line === undefined ? {} : { line: rejection.line }) });
}

async function removeWorkFolder(lake: ObjectStore, plan: RangePlan): Promise<void> {
  const workPrefix = plan.ranges[0]?.workPrefix;
  if (workPrefix === undefined) return;
  for (const object of await lake.list(workPrefix)) await lake.delete(object.key);
}
