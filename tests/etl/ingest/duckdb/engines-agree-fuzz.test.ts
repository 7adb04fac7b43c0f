/**
 * The JavaScript validator is the oracle of the ingestion in DuckDB (issue 14): for every dataset,
 * fuzzed sources — sample rows with random edits and breakage (every field's values broken in the
 * ways ingest-fuzz.test.ts breaks them), in random encodings, delimiters and line breaks — ingested
 * both ways give the same manifest, the same rejects (rows, lines, raw values, every reason) and
 * the same curated Parquet. Sources the DuckDB way hands to the JavaScript way agree trivially, so
 * the test also requires that DuckDB itself read most of them.
 *
 * Runs per dataset: IPSTATS_ENGINES_RUNS (default 6); seed: IPSTATS_FUZZ_SEED.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASET_NAMES } from '../../../../etl/schemas/dataset-spec.ts';
import { DATASETS } from '../../../../etl/schemas/index.ts';
import { hasRowPlan } from '../../../../etl/schemas/row-plan.ts';
import { ingestBothWays } from '../../../support/ingest-both-ways.ts';
import { tempDir } from '../../../support/temp-dir.ts';
import { renderSource, sourcePlanArbitrary } from '../fuzz/fuzzed-source.ts';
import { sampleRows } from '../fuzz/sample-rows.ts';

const RUNS = Number(process.env['IPSTATS_ENGINES_RUNS'] ?? 6);
const SEED = Number(process.env['IPSTATS_FUZZ_SEED'] ?? 20251);

let dir: string;
let duckdb: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  dir = await tempDir('engines-agree');
  duckdb = await DuckDBInstance.create(':memory:', { threads: '1' });
  connection = await duckdb.connect();
});

afterAll(() => {
  connection?.closeSync();
  duckdb?.closeSync();
});

describe('the JavaScript and DuckDB ways agree on fuzzed sources', () => {
  const datasets = DATASET_NAMES.filter((name) => hasRowPlan(DATASETS[name]));
  it.each(datasets)('%s', async (dataset) => {
    const sample = await sampleRows(dataset, 40);
    let run = 0;
    let readByDuckDb = 0;
    await fc.assert(
      fc.asyncProperty(sourcePlanArbitrary(sample), async (plan) => {
        const runDir = await mkdtemp(path.join(dir, `${dataset}-`));
        try {
          const file = path.join(runDir, 'source.csv');
          await writeFile(file, renderSource(sample, plan).bytes);
          const both = await ingestBothWays(connection, runDir, DATASETS[dataset], file);
          if (both.fallback === null) readByDuckDb++;
          expect(both.differences, `${dataset} run ${run++}: ${JSON.stringify({ ...plan, edits: plan.edits.map((edit) => edit.kind) })}`).toEqual([]);
        } finally {
          await rm(runDir, { recursive: true, force: true });
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect(readByDuckDb, 'sources DuckDB read itself').toBeGreaterThan(0);
  }, 180_000);
});
