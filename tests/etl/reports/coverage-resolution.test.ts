import { describe, expect, it } from 'vitest';
import { LAKE_ONLY, MONTHLY_FLOW_DATASETS, resolveCoverage, type SourceFileCoverageFacts } from '../../../etl/reports/coverage-resolution.ts';

const file = (dataset: SourceFileCoverageFacts['dataset'], rows: [string, string] | null, declared?: [string, string, string]): SourceFileCoverageFacts => ({
  dataset,
  sha256: `${dataset}-${rows?.join('-') ?? 'none'}-${declared?.join('-') ?? ''}`,
  rows: rows === null ? null : { first: rows[0], last: rows[1] },
  declared: declared === undefined ? null : { first: declared[0], last: declared[1], declaredIn: declared[2] },
});

describe('resolveCoverage', () => {
  it('lists the monthly flow datasets whose rows decide the lake start', () => {
    expect(MONTHLY_FLOW_DATASETS).toEqual(['patent_events', 'trademark_events', 'pledges', 'tech_contracts', 'programme_records', 'gi_output']);
  });

  it('undeclared: from the earliest month of any monthly dataset to the dataset\'s own last month', () => {
    const coverage = resolveCoverage(
      [file('patent_events', ['2023-01', '2025-06']), file('trademark_events', ['2023-02', '2025-05']), file('pledges', ['2024-07', '2025-06'])],
      LAKE_ONLY,
    );
    expect(coverage.trademark_events).toEqual({ runs: [{ first: '2023-01', last: '2025-05', basis: 'inferred' }] });
    expect(coverage.pledges).toEqual({ runs: [{ first: '2023-01', last: '2025-06', basis: 'inferred' }] });
    expect(coverage.tech_contracts).toEqual({ runs: [] });
  });

  it('a register covers its own first to last month (a stock, not a flow)', () => {
    const coverage = resolveCoverage([file('patent_events', ['2023-01', '2025-06']), file('patents', ['2019-03', '2025-06'])], LAKE_ONLY);
    expect(coverage.patents).toEqual({ runs: [{ first: '2019-03', last: '2025-06', basis: 'inferred' }] });
  });

  it('declared coverage wins over inference, narrower or wider than the rows; undeclared deliveries add their inferred months', () => {
    const coverage = resolveCoverage(
      [
        file('patent_events', ['2023-01', '2025-06']),
        // declared narrower than its rows
        file('pledges', ['2023-11', '2025-01'], ['2024-01', '2024-12', 'pledges/coverage.json']),
        // declared wider than its rows
        file('tech_contracts', ['2024-03', '2024-05'], ['2023-01', '2025-06', '--covers']),
      ],
      LAKE_ONLY,
    );
    expect(coverage.pledges).toEqual({ runs: [{ first: '2024-01', last: '2024-12', basis: 'declared', declaredIn: ['pledges/coverage.json'] }] });
    expect(coverage.tech_contracts).toEqual({ runs: [{ first: '2023-01', last: '2025-06', basis: 'declared', declaredIn: ['--covers'] }] });

    const later = resolveCoverage(
      [file('patent_events', ['2023-01', '2025-06']), file('pledges', ['2023-11', '2025-01'], ['2024-01', '2024-12', '--covers']), file('pledges', ['2025-02', '2025-03'])],
      LAKE_ONLY,
    );
    expect(later.pledges).toEqual({
      runs: [
        { first: '2023-01', last: '2023-12', basis: 'inferred' },
        { first: '2024-01', last: '2024-12', basis: 'declared', declaredIn: ['--covers'] },
        { first: '2025-01', last: '2025-03', basis: 'inferred' },
      ],
    });
  });

  it('declarations with a gap leave the gap uncovered; a declared file without rows still covers', () => {
    const coverage = resolveCoverage(
      [file('pledges', ['2024-01', '2024-02'], ['2024-01', '2024-03', 'a']), file('pledges', null, ['2024-06', '2024-08', 'b'])],
      LAKE_ONLY,
    );
    expect(coverage.pledges).toEqual({
      runs: [
        { first: '2024-01', last: '2024-03', basis: 'declared', declaredIn: ['a'] },
        { first: '2024-06', last: '2024-08', basis: 'declared', declaredIn: ['b'] },
      ],
    });
  });

  it("the city's data_since moves the start; a configured coverage replaces everything", () => {
    const files = [file('patent_events', ['2023-01', '2025-06']), file('pledges', ['2024-07', '2025-06'], ['2024-07', '2025-06', '--covers'])];
    const since = resolveCoverage(files, { dataSince: '2022-01', coverageOverrides: {} });
    expect(since.patent_events).toEqual({ runs: [{ first: '2022-01', last: '2025-06', basis: 'inferred' }] });
    const configured = resolveCoverage(files, { dataSince: null, coverageOverrides: { pledges: { first: '2024-01', last: null }, patent_events: { first: '2024-01', last: '2024-12' } } });
    expect(configured.pledges).toEqual({ runs: [{ first: '2024-01', last: '2025-06', basis: 'configured', declaredIn: ['city configuration'] }] });
    expect(configured.patent_events).toEqual({ runs: [{ first: '2024-01', last: '2024-12', basis: 'configured', declaredIn: ['city configuration'] }] });
  });

  it('annual datasets cover their years; reference datasets have no coverage', () => {
    const coverage = resolveCoverage([file('enterprise_accounts', ['2023-01', '2024-12']), file('enterprise_accounts', ['2025-01', '2025-12']), file('gi_products', null)], LAKE_ONLY);
    expect(coverage.enterprise_accounts).toEqual({ runs: [{ first: '2023-01', last: '2025-12', basis: 'inferred' }] });
    expect(coverage.gi_products).toBeUndefined();
  });
});
