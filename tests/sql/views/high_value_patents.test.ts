/**
 * The high-value invention patent views and the as-of-month-end count (docs/high-value-patents.md),
 * on hand-computed fixture rows. Report month 2024-06: month end 2024-06-30; threshold 1000万元.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchHighValuePatentsInput } from '../../../etl/reports/high-value-patents-queries.ts';
import { sqlFixture, type FixtureRow, type SqlFixture } from '../../support/sql-fixture.ts';

const cityConfig: FixtureRow[] = [
  { city_code: '440300', city_name: '深圳市', programme_start_year: 2024, base_year: 2023 },
  { city_code: '110000', city_name: '北京市', programme_start_year: 2024, base_year: 2023 },
];

const invention = (row: FixtureRow): FixtureRow => ({
  patent_type: 'invention',
  legal_status: 'granted',
  city_code: '440300',
  application_date: '2020-01-01',
  grant_date: '2022-05-01',
  strategic_emerging: false,
  overseas_family: false,
  award: false,
  ...row,
});

const patents: FixtureRow[] = [
  // filed exactly 10 years before the month end: 2014-06-30 + 10 years = 2024-06-30, not < 2024-06-30
  invention({ application_no: 'P1', application_date: '2014-06-30', grant_date: '2017-01-01' }),
  // one day earlier: 2024-06-29 < 2024-06-30, maintained more than 10 years
  invention({ application_no: 'P2', application_date: '2014-06-29', grant_date: '2016-03-01' }),
  // three criteria, counted once in high_value
  invention({ application_no: 'P3', strategic_emerging: true, overseas_family: true, award: true }),
  // lapsed: not in force
  invention({ application_no: 'P4', legal_status: 'lapsed', strategic_emerging: true }),
  // granted after the month end
  invention({ application_no: 'P5', grant_date: '2024-07-01', strategic_emerging: true }),
  // a utility model is no invention patent
  invention({ application_no: 'P6', patent_type: 'utility_model', strategic_emerging: true }),
  // pledged together for 2000万元: 1000万元 each, exactly the threshold
  invention({ application_no: 'P7' }),
  invention({ application_no: 'P8' }),
  // a city that is not configured
  invention({ application_no: 'P9', city_code: '310000', strategic_emerging: true }),
  // 110000: unknown flags
  invention({ application_no: 'Q1', city_code: '110000', strategic_emerging: null }),
  invention({ application_no: 'Q2', city_code: '110000', strategic_emerging: null, overseas_family: true }),
];

const pledges: FixtureRow[] = [
  { pledge_id: 'PL1', ip_type: 'patent', registration_date: '2024-03-15', status: 'cancelled', pledgor_city_code: '440300', secured_amount_cny: '20000000.00', patent_application_nos: 'P7;P8' },
  // after the month end: not counted for 2024-06
  { pledge_id: 'PL2', ip_type: 'patent', registration_date: '2024-07-01', status: 'registered', pledgor_city_code: '440300', secured_amount_cny: '50000000.00', patent_application_nos: 'P1' },
  // 100.01 yuan = 10001 fen over three patents: 3333 fen each, 2 fen assigned to none
  { pledge_id: 'PL3', ip_type: 'mixed', registration_date: '2023-01-10', status: 'registered', pledgor_city_code: '440300', secured_amount_cny: '100.01', patent_application_nos: 'A1;A2;A3' },
  // 110000: a patent pledge that does not list its patents
  { pledge_id: 'PL4', ip_type: 'patent', registration_date: '2024-01-01', status: 'registered', pledgor_city_code: '110000', secured_amount_cny: '3000000.00', patent_application_nos: null },
  // a trademark pledge without a list says nothing about patents
  { pledge_id: 'PL5', ip_type: 'trademark', registration_date: '2024-01-01', status: 'registered', pledgor_city_code: '440300', secured_amount_cny: '1.00', patent_application_nos: null },
];

const cityAccounts: FixtureRow[] = [
  { city_code: '440300', admin_code: '440305', year: 2023, gdp_cny: '1.00', resident_population: 1000 },
  { city_code: '440300', admin_code: '440307', year: 2023, gdp_cny: '1.00', resident_population: 2000 },
  // 2024: one district without its population, so the year is unknown
  { city_code: '440300', admin_code: '440305', year: 2024, gdp_cny: '1.00', resident_population: 1100 },
  { city_code: '440300', admin_code: '440307', year: 2024, gdp_cny: '1.00', resident_population: null },
];

describe('high-value invention patents', () => {
  let db: SqlFixture;
  beforeAll(async () => {
    db = await sqlFixture();
    await db.insert('city_config', cityConfig);
    await db.insert('patents', patents);
    await db.insert('pledges', pledges);
    await db.insert('city_accounts', cityAccounts);
    await db.createViews();
  });
  afterAll(async () => db.close());

  it('splits each listed pledge equally among its patents, rounded down to the fen, whatever its status', async () => {
    expect(await db.rows('select pledge_id, application_no, registration_date, share_fen from int_patent_pledge_shares order by pledge_id, application_no')).toEqual([
      { pledge_id: 'PL1', application_no: 'P7', registration_date: '2024-03-15', share_fen: 1_000_000_000 },
      { pledge_id: 'PL1', application_no: 'P8', registration_date: '2024-03-15', share_fen: 1_000_000_000 },
      { pledge_id: 'PL2', application_no: 'P1', registration_date: '2024-07-01', share_fen: 5_000_000_000 },
      { pledge_id: 'PL3', application_no: 'A1', registration_date: '2023-01-10', share_fen: 3333 },
      { pledge_id: 'PL3', application_no: 'A2', registration_date: '2023-01-10', share_fen: 3333 },
      { pledge_id: 'PL3', application_no: 'A3', registration_date: '2023-01-10', share_fen: 3333 },
    ]);
  });

  it('keeps granted invention patents of configured cities, with the date 10 years after filing (29 Feb → 28 Feb)', async () => {
    const rows = await db.rows('select application_no, ten_years_after_filing from mart_city_invention_patents_in_force order by application_no');
    expect(rows.map((row) => row['application_no'])).toEqual(['P1', 'P2', 'P3', 'P5', 'P7', 'P8', 'Q1', 'Q2']);
    expect(rows[0]).toEqual({ application_no: 'P1', ten_years_after_filing: '2024-06-30' });
    expect(await db.rows(`select cast(cast(date '2016-02-29' + interval '10' year as date) as varchar) as d`)).toEqual([{ d: '2026-02-28' }]);
  });

  it('sums districts into the city population, unknown when a district lacks it', async () => {
    expect(await db.rows('select city_code, year, resident_population from int_city_resident_population order by city_code, year')).toEqual([
      { city_code: '440300', year: 2023, resident_population: 3000 },
      { city_code: '440300', year: 2024, resident_population: null },
    ]);
  });

  it('counts 440300 at the end of 2024-06: 5 in force, 4 high-value, each criterion', async () => {
    // in force: P1 P2 P3 P7 P8 (P4 lapsed, P5 granted in July, P6 utility model, P9 not configured)
    // high-value: P2 (maintained), P3 (three criteria, once), P7 and P8 (1000万元 each, = threshold); P1 none
    const input = await fetchHighValuePatentsInput(db.engine, '440300', '2024-06', '10000000.00');
    expect(input).toEqual({
      asOf: '2024-06-30',
      inventionInForce: 5,
      highValue: 4,
      highValueUnknown: 0,
      byCriterion: {
        strategic_emerging: { met: 1, unknown: 0 },
        overseas_family: { met: 1, unknown: 0 },
        maintained_over_10_years: { met: 1, unknown: 0 },
        high_pledge: { met: 2, unknown: 0 },
        award: { met: 1, unknown: 0 },
      },
      pledgesWithoutPatentList: 0,
      // 2024 is unknown (a district lacks it): the latest earlier year
      population: { year: 2023, persons: 3000 },
      pledgeThresholdCny: '10000000.00',
    });
  });

  it('one fen above the split share, the pledge criterion is not met', async () => {
    const input = await fetchHighValuePatentsInput(db.engine, '440300', '2024-06', '10000000.01');
    expect(input.byCriterion.high_pledge).toEqual({ met: 0, unknown: 0 });
    expect(input.highValue).toBe(2);
  });

  it('counts the maintenance criterion from the month after exactly 10 years', async () => {
    const july = await fetchHighValuePatentsInput(db.engine, '440300', '2024-07', '10000000.00');
    // P1 now maintained (2024-06-30 < 2024-07-31) and pledged 5000万元 by PL2; P5 granted 2024-07-01
    expect(july.inventionInForce).toBe(6);
    expect(july.byCriterion.maintained_over_10_years).toEqual({ met: 2, unknown: 0 });
    expect(july.byCriterion.high_pledge).toEqual({ met: 3, unknown: 0 });
    expect(july.highValue).toBe(6);
  });

  it('leaves unknown what a blank flag or an unlisted pledge does not say (110000)', async () => {
    // Q1: strategic unknown, others false, pledges unknown (PL4 lists no patents) → high-value unknown
    // Q2: overseas family → high-value whatever the unknowns
    const input = await fetchHighValuePatentsInput(db.engine, '110000', '2024-06', '10000000.00');
    expect(input).toMatchObject({
      inventionInForce: 2,
      highValue: 1,
      highValueUnknown: 1,
      byCriterion: {
        strategic_emerging: { met: 0, unknown: 2 },
        overseas_family: { met: 1, unknown: 0 },
        maintained_over_10_years: { met: 0, unknown: 0 },
        high_pledge: { met: 0, unknown: 2 },
        award: { met: 0, unknown: 0 },
      },
      pledgesWithoutPatentList: 1,
      population: null,
    });
    // Before PL4 was registered, the pledges are known
    const before = await fetchHighValuePatentsInput(db.engine, '110000', '2023-12', '10000000.00');
    expect(before.byCriterion.high_pledge).toEqual({ met: 0, unknown: 0 });
    expect(before.pledgesWithoutPatentList).toBe(0);
  });
});
