import { describe, expect, it } from 'vitest';
import { coverageOfSpan } from '../../../etl/reports/coverage.ts';
import { chooseReportPeriod } from '../../../etl/reports/report-period.ts';

const lake = {
  patent_events: coverageOfSpan('2023-01', '2025-12'),
  trademark_events: coverageOfSpan('2023-01', '2025-11'),
  pledges: coverageOfSpan('2023-03', '2025-12'),
  tech_contracts: coverageOfSpan('2023-01', '2025-12'),
  gi_output: coverageOfSpan('2023-01', '2025-12'),
  programme_records: coverageOfSpan('2023-01', '2026-02'),
};

describe('chooseReportPeriod', () => {
  it('defaults to the latest month every flow source covers', () => {
    expect(chooseReportPeriod(lake, undefined)).toBe('2025-11');
  });

  it('accepts a month some source covers, even when others have not reported it yet', () => {
    expect(chooseReportPeriod(lake, '2025-12')).toBe('2025-12');
    expect(chooseReportPeriod(lake, '2026-02')).toBe('2026-02');
  });

  it('refuses a month after every source, naming each end and the latest month that can be reported', () => {
    expect(() => chooseReportPeriod(lake, '2026-03')).toThrow(
      'no report for 2026-03: it is after the data of the lake: every monthly source ends before it (patent_events ends 2025-12, trademark_events ends 2025-11, pledges ends 2025-12, tech_contracts ends 2025-12, programme_records ends 2026-02, gi_output ends 2025-12); the latest month that can be reported is 2025-11: report it with --period 2025-11, or ingest the sources for 2026-03 first',
    );
  });

  it('refuses a month before any data', () => {
    expect(() => chooseReportPeriod(lake, '2022-12')).toThrow(/^no report for 2022-12: it is before the data of the lake: every source starts after it \(patent_events starts 2023-01, /);
  });

  it('refuses an empty lake', () => {
    expect(() => chooseReportPeriod({}, undefined)).toThrow(
      'the lake holds no data with a period (none of patent_events, trademark_events, pledges, tech_contracts, programme_records, gi_output, enterprise_accounts, industry_accounts has rows or a declared coverage), so there is no month to report: ingest the sources first',
    );
  });

  it('a month inside the span with a gap of every source is still reported (its figures say not_covered)', () => {
    const gapped = { patent_events: { runs: [{ first: '2023-01', last: '2023-06', basis: 'declared' as const }, { first: '2024-01', last: '2024-12', basis: 'declared' as const }] } };
    expect(chooseReportPeriod(gapped, '2023-09')).toBe('2023-09');
  });

  it('annual accounts alone: the default is December of their last year; a month is reported while its latest complete year is covered', () => {
    const accounts = { enterprise_accounts: coverageOfSpan('2023-01', '2024-12') };
    expect(chooseReportPeriod(accounts, undefined)).toBe('2024-12');
    expect(chooseReportPeriod(accounts, '2025-06')).toBe('2025-06'); // shows 2024
    expect(() => chooseReportPeriod(accounts, '2026-01')).toThrow(
      'no report for 2026-01: it is after the data of the lake: the annual accounts do not cover its latest complete year 2025 (enterprise_accounts ends 2024-12); the latest month that can be reported is 2024-12: report it with --period 2024-12, or ingest the sources for 2026-01 first',
    );
    // With monthly sources, the monthly ones decide: accounts to 2024 do not make 2025-12 reportable.
    expect(() => chooseReportPeriod({ ...accounts, pledges: coverageOfSpan('2023-01', '2025-06') }, '2025-12')).toThrow(/^no report for 2025-12: it is after the data of the lake: every monthly source ends before it \(pledges ends 2025-06\)/);
  });

  it("refuses a month a city's own configured coverage does not reach", () => {
    const city = { label: 'city 440300 深圳市', coverage: { ...lake, patent_events: coverageOfSpan('2023-01', '2024-06'), trademark_events: coverageOfSpan('2023-01', '2024-06'), pledges: coverageOfSpan('2023-01', '2024-06'), tech_contracts: coverageOfSpan('2023-01', '2024-06'), gi_output: coverageOfSpan('2023-01', '2024-06'), programme_records: coverageOfSpan('2023-01', '2024-06') } };
    expect(() => chooseReportPeriod(lake, '2025-06', [city])).toThrow(/^no report for 2025-06: it is after the data of city 440300 深圳市: /);
  });
});
