/**
 * Turns a source file into staging CSVs (one or more per partition) and rejects, using the
 * machine's cores: a large file is split into byte ranges on record boundaries
 * (split-byte-ranges.ts); the main thread processes the first range while worker threads
 * process the others, each into its own files. Record numbers are made exact afterwards: a
 * part's numbers are counted within the part, and the records of the parts before it — known
 * when they finish — are added when the Parquet is written and when the rejects are joined.
 * The result is the same as processing the file in one piece, whatever the number of parts.
 */
import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { DatasetSpec } from '../schemas/dataset-spec.ts';
import { resolveHeaders } from '../schemas/resolve-headers.ts';
import { isAsciiCompatible, withoutTrailingPartialUtf8, type SourceEncoding } from '../sources/detect-encoding.ts';
import { guessCsvDialect } from '../sources/guess-csv-dialect.ts';
import { inspectSample } from '../sources/inspect-sample.ts';
import { readSample } from '../sources/open-text-stream.ts';
import type { CsvDialect } from '../sources/read-csv.ts';
import { isSourceRejection } from '../sources/source-rejection.ts';
import { splitOnRecordBoundaries, type ByteRange } from '../sources/split-byte-ranges.ts';
import { mergeRejects } from './merge-rejects.ts';
import type { StagedPartition } from './parquet-writer.ts';
import { partitionPeriodOf } from './partition-key.ts';
import { processPart, type PartOutcome, type PartTask, type RowAccounting } from './process-part.ts';
import { partWorkersAvailable, runPartInWorker } from './run-part-in-worker.ts';

/** Below this size a file is processed in one piece: starting a worker costs more than it saves. */
export const MIN_BYTES_PER_PART = 8 * 1024 * 1024;
/** Bytes read to settle the encoding, the dialect and the header. */
const SAMPLE_BYTES = 1024 * 1024;

export interface ProcessSourceOptions {
  readonly dataset: DatasetSpec;
  readonly filePath: string;
  readonly encoding?: SourceEncoding;
  readonly sha256: string;
  readonly ingestSeq: number;
  readonly workDir: string;
  /** Parts processed at once. @default the number of cores, at most 4 */
  readonly parallelism?: number;
  /** Smallest part worth a worker thread. @default MIN_BYTES_PER_PART */
  readonly minBytesPerPart?: number;
  readonly onProgress?: (recordsRead: number) => void;
}

export interface ProcessedSource extends RowAccounting {
  readonly encoding: SourceEncoding;
  readonly delimiter: string;
  /** Parts the file was split into. */
  readonly parts: number;
  /** Accepted rows by partition, in ascending order, with their staging CSVs. */
  readonly partitions: StagedPartition[];
  /** Rejects JSONL with the file's record numbers, or null without rejects. */
  readonly rejectsPath: string | null;
}

/** What the beginning of a file settles for all its parts. */
export interface Sample {
  readonly encoding: SourceEncoding;
  readonly dialect: CsvDialect;
  /** The header record, when the sample holds all of it and it resolves. */
  readonly header: string[] | undefined;
}

/** The sample as text, for the dialect and the header (the parts' decoding refuses bad bytes; here they only must not stop the sniffing). */
function sampleText(sample: Uint8Array, complete: boolean, encoding: SourceEncoding): string {
  const text =
    encoding === 'gb18030'
      ? iconv.decode(Buffer.from(sample), 'gb18030')
      : new TextDecoder(encoding).decode(encoding === 'utf-8' && !complete ? withoutTrailingPartialUtf8(sample) : sample);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * What the first MiB of a file settles. A file that is no CSV text (an Excel workbook, a binary
 * file, mixed encodings) is refused here with a SourceFormatError (inspect-sample.ts).
 */
export async function readSourceSample(filePath: string, encoding: SourceEncoding | undefined): Promise<Sample> {
  const { sample, complete } = await readSample(filePath, SAMPLE_BYTES);
  const chosen = inspectSample(sample, complete, encoding);
  const text = sampleText(sample, complete, chosen);
  const dialect = guessCsvDialect(text);
  const parsed = Papa.parse<string[]>(text, { header: false, delimiter: dialect.delimiter, newline: dialect.newline, skipEmptyLines: 'greedy', preview: 1 });
  // The header is known only if a line break follows it inside the sample.
  const headerComplete = parsed.data.length === 1 && parsed.meta.cursor < text.length && parsed.errors.length === 0;
  return { encoding: chosen, dialect, header: headerComplete ? parsed.data[0] : undefined };
}

function headerResolves(dataset: DatasetSpec, header: readonly string[]): boolean {
  try {
    resolveHeaders(dataset, header);
    return true;
  } catch {
    return false;
  }
}

/** The byte ranges parsed as parts; one range when the file is small or its header is not settled by the sample. */
export async function planRanges(options: Pick<ProcessSourceOptions, 'dataset' | 'filePath' | 'parallelism' | 'minBytesPerPart'>, sample: Sample): Promise<ByteRange[]> {
  const { size } = await stat(options.filePath);
  const parallelism = options.parallelism ?? Math.min(4, availableParallelism());
  const parts = Math.min(parallelism, Math.floor(size / (options.minBytesPerPart ?? MIN_BYTES_PER_PART)));
  // A header that will not resolve is reported by the first part alone, as for a small file.
  // UTF-16 has no single-byte line feeds to cut at: such a file is one part.
  if (parts < 2 || !isAsciiCompatible(sample.encoding) || sample.header === undefined || !headerResolves(options.dataset, sample.header)) return [{ start: 0, end: size }];
  const ranges = await splitOnRecordBoundaries(options.filePath, parts, { delimiter: sample.dialect.delimiter });
  // Every cut is past the sample, so the header is all in the first part.
  return ranges.filter((range, index) => index === 0 || range.start >= SAMPLE_BYTES).length === ranges.length ? ranges : [{ start: 0, end: size }];
}

/** Counts by rule, keys in order of first occurrence in the file (parts are in file order), as one pass would give. */
function sumRules(outcomes: readonly PartOutcome[]): Record<string, number> {
  const rules: Record<string, number> = {};
  for (const outcome of outcomes) for (const [rule, count] of Object.entries(outcome.rejectRules)) rules[rule] = (rules[rule] ?? 0) + count;
  return rules;
}

function extremePeriod(values: readonly (string | null)[], pick: 'first' | 'last'): string | null {
  const present = values.filter((value): value is string => value !== null).sort();
  return present.length === 0 ? null : pick === 'first' ? present[0]! : present[present.length - 1]!;
}

export async function processSource(options: ProcessSourceOptions): Promise<ProcessedSource> {
  const { dataset, filePath } = options;
  const sample = await readSourceSample(filePath, options.encoding);
  // Worker threads need the project's files (not there in a bundle): without them, one piece.
  const ranges = await planRanges(partWorkersAvailable() ? options : { ...options, parallelism: 1 }, sample);
  const tasks: PartTask[] = ranges.map((range, part) => ({
    filePath,
    range,
    encoding: sample.encoding,
    dialect: sample.dialect,
    part,
    header: part === 0 ? undefined : sample.header,
    sha256: options.sha256,
    ingestSeq: options.ingestSeq,
    workDir: options.workDir,
  }));
  // Workers first, so they start while the main thread works on the first part.
  const others = tasks.slice(1).map((task) => runPartInWorker(task, dataset.name));
  const settled = await Promise.allSettled([processPart(tasks[0]!, dataset, options.onProgress), ...others]);
  const failedAt = settled.findIndex((result) => result.status === 'rejected');
  if (failedAt !== -1) {
    const reason: unknown = (settled[failedAt] as PromiseRejectedResult).reason;
    // The first failing part decides; the parts before it finished, so their lines are known.
    const linesBefore = settled.slice(0, failedAt).reduce((sum, result) => sum + (result as PromiseFulfilledResult<PartOutcome>).value.lines, 0);
    throw isSourceRejection(reason) ? reason.shifted(linesBefore) : reason;
  }
  const outcomes = settled.map((result) => (result as PromiseFulfilledResult<PartOutcome>).value);
  return combinePartOutcomes({ dataset, sample, outcomes, workDir: options.workDir });
}

export interface CombinePartsOptions {
  readonly dataset: DatasetSpec;
  readonly sample: { readonly encoding: SourceEncoding; readonly dialect: CsvDialect };
  /** Every part's outcome, in file order. */
  readonly outcomes: readonly PartOutcome[];
  readonly workDir: string;
}

/**
 * Combines the outcomes of a file's parts (worker threads here, Lambda ranges in etl/aws) into
 * what one pass over the file gives: counts summed, partitions with each part's staging CSV and
 * its record offset, rejects joined with the file's record numbers.
 */
export async function combinePartOutcomes({ dataset, sample, outcomes, workDir }: CombinePartsOptions): Promise<ProcessedSource> {
  if (outcomes.length === 0) throw new Error('combinePartOutcomes: no part outcomes');
  outcomes.forEach((outcome, index) => {
    if (outcome.part !== index) throw new Error(`combinePartOutcomes: outcome ${index} is of part ${outcome.part}; give them in file order`);
  });
  const offsets: number[] = [];
  const lineOffsets: number[] = [];
  let before = 0;
  let linesBefore = 0;
  for (const outcome of outcomes) {
    offsets.push(before);
    lineOffsets.push(linesBefore);
    before += outcome.records;
    linesBefore += outcome.lines;
  }
  const byKey = new Map<number, { rows: number; longLines: boolean; slices: { path: string; rowOffset: number }[] }>();
  outcomes.forEach((outcome, index) => {
    for (const file of outcome.stagingFiles) {
      const entry = byKey.get(file.key) ?? { rows: 0, longLines: false, slices: [] };
      entry.rows += file.rows;
      entry.longLines ||= file.longLines === true;
      entry.slices.push({ path: file.path, rowOffset: offsets[index]! });
      byKey.set(file.key, entry);
    }
  });
  const partitions = [...byKey.entries()]
    .sort(([a], [b]) => a - b)
    .map(([key, { rows, longLines, slices }]) => {
      const { year, month } = partitionPeriodOf(dataset.partitioning, key);
      return { year, month, rows, slices, ...(longLines ? { longLines } : {}) };
    });

  const rejectSlices = outcomes.flatMap((outcome, index) => (outcome.rejectsPath === null ? [] : [{ path: outcome.rejectsPath, rowOffset: offsets[index]!, lineOffset: lineOffsets[index]! }]));
  let rejectsPath: string | null = null;
  if (rejectSlices.length === 1 && rejectSlices[0]!.rowOffset === 0 && rejectSlices[0]!.lineOffset === 0) {
    rejectsPath = rejectSlices[0]!.path;
  } else if (rejectSlices.length > 0) {
    rejectsPath = path.join(workDir, 'rejects-merged.jsonl');
    await mergeRejects(rejectSlices, rejectsPath);
  }
  const first = outcomes[0]!;
  return {
    encoding: sample.encoding,
    delimiter: sample.dialect.delimiter,
    parts: outcomes.length,
    read: outcomes.reduce((sum, outcome) => sum + outcome.read, 0),
    accepted: outcomes.reduce((sum, outcome) => sum + outcome.accepted, 0),
    rejected: outcomes.reduce((sum, outcome) => sum + outcome.rejected, 0),
    rejectRules: sumRules(outcomes),
    headers: first.headers,
    unknownColumns: first.unknownColumns,
    periods: {
      first: extremePeriod(outcomes.map((outcome) => outcome.periods.first), 'first'),
      last: extremePeriod(outcomes.map((outcome) => outcome.periods.last), 'last'),
    },
    partitions,
    rejectsPath,
  };
}
