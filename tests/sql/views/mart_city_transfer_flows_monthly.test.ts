import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createViewFixture, type FixtureRow, type ViewFixture } from './view-fixture.ts';

// Configured: 440300 (深圳市) and 110000 (北京市). 310000 (上海市) is not configured.
const cityConfig: FixtureRow[] = [
  { city_code: '440300', city_name: '深圳市', programme_start_year: 2024, base_year: 2023 },
  { city_code: '110000', city_name: '北京市', programme_start_year: 2023, base_year: 2022 },
];

const patentEvent = (row: FixtureRow): FixtureRow => ({ application_no: '202410000001.5', from_type: 'enterprise', to_type: 'enterprise', from_name: 'A', to_name: 'B', ...row });

const patentEvents: FixtureRow[] = [
  // P1: both parties in 440300, one given as district 440305 (stored rolled up) → local, once
  patentEvent({ event_id: 'P1', event_type: 'transfer', effective_date: '2024-03-05', from_city_code: '440300', from_admin_code: '440305', to_city_code: '440300', to_admin_code: '440300' }),
  // P6: both parties in districts of 440300 → local
  patentEvent({ event_id: 'P6', event_type: 'transfer', effective_date: '2024-03-28', from_city_code: '440300', from_admin_code: '440304', to_city_code: '440300', to_admin_code: '440306' }),
  // P2: 110000 (district 110108) licenses to 440300 → outflow 110000, inflow 440300
  patentEvent({ event_id: 'P2', event_type: 'licence', effective_date: '2024-03-20', from_city_code: '110000', from_admin_code: '110108', to_city_code: '440300', to_admin_code: '440300' }),
  // P3: 440300 → unconfigured 310000 → outflow 440300 only (310000's inflow is not in the mart)
  patentEvent({ event_id: 'P3', event_type: 'transfer', effective_date: '2024-04-02', from_city_code: '440300', from_admin_code: '440300', to_city_code: '310000', to_admin_code: '310104' }),
  // P4 superseded: first file says local in March, the later file says 440300 → 110000 in May
  patentEvent({ event_id: 'P4', event_type: 'transfer', effective_date: '2024-03-10', from_city_code: '440300', to_city_code: '440300', _ingest_seq: 1 }),
  patentEvent({ event_id: 'P4', event_type: 'transfer', effective_date: '2024-05-10', from_city_code: '440300', to_city_code: '110000', _ingest_seq: 2 }),
];

const trademarkEvents: FixtureRow[] = [
  // T1: 310000 licenses to 440300 → inflow 440300
  { event_id: 'T1', registration_no: '1234567', event_type: 'licence', effective_date: '2024-03-15', from_name: 'C', from_type: 'enterprise', from_city_code: '310000', to_name: 'D', to_type: 'enterprise', to_city_code: '440300' },
  // T2: both in 440300 → local
  { event_id: 'T2', registration_no: '7654321', event_type: 'transfer', effective_date: '2024-03-25', from_name: 'E', from_type: 'enterprise', from_city_code: '440300', to_name: 'F', to_type: 'individual', to_city_code: '440300' },
  // T3: the same event_id as a patent event, but a trademark: a different record
  { event_id: 'P1', registration_no: '1111111', event_type: 'transfer', effective_date: '2024-05-30', from_name: 'G', from_type: 'enterprise', from_city_code: '110000', to_name: 'H', to_type: 'enterprise', to_city_code: '110000' },
];

describe('mart_city_transfer_flows_monthly', () => {
  let fixture: ViewFixture;
  beforeAll(async () => {
    fixture = await createViewFixture({ city_config: cityConfig, patent_events: patentEvents, trademark_events: trademarkEvents });
  });
  afterAll(async () => fixture.close());

  it('splits each configured city\'s events into local, inflow and outflow by month, kind and type', async () => {
    // Hand-computed:
    // 110000 2024-03 patent licence outflow 1 (P2); 2024-05 patent transfer inflow 1 (P4 current);
    //        2024-05 trademark transfer local 1 (T3)
    // 440300 2024-03 patent licence inflow 1 (P2); patent transfer local 2 (P1, P6; not P4's old version);
    //        trademark licence inflow 1 (T1); trademark transfer local 1 (T2)
    //        2024-04 patent transfer outflow 1 (P3); 2024-05 patent transfer outflow 1 (P4)
    // 310000: not configured, no rows.
    const rows = await fixture.query('SELECT * FROM mart_city_transfer_flows_monthly ORDER BY city_code, month, ip_kind, event_type, flow');
    expect(rows).toEqual([
      { city_code: '110000', month: '2024-03-01', ip_kind: 'patent', event_type: 'licence', flow: 'outflow', event_count: 1 },
      { city_code: '110000', month: '2024-05-01', ip_kind: 'patent', event_type: 'transfer', flow: 'inflow', event_count: 1 },
      { city_code: '110000', month: '2024-05-01', ip_kind: 'trademark', event_type: 'transfer', flow: 'local', event_count: 1 },
      { city_code: '440300', month: '2024-03-01', ip_kind: 'patent', event_type: 'licence', flow: 'inflow', event_count: 1 },
      { city_code: '440300', month: '2024-03-01', ip_kind: 'patent', event_type: 'transfer', flow: 'local', event_count: 2 },
      { city_code: '440300', month: '2024-03-01', ip_kind: 'trademark', event_type: 'licence', flow: 'inflow', event_count: 1 },
      { city_code: '440300', month: '2024-03-01', ip_kind: 'trademark', event_type: 'transfer', flow: 'local', event_count: 1 },
      { city_code: '440300', month: '2024-04-01', ip_kind: 'patent', event_type: 'transfer', flow: 'outflow', event_count: 1 },
      { city_code: '440300', month: '2024-05-01', ip_kind: 'patent', event_type: 'transfer', flow: 'outflow', event_count: 1 },
    ]);
  });

  it('keeps the unconfigured city in the intermediate flows (one row per event per city it counts for)', async () => {
    // P3 counts for 440300 (outflow) and 310000 (inflow); T1 for 310000 (outflow) and 440300 (inflow).
    const rows = await fixture.query(
      "SELECT ip_kind, event_id, city_code, flow, counterparty_city_code FROM int_transfer_flows WHERE '310000' IN (city_code, counterparty_city_code) ORDER BY ip_kind, event_id, city_code",
    );
    expect(rows).toEqual([
      { ip_kind: 'patent', event_id: 'P3', city_code: '310000', flow: 'inflow', counterparty_city_code: '440300' },
      { ip_kind: 'patent', event_id: 'P3', city_code: '440300', flow: 'outflow', counterparty_city_code: '310000' },
      { ip_kind: 'trademark', event_id: 'T1', city_code: '310000', flow: 'outflow', counterparty_city_code: '440300' },
      { ip_kind: 'trademark', event_id: 'T1', city_code: '440300', flow: 'inflow', counterparty_city_code: '310000' },
    ]);
  });

  it('has one row per city, month, ip_kind, event_type and flow, with the contract\'s column types', async () => {
    const duplicates = await fixture.query(
      'SELECT city_code, month, ip_kind, event_type, flow, count(*) AS n FROM mart_city_transfer_flows_monthly GROUP BY city_code, month, ip_kind, event_type, flow HAVING count(*) > 1',
    );
    expect(duplicates).toEqual([]);
    const columns = await fixture.query(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'mart_city_transfer_flows_monthly' ORDER BY ordinal_position",
    );
    expect(columns).toEqual([
      { column_name: 'city_code', data_type: 'VARCHAR' },
      { column_name: 'month', data_type: 'DATE' },
      { column_name: 'ip_kind', data_type: 'VARCHAR' },
      { column_name: 'event_type', data_type: 'VARCHAR' },
      { column_name: 'flow', data_type: 'VARCHAR' },
      { column_name: 'event_count', data_type: 'BIGINT' },
    ]);
  });

  it('sums to ip_transfer_licence_count for each city and month', async () => {
    const rows = await fixture.query(`
      SELECT flows.city_code, flows.month, flows.events, CAST(indicator.value AS BIGINT) AS indicator_value
      FROM (SELECT city_code, month, CAST(sum(event_count) AS BIGINT) AS events FROM mart_city_transfer_flows_monthly GROUP BY city_code, month) AS flows
      FULL OUTER JOIN (SELECT * FROM mart_city_indicator_monthly WHERE indicator_id = 'ip_transfer_licence_count') AS indicator
        ON indicator.city_code = flows.city_code AND indicator.month = flows.month
      ORDER BY flows.city_code, flows.month`);
    expect(rows).toEqual([
      { city_code: '110000', month: '2024-03-01', events: 1, indicator_value: 1 },
      { city_code: '110000', month: '2024-05-01', events: 2, indicator_value: 2 },
      { city_code: '440300', month: '2024-03-01', events: 5, indicator_value: 5 },
      { city_code: '440300', month: '2024-04-01', events: 1, indicator_value: 1 },
      { city_code: '440300', month: '2024-05-01', events: 1, indicator_value: 1 },
    ]);
  });
});
