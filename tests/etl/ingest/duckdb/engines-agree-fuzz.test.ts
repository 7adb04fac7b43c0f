/**
 * The JavaScript validator is the oracle of the ingestion in DuckDB (issue 14): for every dataset,
 * fuzzed sources — sample rows with random edits and breakage (every field's values broken in the
 * ways ingest-fuzz.test.ts breaks them), in random encodings, delimiters and line breaks — ingested
 * both ways give the same manifest, the same rejects (rows, lines, raw values, every reason) and
 * the same curated Parquet. Sources the DuckDB way hands to the JavaScript way agree trivially, so
 * the test also requires that DuckDB itself read most of them.
 *
 * Runs per dataset: IPSTATS_ENGINES_RUNS (default 3); seed: IPSTATS_FUZZ_SEED.
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
import { renderSource, sourcePlanArbitrary, type FuzzEncoding, type SourcePlan } from '../fuzz/fuzzed-source.ts';
import { sampleRows, type SampleRows } from '../fuzz/sample-rows.ts';

const RUNS = Number(process.env['IPSTATS_ENGINES_RUNS'] ?? 3);
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

/** Sources without file-level breakage, in the encodings DuckDB reads: the ones it must read itself. */
function readablePlan(sample: SampleRows): fc.Arbitrary<SourcePlan> {
  return fc.tuple(sourcePlanArbitrary(sample), fc.constantFrom<FuzzEncoding>('utf-8', 'utf-8-bom', 'gb18030')).map(([plan, encoding]) => ({
    ...plan,
    encoding,
    fileBreak: null,
    // A row over 4 MiB is past DuckDB's longest line: the JavaScript way's (ingest-fuzz.test.ts covers it).
    edits: plan.edits.filter((edit) => edit.kind !== 'long-row'),
  }));
}

describe('the JavaScript and DuckDB ways agree on fuzzed sources', () => {
  const datasets = DATASET_NAMES.filter((name) => hasRowPlan(DATASETS[name]));
  it.each(datasets)('%s', async (dataset) => {
    const sample = await sampleRows(dataset, 40);
    let run = 0;
    let readByDuckDb = 0;
    let readable = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(sourcePlanArbitrary(sample).map((plan) => ({ plan, readable: false })), readablePlan(sample).map((plan) => ({ plan, readable: true }))), async ({ plan, readable: mustRead }) => {
        const runDir = await mkdtemp(path.join(dir, `${dataset}-`));
        try {
          const file = path.join(runDir, 'source.csv');
          await writeFile(file, renderSource(sample, plan).bytes);
          const both = await ingestBothWays(connection, runDir, DATASETS[dataset], file);
          if (both.fallback === null) readByDuckDb++;
          if (mustRead) {
            readable++;
            // Only a stray quote or line break in a value, or an empty file, may still send it the JavaScript way.
            if (both.fallback !== null) expect(both.fallback, `${dataset} run ${run}`).toMatch(/quote|carriage return|line feed|line breaks|header|every line/);
          }
          expect(both.differences, `${dataset} run ${run++}: ${JSON.stringify({ ...plan, edits: plan.edits.map((edit) => edit.kind) })}`).toEqual([]);
        } finally {
          await rm(runDir, { recursive: true, force: true });
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect(readByDuckDb, `sources DuckDB read itself, of ${readable} it should read`).toBeGreaterThan(0);
  }, 180_000);
});
