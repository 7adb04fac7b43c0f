/**
 * Two `ipstats ingest` processes started at once on one local lake, each with a file of the same
 * dataset carrying the same keys. The lake's write lock makes one wait for the other, so they
 * get distinct ingest_seq, the second sees the first's committed rows (its manifest says it
 * supersedes all of them) and the views keep the second's version of every key.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256File } from '../../etl/ingest/ingest-file.ts';
import { ManifestSchema, type Manifest } from '../../etl/ingest/manifest.ts';
import { LocalObjectStore } from '../../etl/lake/local-object-store.ts';
import { openLakeEngine } from '../../etl/pipeline/lake-engine.ts';
import { writePatentEventsCsv } from '../support/patent-events-csv.ts';
import { tempDir } from '../support/temp-dir.ts';
import { runCli, type CliResult } from './support/run-cli.ts';

const ROWS = 30_000;
const ROUNDS = 2;

interface Round {
  readonly results: readonly CliResult[];
  readonly manifests: readonly Manifest[];
  readonly counted: readonly { _source_sha256: string; n: number }[];
}

let work: string;
const rounds: Round[] = [];
const files: string[] = [];
const shas: string[] = [];

beforeAll(async () => {
  work = await tempDir('race');
  for (const [i, toName] of ['深圳甲公司', '深圳乙公司'].entries()) {
    files.push(path.join(work, `events-${i}.csv`));
    await writePatentEventsCsv(files[i]!, { rows: ROWS, idPrefix: 'R', toName });
    shas.push(await sha256File(files[i]!));
  }
  for (let round = 0; round < ROUNDS; round += 1) {
    const lake = path.join(work, `lake-${round}`);
    const results = await Promise.all(files.map((file) => runCli(['ingest', 'patent_events', file, '--lake', lake])));
    const manifests = await Promise.all(shas.map(async (sha) => ManifestSchema.parse(JSON.parse(await readFile(path.join(lake, 'manifests', 'patent_events', `${sha}.json`), 'utf8')))));
    const cache = path.join(work, `cache-${round}`);
    const engine = await openLakeEngine(new LocalObjectStore(lake), cache);
    try {
      const { rows } = await engine.query<{ _source_sha256: string; n: number }>('select _source_sha256, cast(count(*) as integer) as n from stg_patent_events group by 1 order by 1');
      rounds.push({ results, manifests, counted: rows });
    } finally {
      await engine.close();
      await rm(cache, { recursive: true, force: true });
    }
  }
}, 240_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe.each(Array.from({ length: ROUNDS }, (_, round) => round))('two ingest processes racing on one local lake, round %i', (round) => {
  it('both succeed with distinct ingest_seq', () => {
    const { results, manifests } = rounds[round]!;
    expect(results.map((result) => result.exitCode)).toEqual([0, 0]);
    expect(manifests.map((manifest) => manifest.ingest_seq).sort()).toEqual([1, 2]);
  });

  it('the second one saw the first committed: it supersedes every row of it', () => {
    const { manifests } = rounds[round]!;
    const [first, second] = [...manifests].sort((a, b) => a.ingest_seq - b.ingest_seq);
    expect(first!.keys.supersedes).toEqual({});
    expect(second!.keys.supersedes).toEqual({ [first!.source.sha256]: ROWS });
  });

  it('the views keep the version of the higher ingest_seq for every key', () => {
    const { manifests, counted } = rounds[round]!;
    const second = manifests.find((manifest) => manifest.ingest_seq === 2)!;
    expect(counted).toEqual([{ _source_sha256: second.source.sha256, n: ROWS }]);
  });
});
