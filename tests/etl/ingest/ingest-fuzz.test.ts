/**
 * Property test over every dataset: sample rows with random edits and random breakage, in random
 * encodings, delimiters and line breaks, ingested into a fresh lake. Whatever the input:
 * - ingestFile never throws;
 * - a file rejected whole says why (and publishes nothing); an empty file and UTF-16 without a
 *   byte order mark are always rejected whole, with that reason;
 * - otherwise every record read is in curated or in rejects with a reason, never both, never
 *   neither (record numbers 2 … read + 1 split between the two);
 * - when the records can still be told apart (no file-level breakage), every record written is
 *   one read, each reject names the physical line its record starts on, and a row over 4 MiB is
 *   a row_too_long reject;
 * - no manifest error quotes a value of a row.
 *
 * Runs per dataset: IPSTATS_FUZZ_RUNS (default 15); seed: IPSTATS_FUZZ_SEED (default fixed, so
 * the suite is reproducible; any number explores other inputs, and fast-check prints the seed and
 * the shrunk counterexample of a failure).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlStringLiteral } from '../../../etl/engines/sql-literals.ts';
import { ingestFile } from '../../../etl/ingest/ingest-file.ts';
import type { Manifest } from '../../../etl/ingest/manifest.ts';
import { LocalObjectStore } from '../../../etl/lake/local-object-store.ts';
import { DATASET_NAMES } from '../../../etl/schemas/dataset-spec.ts';
import { DATASETS } from '../../../etl/schemas/index.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { renderSource, sourcePlanArbitrary, type RenderedSource, type SourcePlan } from './fuzz/fuzzed-source.ts';
import { sampleRows } from './fuzz/sample-rows.ts';

const RUNS = Number(process.env['IPSTATS_FUZZ_RUNS'] ?? 15);
const SEED = Number(process.env['IPSTATS_FUZZ_SEED'] ?? 20251);
const CLOCK = () => new Date('2025-07-05T02:00:00Z');
const CJK = /[\u3400-\u9fff]/u;

let dir: string;
let duckdb: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  dir = await tempDir('ingest-fuzz');
  duckdb = await DuckDBInstance.create(':memory:', { threads: '1' });
  connection = await duckdb.connect();
});

afterAll(() => {
  connection?.closeSync();
  duckdb?.closeSync();
});

interface Reject {
  readonly row: number;
  readonly line: number;
  readonly reasons: readonly { readonly rule: string; readonly message: string }[];
}

async function curatedSourceRows(lake: string, manifest: Manifest): Promise<number[]> {
  if (manifest.outputs.curated.length === 0) return [];
  const files = manifest.outputs.curated.map((key) => sqlStringLiteral(path.join(lake, ...key.split('/')))).join(', ');
  const reader = await connection.runAndReadAll(`SELECT CAST(_source_row AS INTEGER) AS r FROM read_parquet([${files}], hive_partitioning = false)`);
  return reader.getRowObjectsJson().map((row) => Number(row['r']));
}

async function rejectsOf(store: LocalObjectStore, manifest: Manifest): Promise<Reject[]> {
  if (manifest.outputs.rejects === null) return [];
  return (await store.getText(manifest.outputs.rejects)).trim().split('\n').map((line) => JSON.parse(line) as Reject);
}

/** Names and other values of four or more Chinese characters: what a message must never quote. */
function personalValues(source: RenderedSource): string[] {
  return [...new Set(source.records.flat().filter((value) => CJK.test(value) && value.length >= 4 && value.length < 1000))];
}

async function checkOne(dataset: (typeof DATASET_NAMES)[number], plan: SourcePlan, source: RenderedSource, run: number): Promise<void> {
  const runDir = await mkdtemp(path.join(dir, `${dataset}-`));
  try {
    const file = path.join(runDir, 'source.csv');
    await writeFile(file, source.bytes);
    const lake = path.join(runDir, 'lake');
    const store = new LocalObjectStore(lake);
    const { manifest } = await ingestFile({ store, dataset: DATASETS[dataset], filePath: file, now: CLOCK });
    const context = `${dataset} run ${run}: ${JSON.stringify({ ...plan, edits: plan.edits.map((edit) => edit.kind) })}`;

    for (const value of personalValues(source)) expect(manifest.error ?? '', context).not.toContain(value);
    if (source.refusal !== null) {
      expect(manifest.status, context).toBe('file_rejected');
      expect(manifest.error, context).toMatch(source.refusal);
    }
    if (manifest.status === 'file_rejected') {
      expect(manifest.error, context).toMatch(/\S/);
      expect(manifest.outputs.curated, context).toEqual([]);
      expect(manifest.outputs.rejects, context).toBeNull();
      // Records that can be told apart are rejected row by row, unless a whole-table check refuses them together.
      if (source.intact) expect(DATASETS[dataset].checkWholeFile, `${context}: ${manifest.error}`).toBeDefined();
      return;
    }

    const curated = await curatedSourceRows(lake, manifest);
    const rejects = await rejectsOf(store, manifest);
    const read = manifest.rows.read;
    expect([curated.length, rejects.length], context).toEqual([manifest.rows.accepted, manifest.rows.rejected]);
    const seen = [...curated, ...rejects.map((reject) => reject.row)].sort((a, b) => a - b);
    expect(seen, `${context}: every record once, in curated or in rejects`).toEqual(Array.from({ length: read }, (_, index) => index + 2));
    for (const reject of rejects) {
      expect(reject.reasons.length, context).toBeGreaterThan(0);
      for (const reason of reject.reasons) expect(reason.rule, context).toMatch(/^[a-z_0-9]+$/);
    }
    if (!source.intact) return;
    expect(read, context).toBe(source.records.length);
    for (const reject of rejects) expect(reject.line, `${context}: line of record ${reject.row}`).toBe(source.lines[reject.row - 2]);
    const tooLong = rejects.filter((reject) => reject.reasons.some((reason) => reason.rule === 'row_too_long')).map((reject) => reject.row - 2);
    expect(tooLong, context).toEqual(source.longRows);
  } finally {
    await rm(runDir, { recursive: true, force: true });
  }
}

describe('ingesting fuzzed sources', () => {
  it.each(DATASET_NAMES)('%s: every record is curated or rejected with a reason, and nothing crashes', async (dataset) => {
    const sample = await sampleRows(dataset, 60);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(sourcePlanArbitrary(sample), async (plan) => {
        await checkOne(dataset, plan, renderSource(sample, plan), run++);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: false },
    );
  }, 120_000);
});
