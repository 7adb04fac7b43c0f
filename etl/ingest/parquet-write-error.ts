/**
 * DuckDB's errors while turning a partition's staging CSVs into Parquet quote the staging line
 * ("Original Line: …", "Could not convert string …"), which holds a row's values — names are
 * personal data — and name a temporary file. They are rewritten before they reach a message or a
 * log: the source file and the record the staging line came from, and DuckDB's words without
 * values. The original error is not kept as `cause` for the same reason; a copy without values is.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { StagedPartition } from './parquet-writer.ts';

/** The parts of a DuckDB error message that hold no values. */
export function duckdbErrorWithoutValues(message: string): string {
  const parts = [message.split('\n', 1)[0]!.trim()];
  const lineSize = /Maximum line size of (\d+) bytes exceeded\. Actual Size:\s*(\d+) bytes/.exec(message);
  if (lineSize) parts.push(`a line of ${lineSize[2]} bytes is over the maximum line size of ${lineSize[1]} bytes`);
  const column = /Error when converting column "([^"]*)"/.exec(message);
  if (column) parts.push(`a value of column ${column[1]} could not be converted`);
  return parts.join(': ');
}

/** The `_source_row` (last field) of a staging file's line `lineNumber`, read without keeping the line. */
async function sourceRowOfStagingLine(stagingPath: string, lineNumber: number): Promise<number | null> {
  const lines = createInterface({ input: createReadStream(stagingPath, { encoding: 'utf8' }), crlfDelay: Infinity });
  let current = 0;
  try {
    for await (const line of lines) {
      if (++current < lineNumber) continue;
      const match = /,(\d+)$/.exec(line);
      return match === null ? null : Number(match[1]);
    }
  } finally {
    lines.close();
  }
  return null;
}

function partitionLabel(partition: StagedPartition): string {
  if (partition.year === undefined) return 'the dataset';
  return partition.month === undefined ? String(partition.year) : `${partition.year}-${String(partition.month).padStart(2, '0')}`;
}

export async function parquetWriteError(error: unknown, partition: StagedPartition, sourceName: string): Promise<Error> {
  const message = error instanceof Error ? error.message : String(error);
  const withoutValues = duckdbErrorWithoutValues(message);
  let where = '';
  const line = /CSV Error on Line: (\d+)/.exec(message);
  const file = /\n\s*file = (.*)\n/.exec(message);
  const slice = partition.slices.find((candidate) => candidate.path === file?.[1]?.trim()) ?? (partition.slices.length === 1 ? partition.slices[0] : undefined);
  if (line !== null && slice !== undefined) {
    const sourceRow = await sourceRowOfStagingLine(slice.path, Number(line[1])).catch(() => null);
    if (sourceRow !== null) where = ` at the row of record ${(sourceRow + slice.rowOffset).toLocaleString('en-US')} (as numbered in rejects/)`;
  }
  return new Error(`${sourceName}: the curated Parquet of ${partitionLabel(partition)} could not be written${where}: DuckDB: ${withoutValues}`, { cause: new Error(withoutValues) });
}
