/**
 * Parses and validates one byte range of a source file into its staging CSVs and rejects:
 * the unit of work of the main thread (the first part) and of each worker thread.
 *
 * Lines are counted from the range's first byte; the file's line numbers come when the parts are
 * combined (process-source.ts), as for record numbers. A part that cannot be read throws a
 * SourceRejection (etl/sources/source-rejection.ts) with its line in the part.
 */
import type { DatasetSpec } from '../schemas/dataset-spec.ts';
import { UndecodableTextError } from '../sources/decode-text.ts';
import type { SourceEncoding } from '../sources/detect-encoding.ts';
import { locateUndecodableLine } from '../sources/locate-undecodable-line.ts';
import { openTextRange } from '../sources/open-text-range.ts';
import { readCsvRecords, type CsvDialect } from '../sources/read-csv.ts';
import type { ByteRange } from '../sources/split-byte-ranges.ts';
import type { StagedPartitionFile } from './partitioned-staging.ts';
import { RowProcessor } from './row-processor.ts';

export interface PartTask {
  readonly filePath: string;
  readonly range: ByteRange;
  readonly encoding: SourceEncoding;
  readonly dialect: CsvDialect;
  /** Which part this is; part 0 holds the header, the others get it here. */
  readonly part: number;
  readonly header?: readonly string[];
  readonly sha256: string;
  readonly ingestSeq: number;
  readonly workDir: string;
}

/** The row accounting a part and a whole source share. */
export interface RowAccounting {
  readonly read: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly rejectRules: Record<string, number>;
  readonly headers: Record<string, string>;
  readonly unknownColumns: string[];
  readonly periods: { readonly first: string | null; readonly last: string | null };
}

/** What a part became; plain data, so it crosses from a worker thread as is. */
export interface PartOutcome extends RowAccounting {
  readonly part: number;
  /** Records of the part, the header included in part 0. */
  readonly records: number;
  /** Line breaks in the part: the lines of the file before the next part, less those of earlier parts. */
  readonly lines: number;
  readonly stagingFiles: StagedPartitionFile[];
  /** Rejects JSONL with record numbers counted within the part, or null without rejects. */
  readonly rejectsPath: string | null;
}

export async function processPart(task: PartTask, dataset: DatasetSpec, onProgress?: (recordsRead: number) => void): Promise<PartOutcome> {
  const processor = new RowProcessor({ dataset, sha256: task.sha256, ingestSeq: task.ingestSeq, workDir: task.workDir, part: task.part, header: task.header, onProgress });
  let lines: number;
  try {
    const summary = await readCsvRecords(openTextRange(task.filePath, task.range, task.encoding), (records, position) => processor.accept(records, position), task.dialect);
    lines = summary.lineBreaks;
    processor.finish();
  } catch (error) {
    processor.abort();
    if (error instanceof UndecodableTextError) throw await locateUndecodableLine(task.filePath, task.range, task.encoding, task.dialect.newline);
    throw error;
  }
  return {
    part: task.part,
    records: processor.records,
    lines,
    read: processor.read,
    accepted: processor.accepted,
    rejected: processor.rejected,
    rejectRules: processor.rejectRules,
    headers: processor.headers,
    unknownColumns: processor.unknownColumns,
    periods: processor.periods,
    stagingFiles: processor.stagingFiles(),
    rejectsPath: processor.rejected > 0 ? processor.rejectsPath : null,
  };
}
