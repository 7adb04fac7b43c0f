import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDuckDbEngine } from '../../../etl/engines/duckdb-engine.ts';
import { manifestsViewSql, registerManifestsSource } from '../../../etl/engines/manifests-source.ts';
import { tempDir } from '../../support/temp-dir.ts';

const dir = await tempDir('manifests-source');
const engine = createDuckDbEngine({ threads: 1 });
afterAll(async () => engine.close());

const manifest = (dataset: string, sha: string, status: string, seq: number) =>
  `${JSON.stringify({ schema_version: 1, dataset, status, ingest_seq: seq, source: { name: 'x.csv', sha256: sha, bytes: 1 }, rows: { read: 1 } }, null, 2)}\n`;

describe('registerManifestsSource', () => {
  it('reads the indented manifests of every dataset folder into source_sha256, status, ingest_seq, dataset', async () => {
    const manifests = path.join(dir, 'manifests');
    await mkdir(path.join(manifests, 'pledges'), { recursive: true });
    await mkdir(path.join(manifests, 'patents'), { recursive: true });
    await writeFile(path.join(manifests, 'pledges', `${'a'.repeat(64)}.json`), manifest('pledges', 'a'.repeat(64), 'ingested', 1));
    await writeFile(path.join(manifests, 'pledges', `${'b'.repeat(64)}.json`), manifest('pledges', 'b'.repeat(64), 'file_rejected', 2));
    await writeFile(path.join(manifests, 'patents', `${'c'.repeat(64)}.json`), manifest('patents', 'c'.repeat(64), 'ingested', 1));
    expect(await registerManifestsSource(engine, { manifestsDir: manifests })).toEqual({ manifests: 3 });
    const { rows, columns } = await engine.query('select * from manifests order by dataset, source_sha256');
    expect(columns.map((c) => `${c.name} ${c.type}`)).toEqual(['source_sha256 VARCHAR', 'status VARCHAR', 'ingest_seq INTEGER', 'dataset VARCHAR']);
    expect(rows).toEqual([
      { source_sha256: 'c'.repeat(64), status: 'ingested', ingest_seq: 1, dataset: 'patents' },
      { source_sha256: 'a'.repeat(64), status: 'ingested', ingest_seq: 1, dataset: 'pledges' },
      { source_sha256: 'b'.repeat(64), status: 'file_rejected', ingest_seq: 2, dataset: 'pledges' },
    ]);
  });

  it('is an empty view without manifests, and an empty table for fixtures, replacing what was there', async () => {
    expect(await registerManifestsSource(engine, { manifestsDir: path.join(dir, 'none'), emptyAs: 'table' })).toEqual({ manifests: 0 });
    expect(await registerManifestsSource(engine, { manifestsDir: path.join(dir, 'none') })).toEqual({ manifests: 0 });
    expect((await engine.query('select count(*) as n from manifests')).rows).toEqual([{ n: 0 }]);
  });

  it('reads each column from its JSON path, nested ones through a STRUCT', () => {
    expect(manifestsViewSql('/lake/manifests')).toBe(
      "CREATE OR REPLACE VIEW manifests AS\nSELECT\n  CAST(source.sha256 AS VARCHAR) AS source_sha256,\n  CAST(status AS VARCHAR) AS status,\n  CAST(ingest_seq AS INTEGER) AS ingest_seq,\n  CAST(dataset AS VARCHAR) AS dataset\n" +
        "FROM read_json('/lake/manifests/*/*.json', format = 'auto', columns = {dataset: 'VARCHAR', status: 'VARCHAR', ingest_seq: 'INTEGER', source: 'STRUCT(sha256 VARCHAR)'})",
    );
  });
});
