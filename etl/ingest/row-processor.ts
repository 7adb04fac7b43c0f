/**
 * The synchronous heart of the ingestion: header resolution, then per record
 * raw values → validateRow (zod) → staging CSV, or → rejects JSONL with every reason.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { DatasetSpec, NormalisedRow } from '../schemas/dataset-spec.ts';
import { resolveHeaders } from '../schemas/resolve-headers.ts';
import { validateRow, type RejectReason } from '../schemas/validate-row.ts';
import type { PartitionCount } from './parquet-writer.ts';
import { stagingColumnsOf } from './staging-columns.ts';
import { StagingCsvWriter } from './staging-csv.ts';

/** The file as a whole cannot be ingested (for example a required column is missing). */
export class FileRejectedError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'FileRejectedError';
  }
}

export interface RowProcessorOptions {
  readonly dataset: DatasetSpec;
  readonly sha256: string;
  readonly ingestSeq: number;
  readonly workDir: string;
  readonly onProgress?: (recordsRead: number) => void;
}

interface ColumnBinding {
  readonly index: number;
  readonly column: string;
  readonly wanYuan: boolean;
}

const PROGRESS_EVERY = 50_000;

export class RowProcessor {
  readonly stagingPath: string;
  readonly rejectsPath: string;
  read = 0;
  accepted = 0;
  rejected = 0;
  readonly rejectRules: Record<string, number> = {};
  readonly partitions = new Map<string, PartitionCount>();
  headers: Record<string, string> = {};
  unknownColumns: string[] = [];
  private headerRow: string[] | undefined;
  private bindings: ColumnBinding[] = [];
  private readonly staging: StagingCsvWriter;
  private rejectsFd: number | undefined;
  private firstPeriod: string | null = null;
  private lastPeriod: string | null = null;
  private readonly periodOf: (row: NormalisedRow) => { label: string; year?: number; month?: number } | null;

  constructor(private readonly options: RowProcessorOptions) {
    this.stagingPath = path.join(options.workDir, 'staging.csv');
    this.rejectsPath = path.join(options.workDir, 'rejects.jsonl');
    this.staging = new StagingCsvWriter(this.stagingPath, stagingColumnsOf(options.dataset));
    this.periodOf = periodFunction(options.dataset);
  }

  get periods(): { first: string | null; last: string | null } {
    return { first: this.firstPeriod, last: this.lastPeriod };
  }

  accept(records: string[][]): void {
    for (const record of records) {
      if (this.headerRow === undefined) {
        this.bindHeader(record);
        continue;
      }
      this.read++;
      // Record number in the file, the header being record 1, so the first data record is 2.
      const rowNumber = this.read + 1;
      if (record.length !== this.headerRow.length) {
        this.reject(rowNumber, record, [
          {
            column: null,
            value: null,
            rule: 'field_count',
            message: `expected ${this.headerRow.length} fields as in the header, found ${record.length}`,
          },
        ]);
      } else {
        this.validate(rowNumber, record);
      }
      if (this.read % PROGRESS_EVERY === 0) this.options.onProgress?.(this.read);
    }
  }

  private bindHeader(record: string[]): void {
    const { dataset } = this.options;
    let resolved: ReturnType<typeof resolveHeaders>;
    try {
      resolved = resolveHeaders(dataset, record);
    } catch (error) {
      throw new FileRejectedError((error as Error).message, { cause: error });
    }
    this.headerRow = record;
    this.bindings = resolved.columns.map(({ index, column, unitScale }) => ({ index, column, wanYuan: unitScale === 10000 }));
    this.headers = Object.fromEntries(resolved.columns.map(({ index, column }) => [column, record[index]!.trim()]));
    this.unknownColumns = resolved.unknown;
  }

  private validate(rowNumber: number, record: string[]): void {
    const raw: Record<string, string | undefined> = {};
    for (const binding of this.bindings) {
      let value = record[binding.index]!.trim();
      // A (万元) header means every value is in ten-thousands of yuan: the money parser applies the unit.
      if (binding.wanYuan && value !== '') value += '万元';
      raw[binding.column] = value;
    }
    const result = validateRow(this.options.dataset, raw);
    if (!result.ok) {
      this.reject(rowNumber, record, result.reasons);
      return;
    }
    const row = result.row;
    row['_source_sha256'] = this.options.sha256;
    row['_source_row'] = rowNumber;
    row['_ingest_seq'] = this.options.ingestSeq;
    this.staging.write(row);
    this.accepted++;
    this.countPartition(row);
  }

  private countPartition(row: NormalisedRow): void {
    const period = this.periodOf(row);
    const label = period?.label ?? '';
    const existing = this.partitions.get(label);
    if (existing) {
      (existing as { rows: number }).rows++;
    } else {
      this.partitions.set(label, { year: period?.year, month: period?.month, rows: 1 });
    }
    if (period) {
      if (this.firstPeriod === null || period.label < this.firstPeriod) this.firstPeriod = period.label;
      if (this.lastPeriod === null || period.label > this.lastPeriod) this.lastPeriod = period.label;
    }
  }

  private reject(rowNumber: number, record: string[], reasons: readonly RejectReason[]): void {
    const header = this.headerRow ?? [];
    const raw: Record<string, string> = {};
    record.forEach((value, index) => {
      raw[index < header.length ? header[index]!.trim() || `column_${index + 1}` : `extra_field_${index + 1}`] = value;
    });
    for (const reason of reasons) this.rejectRules[reason.rule] = (this.rejectRules[reason.rule] ?? 0) + 1;
    this.rejectsFd ??= openSync(this.rejectsPath, 'w');
    writeSync(this.rejectsFd, `${JSON.stringify({ row: rowNumber, raw, reasons })}\n`);
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

function periodFunction(dataset: DatasetSpec): (row: NormalisedRow) => { label: string; year?: number; month?: number } | null {
  const partitioning = dataset.partitioning;
  switch (partitioning.kind) {
    case 'month':
      return (row) => {
        const date = row[partitioning.column] as string;
        return { label: date.slice(0, 7), year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
      };
    case 'year':
      return (row) => {
        const year = row[partitioning.column] as number;
        return { label: String(year), year };
      };
    case 'none':
      return () => null;
  }
}
