import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createViewFixture, type ViewFixture } from './view-fixture.ts';

describe('mart_source_file_months', () => {
  let fixture: ViewFixture;
  beforeAll(async () => {
    fixture = await createViewFixture({
      pledges: [
        { pledge_id: 'G1', registration_date: '2023-02-10', _source_sha256: 'a', _ingest_seq: 1 },
        { pledge_id: 'G2', registration_date: '2023-07-31', _source_sha256: 'a', _ingest_seq: 1 },
        // file b re-sends G2 dated later: G2 of file a is superseded, so file a ends in 2023-02
        { pledge_id: 'G2', registration_date: '2023-09-01', _source_sha256: 'b', _ingest_seq: 2 },
        // file c's only row is superseded by file d: file c has no current rows, no row here
        { pledge_id: 'G3', registration_date: '2024-01-05', _source_sha256: 'c', _ingest_seq: 3 },
        { pledge_id: 'G3', registration_date: '2024-01-06', _source_sha256: 'd', _ingest_seq: 4 },
      ],
      enterprise_accounts: [
        { uscc: 'U1', year: 2022, _source_sha256: 'e' },
        { uscc: 'U1', year: 2024, _source_sha256: 'e' },
      ],
      // reference dataset without a period: left out
      enterprises: [{ uscc: 'U1', name: '甲', city_code: '440300', is_sme: true, _source_sha256: 'f' }],
    });
  });
  afterAll(async () => fixture.close());

  it('gives each source file the first and last month of its current rows', async () => {
    const rows = await fixture.query('SELECT * FROM mart_source_file_months ORDER BY dataset, source_sha256');
    expect(rows).toEqual([
      // annual: January of the first year to December of the last
      { dataset: 'enterprise_accounts', source_sha256: 'e', first_month: '2022-01-01', last_month: '2024-12-01', row_count: 2 },
      { dataset: 'pledges', source_sha256: 'a', first_month: '2023-02-01', last_month: '2023-02-01', row_count: 1 },
      { dataset: 'pledges', source_sha256: 'b', first_month: '2023-09-01', last_month: '2023-09-01', row_count: 1 },
      { dataset: 'pledges', source_sha256: 'd', first_month: '2024-01-01', last_month: '2024-01-01', row_count: 1 },
    ]);
  });

  it('adds up per dataset to mart_dataset_coverage', async () => {
    expect(await fixture.query("SELECT * FROM mart_dataset_coverage WHERE dataset = 'pledges'")).toEqual([
      { dataset: 'pledges', first_month: '2023-02-01', last_month: '2024-01-01', row_count: 3 },
    ]);
  });
});
