import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createViewFixture, type FixtureRow, type ResultRow, type ViewFixture } from './view-fixture.ts';

// Configured: 440300 (programme starts 2024) and 110000 (programme starts 2023). 310000 is not configured.
const cityConfig: FixtureRow[] = [
  { city_code: '440300', city_name: '深圳市', programme_start_year: 2024, base_year: 2023 },
  { city_code: '110000', city_name: '北京市', programme_start_year: 2023, base_year: 2022 },
];

const pledge = (row: FixtureRow): FixtureRow => ({ ip_type: 'patent', ip_count: 1, pledgor_name: '出质人', pledgee_name: '银行', ...row });
const pledges: FixtureRow[] = [
  pledge({ pledge_id: 'G1', status: 'registered', registration_date: '2024-02-10', pledgor_city_code: '440300', pledgor_admin_code: '440305', secured_amount_cny: '5000000.00' }),
  pledge({ pledge_id: 'G2', status: 'registered', registration_date: '2024-02-20', pledgor_city_code: '440300', secured_amount_cny: '1234567.89' }),
  pledge({ pledge_id: 'G3', status: 'cancelled', registration_date: '2024-02-25', pledgor_city_code: '440300', secured_amount_cny: '9999999.00' }),
  pledge({ pledge_id: 'G4', status: 'changed', registration_date: '2024-03-01', pledgor_city_code: '440300', secured_amount_cny: '100.00' }),
  pledge({ pledge_id: 'G5', status: 'registered', registration_date: '2024-03-15', pledgor_city_code: '310000', secured_amount_cny: '700.00' }),
  // G6 corrected by a later file: 800.50, not 300.00
  pledge({ pledge_id: 'G6', status: 'registered', registration_date: '2024-03-20', pledgor_city_code: '440300', secured_amount_cny: '800.50', _ingest_seq: 2 }),
  pledge({ pledge_id: 'G6', status: 'registered', registration_date: '2024-03-20', pledgor_city_code: '440300', secured_amount_cny: '300.00', _ingest_seq: 1 }),
];

const contract = (row: FixtureRow): FixtureRow => ({ seller_name: '卖方', seller_type: 'university', ...row });
const techContracts: FixtureRow[] = [
  contract({ contract_id: 'C1', registration_date: '2024-01-08', contract_type: 'transfer', ip_kind: 'patent', seller_city_code: '110000', turnover_cny: '1000000.00' }),
  contract({ contract_id: 'C2', registration_date: '2024-01-30', contract_type: 'development', ip_kind: 'patent', seller_city_code: '110000', seller_admin_code: '110108', turnover_cny: '250000.50' }),
  contract({ contract_id: 'C3', registration_date: '2024-01-15', contract_type: 'transfer', ip_kind: 'software', seller_city_code: '110000', turnover_cny: '999.00' }),
  contract({ contract_id: 'C4', registration_date: '2024-02-02', contract_type: 'licence', ip_kind: 'patent', seller_city_code: '440300', buyer_city_code: '110000', turnover_cny: '0.00' }),
  contract({ contract_id: 'C5', registration_date: '2024-02-03', contract_type: 'transfer', ip_kind: 'patent', seller_city_code: '310000', buyer_city_code: '440300', turnover_cny: '5000.00' }),
];

const universityEvent = (row: FixtureRow): FixtureRow => ({
  application_no: '202410000001.5', event_type: 'licence', from_name: '某大学', from_type: 'university',
  from_city_code: '110000', to_type: 'enterprise', to_city_code: '440300', ...row,
});
const patentEvents: FixtureRow[] = [
  universityEvent({ event_id: 'S1', effective_date: '2024-02-05', to_name: '甲公司', to_uscc: 'U1', to_is_sme: true }),
  universityEvent({ event_id: 'S2', effective_date: '2024-02-15', from_type: 'research_institute', to_name: '乙公司', to_uscc: 'U2', to_is_sme: null }),
  universityEvent({ event_id: 'S3', effective_date: '2024-02-16', to_name: '丙公司', to_uscc: 'U3', to_is_sme: null }),
  universityEvent({ event_id: 'S4', effective_date: '2024-02-17', to_name: '丁公司', to_uscc: 'U4', to_is_sme: false }),
  universityEvent({ event_id: 'S5', effective_date: '2024-04-01', event_type: 'transfer', to_name: '甲公司', to_uscc: 'U1', to_is_sme: true }),
  universityEvent({ event_id: 'S6', effective_date: '2024-02-18', from_type: 'enterprise', to_name: '戊公司', to_uscc: 'U5', to_is_sme: true }),
  universityEvent({ event_id: 'S7', effective_date: '2024-03-03', to_name: '深圳某某科技有限公司', to_uscc: null, to_is_sme: true }),
  universityEvent({ event_id: 'S8', effective_date: '2024-05-05', to_name: '深圳 某某科技有限公司', to_uscc: null, to_is_sme: true }),
  universityEvent({ event_id: 'S9', effective_date: '2023-11-20', to_name: '己公司', to_uscc: 'U6', to_is_sme: true }),
  universityEvent({ event_id: 'S10', effective_date: '2024-06-10', to_name: '己公司', to_uscc: 'U6', to_is_sme: true }),
  universityEvent({ event_id: 'S11', effective_date: '2024-02-05', to_name: '庚公司', to_uscc: 'U7', to_is_sme: true, to_city_code: '310000' }),
];
const enterprise = (row: FixtureRow): FixtureRow => ({ city_code: '440300', industry_code: '3911', ...row });
const enterprises: FixtureRow[] = [
  enterprise({ uscc: 'U2', name: '乙公司', is_sme: true }),
  enterprise({ uscc: 'U3', name: '丙公司', is_sme: false }),
  enterprise({ uscc: 'U4', name: '丁公司', is_sme: true }),
];

const record = (row: FixtureRow): FixtureRow => ({ city_code: '440300', entity_name: '主体', ...row });
const programmeRecords: FixtureRow[] = [
  // certification in 440300 (programme from 2024-01-01)
  record({ record_id: 'R1', kind: 'ip_management_certification', entity_uscc: 'U10', event_date: '2024-01-10' }),
  record({ record_id: 'R2', kind: 'ip_management_certification', entity_uscc: 'U10', event_date: '2024-03-10' }),
  record({ record_id: 'R3', kind: 'ip_management_certification', entity_name: '某某（深圳）电子有限公司', entity_uscc: null, event_date: '2024-03-12' }),
  record({ record_id: 'R4', kind: 'ip_management_certification', entity_name: '某某(深圳)电子有限公司', entity_uscc: 'U11', event_date: '2024-05-01' }),
  record({ record_id: 'R5', kind: 'ip_management_certification', entity_uscc: 'U12', event_date: '2023-06-01' }),
  record({ record_id: 'R6', kind: 'ip_management_certification', entity_uscc: 'U12', event_date: '2024-02-01' }),
  record({ record_id: 'R7', kind: 'ip_management_certification', entity_uscc: 'U13', event_date: '2023-12-31' }),
  // custody in 110000 (programme from 2023-01-01)
  record({ record_id: 'R8', kind: 'ip_custody', city_code: '110000', entity_uscc: 'U20', event_date: '2023-01-01' }),
  record({ record_id: 'R9', kind: 'ip_custody', city_code: '110000', entity_uscc: 'U20', event_date: '2023-02-03' }),
  record({ record_id: 'R10', kind: 'ip_custody', city_code: '110000', entity_uscc: 'U10', event_date: '2023-02-14' }),
  record({ record_id: 'R11', kind: 'ip_custody', city_code: '110000', entity_uscc: 'U21', event_date: '2022-12-31' }),
  // record-count kinds
  record({ record_id: 'R12', kind: 'securitization', event_date: '2024-02-01' }),
  record({ record_id: 'R13', kind: 'securitization', event_date: '2024-02-28' }),
  record({ record_id: 'R14', kind: 'patent_navigation', event_date: '2023-05-05' }),
  record({ record_id: 'R15', kind: 'operation_centre', city_code: '110000', admin_code: '110105', event_date: '2024-06-06' }),
  record({ record_id: 'R16', kind: 'service_platform', event_date: '2024-02-02' }),
  record({ record_id: 'R17', kind: 'securitization', city_code: '310000', event_date: '2024-02-01' }),
  // R18 corrected by a later file: now a navigation project in July
  record({ record_id: 'R18', kind: 'operation_centre', event_date: '2024-01-01', _ingest_seq: 1 }),
  record({ record_id: 'R18', kind: 'patent_navigation', event_date: '2024-07-07', _ingest_seq: 2 }),
  // R19 twice in the same file: the later line (row 9) wins, whatever the table order
  record({ record_id: 'R19', kind: 'securitization', event_date: '2024-09-01', _ingest_seq: 3, _source_row: 9 }),
  record({ record_id: 'R19', kind: 'securitization', event_date: '2024-08-01', _ingest_seq: 3, _source_row: 5 }),
];

const giProducts: FixtureRow[] = [
  { gi_id: 'GI1', name: '南山荔枝', protection_type: 'product', city_code: '440300', approval_date: '2006-01-01', in_promotion_project: true },
  { gi_id: 'GI2', name: '深圳茶', protection_type: 'collective_mark', city_code: '440300', approval_date: '2010-01-01', in_promotion_project: false },
];
const giOutput: FixtureRow[] = [
  { gi_id: 'GI1', producer_name: '甲', producer_uscc: 'U30', city_code: '440300', period: '2024-03-01', output_value_cny: '100000.00', uses_special_mark: true },
  { gi_id: 'GI1', producer_name: '乙', producer_uscc: 'U31', city_code: '440400', period: '2024-03-01', output_value_cny: '50000.25', uses_special_mark: true },
  { gi_id: 'GI1', producer_name: '丙', producer_uscc: 'U32', city_code: '440300', period: '2024-03-01', output_value_cny: '70000.00', uses_special_mark: false },
  { gi_id: 'GI2', producer_name: '甲', producer_uscc: 'U30', city_code: '440300', period: '2024-03-01', output_value_cny: '20000.00', uses_special_mark: true },
  { gi_id: 'GI9', producer_name: '丁', producer_uscc: 'U33', city_code: '440300', period: '2024-03-01', output_value_cny: '999.00', uses_special_mark: true },
];

describe('mart_city_indicator_monthly', () => {
  let fixture: ViewFixture;
  const indicatorRows = (ids: readonly string[]): Promise<ResultRow[]> =>
    fixture.query(
      `SELECT city_code, indicator_id, month, value FROM mart_city_indicator_monthly
       WHERE indicator_id IN (${ids.map((id) => `'${id}'`).join(', ')})
       ORDER BY indicator_id, city_code, month`,
    );

  beforeAll(async () => {
    fixture = await createViewFixture({
      city_config: cityConfig,
      pledges,
      tech_contracts: techContracts,
      patent_events: patentEvents,
      enterprises,
      programme_records: programmeRecords,
      gi_products: giProducts,
      gi_output: giOutput,
    });
  });
  afterAll(async () => fixture.close());

  it('counts new pledge registrations by the pledgor\'s city, not changes, cancellations or superseded amounts', async () => {
    // 440300 2024-02: G1 5000000.00 + G2 1234567.89 = 6234567.89, 2 projects (G3 cancelled is not counted)
    // 440300 2024-03: G6's current version 800.50, 1 project (G4 changed is not counted; G5 is 310000)
    expect(await indicatorRows(['pledge_amount_cny', 'pledge_project_count'])).toEqual([
      { city_code: '440300', indicator_id: 'pledge_amount_cny', month: '2024-02-01', value: '6234567.89' },
      { city_code: '440300', indicator_id: 'pledge_amount_cny', month: '2024-03-01', value: '800.50' },
      { city_code: '440300', indicator_id: 'pledge_project_count', month: '2024-02-01', value: '2.00' },
      { city_code: '440300', indicator_id: 'pledge_project_count', month: '2024-03-01', value: '1.00' },
    ]);
  });

  it('sums patent contracts by the seller\'s city, leaving out other IP kinds and zero months', async () => {
    // 110000 2024-01: C1 1000000.00 + C2 250000.50 (C3 is software); C4 is zero → no row; C5's seller is unconfigured
    expect(await indicatorRows(['patent_contract_turnover_cny'])).toEqual([
      { city_code: '110000', indicator_id: 'patent_contract_turnover_cny', month: '2024-01-01', value: '1250000.50' },
    ]);
  });

  it('counts each SME taking a university or institute patent once, from programme start, in the taker\'s city', async () => {
    // 440300 (from 2024): 2024-02 U1 (S1, event says SME) + U2 (S2, register says SME) = 2
    //   (U3: register not SME; U4: event says not SME; U5: seller is an enterprise)
    // 2024-03: the name-only 深圳某某科技有限公司 (S7); S8 is the same name with a space → not new
    // 2024-04: U1 again (S5) → nothing; 2024-06: U6, whose S9 (2023-11) precedes the programme → 1
    // U7 is in unconfigured 310000.
    expect(await indicatorRows(['sme_university_patent_count'])).toEqual([
      { city_code: '440300', indicator_id: 'sme_university_patent_count', month: '2024-02-01', value: '2.00' },
      { city_code: '440300', indicator_id: 'sme_university_patent_count', month: '2024-03-01', value: '1.00' },
      { city_code: '440300', indicator_id: 'sme_university_patent_count', month: '2024-06-01', value: '1.00' },
    ]);
  });

  it('says which source decided that a taker is an SME', async () => {
    const rows = await fixture.query('SELECT event_id, taker_uscc, sme_evidence FROM int_sme_university_takeups ORDER BY event_id');
    expect(rows).toEqual([
      { event_id: 'S1', taker_uscc: 'U1', sme_evidence: 'event' },
      { event_id: 'S10', taker_uscc: 'U6', sme_evidence: 'event' },
      { event_id: 'S11', taker_uscc: 'U7', sme_evidence: 'event' },
      { event_id: 'S2', taker_uscc: 'U2', sme_evidence: 'register' },
      { event_id: 'S5', taker_uscc: 'U1', sme_evidence: 'event' },
      { event_id: 'S7', taker_uscc: null, sme_evidence: 'event' },
      { event_id: 'S8', taker_uscc: null, sme_evidence: 'event' },
      { event_id: 'S9', taker_uscc: 'U6', sme_evidence: 'event' },
    ]);
  });

  it('counts certified and custody entities once each, at their first event since programme start', async () => {
    // certification, 440300 (from 2024): 2024-01 U10 (R1; R2 is a second certification);
    //   2024-02 U12 (R6; R5 in 2023 precedes the programme); 2024-03 the name-only R3, which R4 ties to U11;
    //   U13 only before the programme → never
    // custody, 110000 (from 2023): 2023-01 U20 (R8, on the start date); 2023-02 U10 (R10; R9 is U20 again);
    //   U21 only in 2022 → never
    expect(await indicatorRows(['ip_certified_entity_count', 'ip_custody_sme_count'])).toEqual([
      { city_code: '440300', indicator_id: 'ip_certified_entity_count', month: '2024-01-01', value: '1.00' },
      { city_code: '440300', indicator_id: 'ip_certified_entity_count', month: '2024-02-01', value: '1.00' },
      { city_code: '440300', indicator_id: 'ip_certified_entity_count', month: '2024-03-01', value: '1.00' },
      { city_code: '110000', indicator_id: 'ip_custody_sme_count', month: '2023-01-01', value: '1.00' },
      { city_code: '110000', indicator_id: 'ip_custody_sme_count', month: '2023-02-01', value: '1.00' },
    ]);
  });

  it('keys entities by USCC, else by normalised name, tying a name-only record to the one USCC its name carries', async () => {
    const rows = await fixture.query(
      `SELECT city_code, indicator_id, entity_key, first_event_date, qualifying_event_count FROM int_programme_entities_first_seen
       ORDER BY city_code, indicator_id, entity_key`,
    );
    expect(rows).toEqual([
      { city_code: '110000', indicator_id: 'ip_custody_sme_count', entity_key: 'uscc:U10', first_event_date: '2023-02-14', qualifying_event_count: 1 },
      { city_code: '110000', indicator_id: 'ip_custody_sme_count', entity_key: 'uscc:U20', first_event_date: '2023-01-01', qualifying_event_count: 2 },
      { city_code: '440300', indicator_id: 'ip_certified_entity_count', entity_key: 'uscc:U10', first_event_date: '2024-01-10', qualifying_event_count: 2 },
      { city_code: '440300', indicator_id: 'ip_certified_entity_count', entity_key: 'uscc:U11', first_event_date: '2024-03-12', qualifying_event_count: 2 },
      { city_code: '440300', indicator_id: 'ip_certified_entity_count', entity_key: 'uscc:U12', first_event_date: '2024-02-01', qualifying_event_count: 1 },
      { city_code: '440300', indicator_id: 'sme_university_patent_count', entity_key: 'name:深圳某某科技有限公司', first_event_date: '2024-03-03', qualifying_event_count: 2 },
      { city_code: '440300', indicator_id: 'sme_university_patent_count', entity_key: 'uscc:U1', first_event_date: '2024-02-05', qualifying_event_count: 2 },
      { city_code: '440300', indicator_id: 'sme_university_patent_count', entity_key: 'uscc:U2', first_event_date: '2024-02-15', qualifying_event_count: 1 },
      { city_code: '440300', indicator_id: 'sme_university_patent_count', entity_key: 'uscc:U6', first_event_date: '2024-06-10', qualifying_event_count: 1 },
    ]);
  });

  it('counts securitisation, navigation and operation-centre records per month, current versions only', async () => {
    // 440300 securitization 2024-02: R12 + R13 = 2; 2024-09: R19's later line (2024-08 line is older)
    // 440300 patent_navigation 2023-05: R14 (record counts have rows before the programme too); 2024-07: R18 corrected
    // 110000 operation_centre 2024-06: R15 (district 110105 rolled up); R18's old operation_centre version → nothing
    // R16 service_platform is no indicator; R17 is in unconfigured 310000.
    expect(await indicatorRows(['securitization_product_count', 'patent_navigation_project_count', 'operation_centre_count'])).toEqual([
      { city_code: '110000', indicator_id: 'operation_centre_count', month: '2024-06-01', value: '1.00' },
      { city_code: '440300', indicator_id: 'patent_navigation_project_count', month: '2023-05-01', value: '1.00' },
      { city_code: '440300', indicator_id: 'patent_navigation_project_count', month: '2024-07-01', value: '1.00' },
      { city_code: '440300', indicator_id: 'securitization_product_count', month: '2024-02-01', value: '2.00' },
      { city_code: '440300', indicator_id: 'securitization_product_count', month: '2024-09-01', value: '1.00' },
    ]);
  });

  it('sums marked output of promotion-project GI products for the product\'s city', async () => {
    // GI1 (promotion) 2024-03: U30 100000.00 + U31 50000.25 (producer in 440400, product in 440300);
    // U32 is unmarked; GI2 is not in the promotion project; GI9 is not a known product.
    expect(await indicatorRows(['gi_output_value_cny'])).toEqual([
      { city_code: '440300', indicator_id: 'gi_output_value_cny', month: '2024-03-01', value: '150000.25' },
    ]);
  });

  it('has only the indicator ids of the contract and only configured cities', async () => {
    const ids = await fixture.query('SELECT DISTINCT indicator_id FROM mart_city_indicator_monthly ORDER BY indicator_id');
    expect(ids.map((row) => row.indicator_id)).toEqual([
      'gi_output_value_cny',
      'ip_certified_entity_count',
      'ip_custody_sme_count',
      'ip_transfer_licence_count',
      'operation_centre_count',
      'patent_contract_turnover_cny',
      'patent_navigation_project_count',
      'pledge_amount_cny',
      'pledge_project_count',
      'securitization_product_count',
      'sme_university_patent_count',
    ]);
    const cities = await fixture.query('SELECT DISTINCT city_code FROM mart_city_indicator_monthly ORDER BY city_code');
    expect(cities).toEqual([{ city_code: '110000' }, { city_code: '440300' }]);
  });

  it('has one row per city, indicator and month, with the contract\'s column types', async () => {
    const duplicates = await fixture.query(
      'SELECT city_code, indicator_id, month, count(*) AS n FROM mart_city_indicator_monthly GROUP BY city_code, indicator_id, month HAVING count(*) > 1',
    );
    expect(duplicates).toEqual([]);
    const columns = await fixture.query("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'mart_city_indicator_monthly' ORDER BY ordinal_position");
    expect(columns).toEqual([
      { column_name: 'city_code', data_type: 'VARCHAR' },
      { column_name: 'indicator_id', data_type: 'VARCHAR' },
      { column_name: 'month', data_type: 'DATE' },
      { column_name: 'value', data_type: 'DECIMAL(38,2)' },
    ]);
  });
});
