/**
 * The merge step of a large source at the merge-ranges function's memory: the ranges of a
 * generated 300,000-row source (≈ 60 MB, three partitions of ~100,000 rows) are ingested here,
 * then mergeRanges runs alone in a child process with AWS_LAMBDA_FUNCTION_MEMORY_SIZE set to the
 * template's value and Node's heap held to what etl/engines/duckdb-resources.ts leaves it. It must
 * publish every row inside the function's memory. With DuckDB held to the old fixed 64 MB, the same
 * merge must fail with DuckDB's out-of-memory error — promptly: a failed COPY once left the other
 * COPY running while its connection closed, and the process never exited.
 */
import { execFile } from 'node:child_process';
import { cp, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestRange } from '../../etl/aws/ingest-range.ts';
import { splitSource } from '../../etl/aws/split-source.ts';
import { duckDbMemoryLimitMiB } from '../../etl/engines/duckdb-resources.ts';
import { LocalObjectStore } from '../../etl/lake/local-object-store.ts';
import { getDataset } from '../../etl/schemas/index.ts';
import { FUNCTION_SIZING } from '../../infra/lambda/function-sizing.ts';
import { tempDir } from '../support/temp-dir.ts';
import { writeJanuaryPatentEvents } from '../support/month-concentrated-source.ts';

const ROWS = 300_000;
const RANGE_BYTES = 16 * 1024 * 1024;
const MERGE_MEMORY_MB = FUNCTION_SIZING['merge-ranges'].memorySize;
const CHILD = path.resolve(import.meta.dirname, 'support/merge-ranges-child.ts');
const run = promisify(execFile);

interface ChildReport {
  readonly status: string;
  readonly rowsAccepted: number;
  readonly seconds: number;
  readonly peakRssMiB: number;
  readonly duckDbMemoryLimit: string | null;
}

describe('merge-ranges at the template memory (child process, 300,000 rows in 3 partitions)', () => {
  let dir: string;
  let planPath: string;

  beforeAll(async () => {
    dir = await tempDir('merge-memory');
    const lake = new LocalObjectStore(path.join(dir, 'ranges-ingested'));
    const source = path.join(dir, 'source.csv');
    await writeJanuaryPatentEvents(source, ROWS, 5);
    const key = 'inbox/patent_events/source.csv';
    await lake.putFile(key, source);
    const dataset = getDataset('patent_events');
    const plan = await splitSource({ lake, key, dataset, rangeBytes: RANGE_BYTES, workRoot: 'work/' });
    expect(plan.ranges.length).toBeGreaterThanOrEqual(3);
    for (const range of plan.ranges) await ingestRange({ lake, key, dataset, range });
    planPath = path.join(dir, 'plan.json');
    await writeFile(planPath, JSON.stringify(plan));
  }, 120_000);

  /** A fresh copy of the lake with every range ingested, merged by a child with the function's memory settings. */
  async function mergeInChild(label: string, extraEnv: Record<string, string> = {}): Promise<{ lakeDir: string; child: Promise<{ stdout: string; stderr: string }> }> {
    const lakeDir = path.join(dir, `lake-${label}`);
    await cp(path.join(dir, 'ranges-ingested'), lakeDir, { recursive: true });
    const nodeHeapMiB = MERGE_MEMORY_MB - duckDbMemoryLimitMiB(MERGE_MEMORY_MB);
    const env = { PATH: process.env['PATH'], TMPDIR: dir, AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(MERGE_MEMORY_MB), ...extraEnv };
    const child = run(process.execPath, [`--max-old-space-size=${nodeHeapMiB}`, '--import', 'tsx', CHILD, lakeDir, planPath], { env, timeout: 90_000, encoding: 'utf8' });
    return { lakeDir, child };
  }

  it('publishes every row within the function memory and leaves nothing under work/', async () => {
    const { lakeDir, child } = await mergeInChild('computed');
    const report = JSON.parse((await child).stdout.trim().split('\n').at(-1)!) as ChildReport;
    expect(report).toMatchObject({ status: 'ingested', rowsAccepted: ROWS, duckDbMemoryLimit: `${duckDbMemoryLimitMiB(MERGE_MEMORY_MB)}MiB` });
    expect(report.peakRssMiB).toBeLessThan(MERGE_MEMORY_MB);
    const workEntries = await readdir(path.join(lakeDir, 'work'), { recursive: true, withFileTypes: true });
    expect(workEntries.filter((entry) => entry.isFile()).map((entry) => entry.name)).toEqual([]);
    const curated = await readdir(path.join(lakeDir, 'curated', 'patent_events'));
    expect(curated.sort()).toEqual(['year=2023', 'year=2024', 'year=2025']);
    console.info(`merge-ranges at ${MERGE_MEMORY_MB} MB: ${JSON.stringify(report)}`);
  }, 120_000);

  it('fails, and exits, with DuckDB held to the old 64 MB limit', async () => {
    const { child } = await mergeInChild('old-limit', { IPSTATS_DUCKDB_MEMORY_LIMIT: '64MB' });
    const failure = (await child.then(
      () => undefined,
      (error: unknown) => error,
    )) as { code?: number; killed?: boolean; stderr?: string } | undefined;
    expect(failure).toBeDefined();
    expect(failure?.killed).toBe(false);
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/the curated Parquet of 202\d-01 could not be written: DuckDB: Out of Memory Error: .*\/61\.0 MiB used\)/);
  }, 120_000);
});
