/** The inferred row types (checked by tsc; the runtime assertion keeps the file a real test). */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { EnterpriseAccountsRow } from '../../../etl/schemas/enterprise-accounts.ts';
import type { PatentRow } from '../../../etl/schemas/patents.ts';
import type { PledgeRow } from '../../../etl/schemas/pledges.ts';
import type { TechContractRow } from '../../../etl/schemas/tech-contracts.ts';
import { DATASETS } from '../../../etl/schemas/index.ts';

describe('row types', () => {
  it('follow the fields: enums as literal unions, city codes flattened, optional values nullable', () => {
    expectTypeOf<PatentRow['patent_type']>().toEqualTypeOf<'invention' | 'utility_model' | 'design'>();
    expectTypeOf<PatentRow['city_code']>().toEqualTypeOf<string>();
    expectTypeOf<PatentRow['admin_code']>().toEqualTypeOf<string>();
    expectTypeOf<PatentRow['grant_date']>().toEqualTypeOf<string | null>();
    expectTypeOf<PledgeRow['secured_amount_cny']>().toEqualTypeOf<bigint>();
    expectTypeOf<PledgeRow['ip_count']>().toEqualTypeOf<number>();
    expectTypeOf<TechContractRow['buyer_admin_code']>().toEqualTypeOf<string | null>();
    expectTypeOf<TechContractRow['buyer_is_sme']>().toEqualTypeOf<boolean | null>();
    expectTypeOf<EnterpriseAccountsRow['year']>().toEqualTypeOf<number>();
    expect(DATASETS.patents.curatedColumns.filter((column) => !column.nullable).map((column) => column.name)).toEqual([
      'application_no',
      'patent_type',
      'application_date',
      'legal_status',
      'applicant_name',
      'applicant_type',
      'city_code',
      'admin_code',
    ]);
  });
});
