import { describe, expect, it } from 'vitest';
import { CoverageDeclarationError } from '../../../etl/coverage/coverage-declaration-error.ts';
import { assertCoverageDeclarable, coverageNotDeclarableReason, DECLARABLE_DATASETS } from '../../../etl/coverage/declarable-dataset.ts';
import { getDataset } from '../../../etl/schemas/index.ts';

describe('which datasets a coverage can be declared for', () => {
  it('the monthly datasets, in the contract order', () => {
    expect(DECLARABLE_DATASETS).toEqual(['patents', 'patent_events', 'trademarks', 'trademark_events', 'pledges', 'gi_output', 'tech_contracts', 'programme_records']);
    expect(coverageNotDeclarableReason(getDataset('pledges'))).toBeNull();
  });

  it('not an annual dataset, nor a reference dataset, saying why', () => {
    expect(coverageNotDeclarableReason(getDataset('enterprise_accounts'))).toBe(
      'enterprise_accounts is an annual dataset: its coverage is the years it has accounts for, it cannot be declared',
    );
    expect(coverageNotDeclarableReason(getDataset('city_accounts'))).toBe('city_accounts is an annual dataset: its coverage is the years it has accounts for, it cannot be declared');
    expect(coverageNotDeclarableReason(getDataset('enterprises'))).toBe('enterprises is a reference dataset without dates: it has no coverage to declare');
    expect(coverageNotDeclarableReason(getDataset('patent_intensive_classification'))).toBe(
      'patent_intensive_classification is a reference dataset without dates: it has no coverage to declare',
    );
  });

  it('assertCoverageDeclarable throws the reason, prefixed by where the declaration came from', () => {
    expect(() => assertCoverageDeclarable(getDataset('patents'), '--covers')).not.toThrow();
    expect(() => assertCoverageDeclarable(getDataset('gi_products'), '--covers')).toThrow(
      new CoverageDeclarationError('--covers: gi_products is a reference dataset without dates: it has no coverage to declare'),
    );
    expect(() => assertCoverageDeclarable(getDataset('industry_accounts'))).toThrow(
      new CoverageDeclarationError('industry_accounts is an annual dataset: its coverage is the years it has accounts for, it cannot be declared'),
    );
  });
});
