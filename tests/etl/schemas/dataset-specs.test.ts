/** The specs derived from the zod schemas match docs/lake.md column for column. */
import { describe, expect, it } from 'vitest';
import { DATASET_NAMES, type DatasetName } from '../../../etl/schemas/dataset-spec.ts';
import { CITY_CONFIG_COLUMNS, DATASETS, getDataset } from '../../../etl/schemas/index.ts';

/** Transcribed from docs/lake.md ("Curated columns per dataset"). */
const LAKE_COLUMNS: Record<DatasetName, string> = {
  patents:
    'application_no VARCHAR, patent_type VARCHAR, title VARCHAR, application_date DATE, grant_date DATE, legal_status VARCHAR, applicant_name VARCHAR, applicant_uscc VARCHAR, applicant_type VARCHAR, city_code VARCHAR, admin_code VARCHAR, ipc_main VARCHAR, strategic_emerging BOOLEAN, overseas_family BOOLEAN, award BOOLEAN',
  patent_events:
    'event_id VARCHAR, application_no VARCHAR, event_type VARCHAR, licence_type VARCHAR, effective_date DATE, from_name VARCHAR, from_uscc VARCHAR, from_type VARCHAR, from_city_code VARCHAR, from_admin_code VARCHAR, to_name VARCHAR, to_uscc VARCHAR, to_type VARCHAR, to_city_code VARCHAR, to_admin_code VARCHAR, to_is_sme BOOLEAN, contract_amount_cny DECIMAL(18,2)',
  trademarks:
    'registration_no VARCHAR, nice_class INTEGER, mark_name VARCHAR, mark_kind VARCHAR, applicant_name VARCHAR, applicant_uscc VARCHAR, applicant_type VARCHAR, city_code VARCHAR, admin_code VARCHAR, application_date DATE, registration_date DATE, status VARCHAR',
  trademark_events:
    'event_id VARCHAR, registration_no VARCHAR, event_type VARCHAR, licence_type VARCHAR, effective_date DATE, from_name VARCHAR, from_uscc VARCHAR, from_type VARCHAR, from_city_code VARCHAR, from_admin_code VARCHAR, to_name VARCHAR, to_uscc VARCHAR, to_type VARCHAR, to_city_code VARCHAR, to_admin_code VARCHAR, to_is_sme BOOLEAN, contract_amount_cny DECIMAL(18,2)',
  pledges:
    'pledge_id VARCHAR, ip_type VARCHAR, ip_count INTEGER, registration_date DATE, status VARCHAR, pledgor_name VARCHAR, pledgor_uscc VARCHAR, pledgor_city_code VARCHAR, pledgor_admin_code VARCHAR, pledgor_is_sme BOOLEAN, pledgee_name VARCHAR, pledgee_type VARCHAR, secured_amount_cny DECIMAL(18,2), term_start DATE, term_end DATE, patent_application_nos VARCHAR',
  gi_products: 'gi_id VARCHAR, name VARCHAR, protection_type VARCHAR, city_code VARCHAR, admin_code VARCHAR, category VARCHAR, approval_date DATE, in_promotion_project BOOLEAN',
  gi_output:
    'gi_id VARCHAR, producer_name VARCHAR, producer_uscc VARCHAR, city_code VARCHAR, admin_code VARCHAR, period DATE, output_value_cny DECIMAL(18,2), quantity DECIMAL(18,4), unit VARCHAR, uses_special_mark BOOLEAN',
  enterprises: 'uscc VARCHAR, name VARCHAR, city_code VARCHAR, admin_code VARCHAR, industry_code VARCHAR, is_sme BOOLEAN, is_above_scale BOOLEAN, employees INTEGER',
  enterprise_accounts:
    'uscc VARCHAR, labor_compensation_cny DECIMAL(18,2), net_production_taxes_cny DECIMAL(18,2), depreciation_cny DECIMAL(18,2), operating_surplus_cny DECIMAL(18,2), gross_output_cny DECIMAL(18,2), intermediate_input_cny DECIMAL(18,2)',
  industry_accounts: 'city_code VARCHAR, admin_code VARCHAR, industry_code VARCHAR, value_added_cny DECIMAL(18,2)',
  city_accounts: 'city_code VARCHAR, admin_code VARCHAR, gdp_cny DECIMAL(18,2), resident_population INTEGER',
  tech_contracts:
    'contract_id VARCHAR, registration_date DATE, contract_type VARCHAR, ip_kind VARCHAR, seller_name VARCHAR, seller_type VARCHAR, seller_city_code VARCHAR, seller_admin_code VARCHAR, buyer_name VARCHAR, buyer_type VARCHAR, buyer_city_code VARCHAR, buyer_admin_code VARCHAR, buyer_is_sme BOOLEAN, turnover_cny DECIMAL(18,2)',
  programme_records: 'record_id VARCHAR, city_code VARCHAR, admin_code VARCHAR, kind VARCHAR, entity_name VARCHAR, entity_uscc VARCHAR, event_date DATE, amount_cny DECIMAL(18,2)',
  patent_intensive_classification: 'version VARCHAR, industry_code VARCHAR, category_code VARCHAR, partial BOOLEAN',
};

const LAKE_LAYOUT: Record<DatasetName, { key: string[]; partitioning: unknown }> = {
  patents: { key: ['application_no'], partitioning: { kind: 'month', column: 'application_date' } },
  patent_events: { key: ['event_id'], partitioning: { kind: 'month', column: 'effective_date' } },
  trademarks: { key: ['registration_no'], partitioning: { kind: 'month', column: 'application_date' } },
  trademark_events: { key: ['event_id'], partitioning: { kind: 'month', column: 'effective_date' } },
  pledges: { key: ['pledge_id'], partitioning: { kind: 'month', column: 'registration_date' } },
  gi_products: { key: ['gi_id'], partitioning: { kind: 'none' } },
  gi_output: { key: ['gi_id', 'producer_uscc', 'period'], partitioning: { kind: 'month', column: 'period' } },
  enterprises: { key: ['uscc'], partitioning: { kind: 'none' } },
  enterprise_accounts: { key: ['uscc', 'year'], partitioning: { kind: 'year', column: 'year' } },
  industry_accounts: { key: ['admin_code', 'year', 'industry_code'], partitioning: { kind: 'year', column: 'year' } },
  city_accounts: { key: ['admin_code', 'year'], partitioning: { kind: 'year', column: 'year' } },
  tech_contracts: { key: ['contract_id'], partitioning: { kind: 'month', column: 'registration_date' } },
  programme_records: { key: ['record_id'], partitioning: { kind: 'month', column: 'event_date' } },
  patent_intensive_classification: { key: ['version', 'industry_code'], partitioning: { kind: 'none' } },
};

describe('dataset specs', () => {
  it('cover the 14 datasets of the contract', () => {
    expect(Object.keys(DATASETS)).toEqual([...DATASET_NAMES]);
    for (const name of DATASET_NAMES) expect(getDataset(name).name).toBe(name);
    expect(() => getDataset('patent')).toThrow('unknown dataset "patent"; expected one of patents, patent_events,');
  });

  it.each(DATASET_NAMES)('%s has the curated columns, key and partitioning of docs/lake.md', (name) => {
    const spec = DATASETS[name];
    expect(spec.curatedColumns.map((column) => `${column.name} ${column.sqlType}`).join(', ')).toBe(LAKE_COLUMNS[name]);
    expect({ key: spec.key, partitioning: spec.partitioning }).toEqual(LAKE_LAYOUT[name]);
  });

  it('derives source columns with English, simplified and traditional headers', () => {
    const patents = DATASETS.patents;
    expect(patents.sourceColumns.find((column) => column.name === 'application_no')).toEqual({ name: 'application_no', required: true, headers: ['application_no', '申请号', '申請號'] });
    expect(patents.sourceColumns.find((column) => column.name === 'grant_date')).toEqual({ name: 'grant_date', required: false, headers: ['grant_date', '授权公告日', '授權公告日'] });
    expect(DATASETS.pledges.sourceColumns.find((column) => column.name === 'secured_amount_cny')).toEqual({
      name: 'secured_amount_cny',
      required: true,
      headers: ['secured_amount_cny', '担保债权数额', '擔保債權數額'],
      money: true,
    });
    expect(DATASETS.enterprise_accounts.sourceColumns.filter((column) => column.required).map((column) => column.name)).toEqual(['uscc', 'year']);
  });

  it('labels the city and admin columns and marks nullability from required', () => {
    const columns = DATASETS.tech_contracts.curatedColumns;
    expect(columns.find((column) => column.name === 'seller_city_code')).toEqual({ name: 'seller_city_code', sqlType: 'VARCHAR', labelZh: '卖方所属城市代码', nullable: false });
    expect(columns.find((column) => column.name === 'seller_admin_code')).toEqual({ name: 'seller_admin_code', sqlType: 'VARCHAR', labelZh: '卖方行政区划代码', nullable: false });
    expect(columns.find((column) => column.name === 'buyer_admin_code')).toEqual({ name: 'buyer_admin_code', sqlType: 'VARCHAR', labelZh: '买方行政区划代码', nullable: true });
  });

  it('exports the city_config columns', () => {
    expect(CITY_CONFIG_COLUMNS.map((column) => `${column.name} ${column.sqlType}`)).toEqual([
      'city_code VARCHAR',
      'city_name VARCHAR',
      'programme_start_year INTEGER',
      'base_year INTEGER',
    ]);
  });
});
