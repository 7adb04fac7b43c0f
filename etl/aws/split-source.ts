/**
 * split-source: plans the ingestion of one large inbox object as byte ranges cut on record
 * boundaries, with the same planning code as the local multi-threaded ingestion
 * (process-source.ts: sample → encoding, dialect, header → ranges). Nothing is written to the
 * lake here: merge-ranges runs the ingestion itself and publishes everything at the end.
 * The object's coverage declaration (`ipstats-covers` metadata) is read here, before anything is
 * parsed, and travels in the plan to merge-ranges.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readManifestIfAny } from '../ingest/manifest.ts';
import { peekNextIngestSeq } from '../ingest/next-ingest-seq.ts';
import { planRanges, readSourceSample } from '../ingest/process-source.ts';
import type { ObjectStore } from '../lake/object-store.ts';
import { lakeKeys } from '../lake/lake-keys.ts';
import type { DatasetSpec } from '../schemas/dataset-spec.ts';
import { declaredCoverageOfObject } from './covers-metadata.ts';
import { downloadObject } from './download-object.ts';
import { fileNameOfKey } from './plain-file-name.ts';
import { workPrefixFor, type RangePlan } from './range-plan.ts';

export interface SplitSourceOptions {
  /** The lake (the inbox is in the lake bucket). */
  readonly lake: ObjectStore;
  readonly key: string;
  readonly dataset: DatasetSpec;
  /** Target bytes per range; a file smaller than twice this is one range. */
  readonly rangeBytes: number;
  /** Root of the work folders, e.g. `work/`. */
  readonly workRoot: string;
}

export async function splitSource(options: SplitSourceOptions): Promise<RangePlan> {
  const { lake, key, dataset } = options;
  if (!Number.isInteger(options.rangeBytes) || options.rangeBytes < 1) throw new RangeError(`rangeBytes must be a whole number ≥ 1, got ${options.rangeBytes}`);
  const declaredCoverage = await declaredCoverageOfObject(lake, key, dataset);
  const declared = declaredCoverage === undefined ? {} : { declaredCoverage: { first: declaredCoverage.first, last: declaredCoverage.last, declaredIn: declaredCoverage.declaredIn } };
  const workDir = await mkdtemp(path.join(tmpdir(), 'ipstats-split-'));
  try {
    const filePath = path.join(workDir, fileNameOfKey(key));
    const { bytes, sha256 } = await downloadObject(lake, key, filePath);
    const manifestKey = lakeKeys.manifest(dataset.name, sha256);
    if ((await readManifestIfAny(lake, manifestKey))?.status === 'ingested') return { dataset: dataset.name, key, sha256, bytes, alreadyIngested: true, ranges: [], ...declared };
    // Only shown in the plan: merge-ranges takes the real number (ingestFile) when it publishes.
    const ingestSeq = await peekNextIngestSeq(lake, dataset.name);
    const sample = await readSourceSample(filePath, undefined);
    const parts = Math.max(1, Math.floor(bytes / options.rangeBytes));
    const ranges = await planRanges({ dataset, filePath, parallelism: parts, minBytesPerPart: options.rangeBytes }, sample);
    const workPrefix = workPrefixFor(options.workRoot, dataset.name, sha256);
    return {
      dataset: dataset.name,
      key,
      sha256,
      bytes,
      alreadyIngested: false,
      ranges: ranges.map((range, part) => ({
        part,
        start: range.start,
        end: range.end,
        sha256,
        ingestSeq,
        encoding: sample.encoding,
        delimiter: sample.dialect.delimiter,
        newline: sample.dialect.newline,
        header: part === 0 ? null : (sample.header ?? null),
        workPrefix,
      })),
      ...declared,
    };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
