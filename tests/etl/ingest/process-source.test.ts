/**
 * Splitting a file for parallel parsing must not change anything: same rows, same record
 * numbers, same rejects, same Parquet bytes as one pass.
 */
import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeParquetParts } from '../../../etl/ingest/parquet-writer.ts';
import { processSource, type ProcessedSource } from '../../../etl/ingest/process-source.ts';
import { stagingColumnsOf } from '../../../etl/ingest/staging-columns.ts';
import { writePatentEventsCsv } from '../../../etl/sample/patent-events-stream.ts';
import { getDataset } from '../../../etl/schemas/index.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { mkdir, writeFile } from 'node:fs/promises';

const dataset = getDataset('patent_events');
const SHA = 'ab'.repeat(32);

let dir: string;
let source: string;
let badLines: number[];

beforeAll(async () => {
  dir = await tempDir('process-source');
  const generated = path.join(dir, 'generated.csv');
  await writePatentEventsCsv(generated, 16_000, 11);
  // Bad rows and blank lines spread over the whole file, so every part has some.
  const lines = (await readFile(generated, 'utf8')).trimEnd().split('\n');
  badLines = [];
  for (let index = 1500; index < lines.length; index += 3000) {
    lines[index] = `${lines[index]!.replace(/,\d{4}-\d{2}-\d{2},/, ',2024-02-30,')}`;
    badLines.push(index + 1);
    lines.splice(index + 1, 0, '', '  ,  ');
  }
  source = path.join(dir, 'source.csv');
  await writeFile(source, `${lines.join('\n')}\n`);
}, 60_000);

async function run(label: string, parallelism: number): Promise<{ result: ProcessedSource; parquet: Buffer[]; rejects: string }> {
  const workDir = path.join(dir, label);
  await mkdir(workDir);
  const result = await processSource({ dataset, filePath: source, sha256: SHA, ingestSeq: 1, workDir, parallelism, minBytesPerPart: 1024 * 1024 });
  const parts = await writeParquetParts({ columns: stagingColumnsOf(dataset), lineage: { sha256: SHA, ingestSeq: 1 }, partitioning: dataset.partitioning, partitions: result.partitions, workDir });
  return { result, parquet: await Promise.all(parts.map((part) => readFile(part.file))), rejects: result.rejectsPath === null ? '' : await readFile(result.rejectsPath, 'utf8') };
}

describe('processSource', () => {
  it('gives the same counts, record numbers, rejects and Parquet bytes in 3 parts as in one', async () => {
    const one = await run('one', 1);
    const three = await run('three', 3);
    expect(one.result.parts).toBe(1);
    expect(three.result.parts).toBe(3);
    expect(three.result.partitions.some((partition) => partition.slices.length === 3)).toBe(true);
    expect(one.result.read).toBe(16_000);
    expect(one.result.rejected).toBe(badLines.length);
    const { partitions: onePartitions, parts: _one, rejectsPath: _r1, ...oneSummary } = one.result;
    const { partitions: threePartitions, parts: _three, rejectsPath: _r3, ...threeSummary } = three.result;
    expect(threeSummary).toEqual(oneSummary);
    expect(threePartitions.map(({ year, month, rows }) => [year, month, rows])).toEqual(onePartitions.map(({ year, month, rows }) => [year, month, rows]));
    // Record numbers count the header as 1 and skip blank lines, across parts.
    const rejects = three.rejects.trim().split('\n').map((line) => JSON.parse(line) as { row: number; line: number });
    expect(rejects.map((reject) => reject.row)).toEqual(badLines.map((line, index) => line - 2 * index));
    // The physical line, counted on across parts: the blank lines are lines.
    expect(rejects.map((reject) => reject.line)).toEqual(badLines);
    expect(three.rejects).toBe(one.rejects);
    expect(three.parquet.length).toBe(one.parquet.length);
    three.parquet.forEach((bytes, index) => expect(Buffer.compare(bytes, one.parquet[index]!), `partition ${index}`).toBe(0));
  }, 60_000);

  it('names the file\'s physical line of a syntax error or an encoding error in a later part', async () => {
    const lines = (await readFile(source, 'utf8')).trimEnd().split('\n');
    const strayAt = lines.length - 100;
    const withStray = path.join(dir, 'stray.csv');
    await writeFile(withStray, `${[...lines.slice(0, strayAt), lines[strayAt]!.replace(',', ',"'), ...lines.slice(strayAt + 1)].join('\n')}\n`);
    const gbAt = lines.length - 50;
    const withGb = path.join(dir, 'gb-line.csv');
    await writeFile(withGb, Buffer.concat([Buffer.from(`${lines.slice(0, gbAt).join('\n')}\n`, 'utf8'), iconv.encode(`${lines[gbAt]}\n`, 'gbk'), Buffer.from(`${lines.slice(gbAt + 1).join('\n')}\n`, 'utf8')]));
    for (const [file, expected] of [
      [withStray, `line ${(strayAt + 1).toLocaleString('en-US')}: CSV syntax: the quoted field that starts on this line is never closed (a stray quote, or a closing quote missing)`],
      [withGb, `line ${(gbAt + 1).toLocaleString('en-US')}: this line is GB18030 (GBK), but the lines before it are UTF-8: a file must be in one encoding; save it again as CSV UTF-8`],
    ] as const) {
      const workDir = path.join(dir, `work-${path.basename(file)}`);
      await mkdir(workDir);
      const error = await processSource({ dataset, filePath: file, sha256: SHA, ingestSeq: 1, workDir, parallelism: 3, minBytesPerPart: 1024 * 1024 }).then(
      () => new Error('no error'),
      (caught: unknown) => caught as Error,
    );
      expect(error.message, path.basename(file)).toBe(expected);
    }
  }, 60_000);
});
