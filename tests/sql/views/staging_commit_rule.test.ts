/**
 * The commit rule in the staging views (docs/lake.md "The commit rule"): a curated row counts
 * only when its `_source_sha256` has a manifest with status `ingested` for its dataset. Rows an
 * interrupted ingestion left behind neither count nor hide the committed version of their key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASET_NAMES } from '../../../etl/schemas/dataset-spec.ts';
import { DATASETS } from '../../../etl/schemas/index.ts';
import { sqlFixture, type FixtureRow, type SqlFixture } from '../../support/sql-fixture.ts';

const keyRow = (dataset: (typeof DATASET_NAMES)[number], variant: string): FixtureRow =>
  Object.fromEntries(DATASETS[dataset].key.map((column) => [column, column === 'year' ? 2024 : column === 'period' ? '2024-03-01' : variant]));

describe('staging views count committed ingestions only', () => {
  let db: SqlFixture;
  beforeAll(async () => {
    db = await sqlFixture();
    for (const dataset of DATASET_NAMES) {
      // committed: K1 and K2 of file "committed" (seq 1)
      await db.insert(dataset, [
        { ...keyRow(dataset, 'K1'), _source_sha256: 'committed', _ingest_seq: 1 },
        { ...keyRow(dataset, 'K2'), _source_sha256: 'committed', _ingest_seq: 1 },
      ]);
      // left behind by an interrupted ingestion: a newer version of K1 (seq 2) and a new key K3
      await db.insert(
        dataset,
        [
          { ...keyRow(dataset, 'K1'), _source_sha256: 'interrupted', _ingest_seq: 2 },
          { ...keyRow(dataset, 'K3'), _source_sha256: 'interrupted', _ingest_seq: 2 },
        ],
        { committed: false },
      );
      // a file rejected whole has a manifest, but not `ingested`
      await db.insert(dataset, [{ ...keyRow(dataset, 'K4'), _source_sha256: 'rejected', _ingest_seq: 3 }], { committed: false });
    }
    await db.engine.execute(`INSERT INTO manifests VALUES ${DATASET_NAMES.map((d) => `('rejected', 'file_rejected', 3, '${d}')`).join(', ')}`);
    // the same SHA-256 committed for another dataset commits nothing here
    await db.engine.execute(`INSERT INTO manifests VALUES ('interrupted', 'ingested', 2, 'city_config')`);
    await db.createViews();
  });
  afterAll(async () => db?.close());

  it.each(DATASET_NAMES)('stg_%s keeps the committed rows, the committed version of a key included', async (dataset) => {
    const rows = await db.rows(`SELECT _source_sha256, _ingest_seq FROM stg_${dataset} ORDER BY _source_sha256, _source_row`);
    expect(rows).toEqual([
      { _source_sha256: 'committed', _ingest_seq: 1 },
      { _source_sha256: 'committed', _ingest_seq: 1 },
    ]);
  });

  it('counts nothing of an uncommitted file in the marts', async () => {
    expect(await db.rows(`SELECT source_sha256 FROM mart_source_file_months WHERE source_sha256 <> 'committed'`)).toEqual([]);
  });
});
