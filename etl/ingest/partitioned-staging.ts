/**
 * Writes accepted rows to one staging CSV per partition, so each partition becomes its Parquet
 * file by a plain streaming COPY: no sort, no partitioned writer holding every partition's row
 * group in memory (which exceeded DuckDB's memory limit on 200,000 rows).
 *
 * A row's pieces go to its partition's array; `endBatch` (after each parsed chunk) joins each
 * array into one flat string, so little survives a young-generation collection; the strings
 * are appended to the files once enough text is pending. Files are opened only to append, so a
 * dataset spanning hundreds of months never holds hundreds of descriptors.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { NormalisedRow } from '../schemas/dataset-spec.ts';
import type { StagingLineFormatter } from './staging-line-formatter.ts';

/** Pending text (in UTF-16 code units) that triggers a write to disk: ~16 MB of heap. */
const FLUSH_CHARS = 8_000_000;

export interface StagedPartitionFile {
  /** Partition key (partition-key.ts). */
  readonly key: number;
  readonly rows: number;
  readonly path: string;
  /** Some line is from a row over 1 MiB (row-too-long.ts): DuckDB needs its larger buffer to read the file. */
  readonly longLines: boolean;
}

interface PartitionBuffer {
  readonly key: number;
  readonly path: string;
  rows: number;
  longLines: boolean;
  pieces: string[];
  pending: string[];
  /** Whether the file was created: the first write truncates, later ones append. */
  created: boolean;
}

export class PartitionedStagingWriter {
  private readonly buffers = new Map<number, PartitionBuffer>();
  private pendingChars = 0;
  private closed = false;

  /** Files are named `<prefix>-<key>.csv` in `dir`. */
  constructor(
    private readonly dir: string,
    private readonly prefix: string,
    private readonly format: StagingLineFormatter,
  ) {}

  /** `long`: the row is over 1 MiB (row-too-long.ts). */
  write(key: number, row: NormalisedRow, sourceRow: number, long = false): void {
    let buffer = this.buffers.get(key);
    if (buffer === undefined) {
      buffer = { key, path: path.join(this.dir, `${this.prefix}-${key}.csv`), rows: 0, longLines: false, pieces: [], pending: [], created: false };
      this.buffers.set(key, buffer);
    }
    this.format(row, sourceRow, buffer.pieces);
    buffer.rows++;
    if (long) buffer.longLines = true;
  }

  /** Call after each batch of records: joins the batch's pieces, and writes when enough is pending. */
  endBatch(): void {
    for (const buffer of this.buffers.values()) {
      if (buffer.pieces.length === 0) continue;
      const text = buffer.pieces.join('');
      buffer.pieces = [];
      buffer.pending.push(text);
      this.pendingChars += text.length;
    }
    if (this.pendingChars >= FLUSH_CHARS) this.flush();
  }

  private flush(): void {
    for (const buffer of this.buffers.values()) {
      if (buffer.pending.length === 0) continue;
      const fd = openSync(buffer.path, buffer.created ? 'a' : 'w');
      try {
        for (const text of buffer.pending) writeSync(fd, text);
      } finally {
        closeSync(fd);
      }
      buffer.created = true;
      buffer.pending = [];
    }
    this.pendingChars = 0;
  }

  /** Writes what is left; the files are complete afterwards. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.endBatch();
    this.flush();
  }

  /** The partitions written so far, by ascending key. */
  files(): StagedPartitionFile[] {
    return [...this.buffers.values()].sort((a, b) => a.key - b.key).map(({ key, rows, path: file, longLines }) => ({ key, rows, path: file, longLines }));
  }
}
