/**
 * The synchronous heart of the ingestion: header resolution, then per record
 * raw values → validateRow → staging CSV of the row's partition, or → rejects JSONL with every reason.
 *
 * A processor handles one part of a file (the whole file, or a byte range of it read by a
 * worker thread). Record numbers and lines are counted within the part — the header, when the
 * part holds it, being record 1 on line 1 — and the caller adds the records and lines of earlier
 * parts. A reject is `{"row":N,"line":L,"raw":{…},"reasons":[…]}`: `row` the record number, `line`
 * the physical line the record starts on (they differ after a record with line breaks inside
 * quotes, or after blank lines).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { DatasetSpec } from '../schemas/dataset-spec.ts';
import { resolveHeaders } from '../schemas/resolve-headers.ts';
import { validateRow, type RejectReason } from '../schemas/validate-row.ts';
import type { RecordBatchPosition } from '../sources/read-csv.ts';
import { FileRejectedError } from '../sources/source-rejection.ts';
import type { PartitionCount } from './parquet-writer.ts';
import { partitionKeyFunction, partitionPeriodOf, type PartitionKeyOf } from './partition-key.ts';
import { PartitionedStagingWriter, type StagedPartitionFile } from './partitioned-staging.ts';
import { compileRawRecordBuilder, type RawRecordBuilder } from './raw-record-builder.ts';
import { countRejectRules, rejectLine } from './reject-line.ts';
import { stagingColumnsOf } from './staging-columns.ts';
import { compileStagingLineFormatter } from './staging-line-formatter.ts';
import { LONG_ROW_BYTES, rowTooLong } from './row-too-long.ts';

export interface RowProcessorOptions {
  readonly dataset: DatasetSpec;
  readonly sha256: string;
  readonly ingestSeq: number;
  readonly workDir: string;
  readonly onProgress?: (recordsRead: number) => void;
  /** The file's header, for a part that does not start with it; absent, the first record is the header. */
  readonly header?: readonly string[];
  /** Which part of the file this is (names its staging and rejects files). @default 0 */
  readonly part?: number;
}

const PROGRESS_EVERY = 50_000;

export class RowProcessor {
  readonly rejectsPath: string;
  /** Data records read (the header not counted). */
  read = 0;
  accepted = 0;
  rejected = 0;
  readonly rejectRules: Record<string, number> = {};
  headers: Record<string, string> = {};
  unknownColumns: string[] = [];
  private headerRow: readonly string[] | undefined;
  private readonly headerInPart: boolean;
  private buildRaw: RawRecordBuilder | undefined;
  private readonly staging: PartitionedStagingWriter;
  private readonly partitionKeyOf: PartitionKeyOf;
  private rejectsFd: number | undefined;
  private minKey = Infinity;
  private maxKey = -Infinity;

  constructor(private readonly options: RowProcessorOptions) {
    const part = options.part ?? 0;
    this.rejectsPath = path.join(options.workDir, part === 0 ? 'rejects.jsonl' : `rejects-part${part}.jsonl`);
    const format = compileStagingLineFormatter(stagingColumnsOf(options.dataset));
    this.staging = new PartitionedStagingWriter(options.workDir, `staging-part${part}`, format);
    this.partitionKeyOf = partitionKeyFunction(options.dataset.partitioning);
    this.headerInPart = options.header === undefined;
    if (options.header !== undefined) this.bindHeader(options.header);
  }

  /** Records of this part, the header included when the part holds it. */
  get records(): number {
    return this.read + (this.headerInPart && this.headerRow !== undefined ? 1 : 0);
  }

  get periods(): { first: string | null; last: string | null } {
    if (this.minKey === Infinity || this.options.dataset.partitioning.kind === 'none') return { first: null, last: null };
    const { partitioning } = this.options.dataset;
    return { first: partitionPeriodOf(partitioning, this.minKey).label, last: partitionPeriodOf(partitioning, this.maxKey).label };
  }

  /** Staging CSVs written, one per partition, by ascending partition key (complete after finish()). */
  stagingFiles(): StagedPartitionFile[] {
    return this.staging.files();
  }

  /** Accepted rows per partition label (`YYYY-MM`, `YYYY` or ''). */
  get partitions(): Map<string, PartitionCount> {
    const { partitioning } = this.options.dataset;
    return new Map(
      this.staging.files().map(({ key, rows }) => {
        const { label, year, month } = partitionPeriodOf(partitioning, key);
        return [label, { year, month, rows }];
      }),
    );
  }

  accept(records: string[][], position: RecordBatchPosition): void {
    const offset = this.headerInPart ? 1 : 0;
    // Only a batch read from this much text can hold a long row: others skip the measuring.
    const mayHoldLongRows = position.chars * 3 > LONG_ROW_BYTES;
    for (let index = 0; index < records.length; index++) {
      const record = records[index]!;
      if (this.headerRow === undefined) {
        this.bindHeader(record);
        continue;
      }
      this.read++;
      // Record number in the part; in the first part the header is record 1.
      const rowNumber = this.read + offset;
      const tooLong = mayHoldLongRows ? rowTooLong(record, this.headerRow) : null;
      if (tooLong !== null && tooLong.reason !== null) {
        this.reject(rowNumber, position.lineOf(index), tooLong.raw, [tooLong.reason]);
      } else if (record.length !== this.headerRow.length) {
        this.reject(rowNumber, position.lineOf(index), record, [
          {
            column: null,
            value: null,
            rule: 'field_count',
            message: `expected ${this.headerRow.length} fields as in the header, found ${record.length}`,
          },
        ]);
      } else {
        this.validate(rowNumber, position, index, record, tooLong !== null);
      }
      if (this.read % PROGRESS_EVERY === 0) this.options.onProgress?.(this.read);
    }
    this.staging.endBatch();
  }

  private bindHeader(record: readonly string[]): void {
    const { dataset } = this.options;
    let resolved: ReturnType<typeof resolveHeaders>;
    try {
      resolved = resolveHeaders(dataset, record);
    } catch (error) {
      // A header of one cell is what a delimiter other than the four sniffed ones gives.
      const hint = record.length === 1 ? '; the header line has no comma, tab, semicolon or pipe, so it was read as a single column' : '';
      throw new FileRejectedError(`${(error as Error).message}${hint}`, { cause: error });
    }
    this.headerRow = record;
    this.buildRaw = compileRawRecordBuilder(resolved.columns.map(({ index, column, unitScale }) => ({ index, column, wanYuan: unitScale === 10000 })));
    this.headers = Object.fromEntries(resolved.columns.map(({ index, column }) => [column, record[index]!.trim()]));
    this.unknownColumns = resolved.unknown;
  }

  /** `long`: the row is long enough (over 1 MiB) that its staging line needs DuckDB's larger buffer. */
  private validate(rowNumber: number, position: RecordBatchPosition, index: number, record: string[], long: boolean): void {
    const raw = this.buildRaw!(record);
    const result = validateRow(this.options.dataset, raw);
    if (!result.ok) {
      this.reject(rowNumber, position.lineOf(index), record, result.reasons);
      return;
    }
    const key = this.partitionKeyOf(result.row);
    if (key < this.minKey) this.minKey = key;
    if (key > this.maxKey) this.maxKey = key;
    this.staging.write(key, result.row, rowNumber, long);
    this.accepted++;
  }

  private reject(rowNumber: number, line: number, record: readonly string[], reasons: readonly RejectReason[]): void {
    countRejectRules(this.rejectRules, reasons);
    this.rejectsFd ??= openSync(this.rejectsPath, 'w');
    writeSync(this.rejectsFd, rejectLine(this.headerRow ?? [], record, rowNumber, line, reasons));
    this.rejected++;
  }

  finish(): void {
    if (this.headerRow === undefined) throw new FileRejectedError('the file is empty: a header row is required');
    this.close();
  }

  abort(): void {
    this.close();
  }

  private close(): void {
    this.staging.close();
    if (this.rejectsFd !== undefined) closeSync(this.rejectsFd);
    this.rejectsFd = undefined;
  }
}
