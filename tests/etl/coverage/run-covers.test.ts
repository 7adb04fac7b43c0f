import { describe, expect, it } from 'vitest';
import { CoverageDeclarationError } from '../../../etl/coverage/coverage-declaration-error.ts';
import { NO_RUN_COVERS, parseRunCovers, runCoversFor } from '../../../etl/coverage/run-covers.ts';
import { getDataset } from '../../../etl/schemas/index.ts';

const MONTHLY = 'patents, patent_events, trademarks, trademark_events, pledges, gi_output, tech_contracts, programme_records';

describe('parseRunCovers: --covers [DATASET=]FROM..TO, repeatable', () => {
  it('a bare range for every monthly dataset, and ranges per dataset', () => {
    expect(parseRunCovers([])).toEqual(NO_RUN_COVERS);
    expect(parseRunCovers(['2019-01..2025-03', 'pledges=2020-01..2025-06', 'gi_output=2021-01..2024-12'])).toEqual({
      everyMonthlyDataset: { first: '2019-01', last: '2025-03' },
      byDataset: { pledges: { first: '2020-01', last: '2025-06' }, gi_output: { first: '2021-01', last: '2024-12' } },
    });
  });

  it('the same value twice is one declaration', () => {
    expect(parseRunCovers(['pledges=2020-01..2025-06', 'pledges=2020-01..2025-06']).byDataset).toEqual({ pledges: { first: '2020-01', last: '2025-06' } });
  });

  it.each([
    ['2019-1..2025-03', "--covers '2019-1..2025-03' is not a month range FROM..TO such as 2019-01..2025-03"],
    ['2025-03..2019-01', "--covers '2025-03..2019-01': FROM is after TO"],
    ['pledges=2019-1..2025-03', "--covers 'pledges=2019-1..2025-03': '2019-1..2025-03' is not a month range FROM..TO such as 2019-01..2025-03"],
    ['pledges=2025-03..2019-01', "--covers 'pledges=2025-03..2019-01': FROM is after TO"],
    ['pledge=2019-01..2025-03', `--covers 'pledge=2019-01..2025-03': unknown dataset 'pledge'; datasets whose coverage can be declared: ${MONTHLY}`],
    [
      'enterprise_accounts=2019-01..2025-03',
      "--covers 'enterprise_accounts=2019-01..2025-03': enterprise_accounts is an annual dataset: its coverage is the years it has accounts for, it cannot be declared",
    ],
  ])('refuses %s', (value, message) => {
    expect(() => parseRunCovers([value])).toThrow(new CoverageDeclarationError(message));
  });

  it('refuses two different ranges for the same datasets', () => {
    expect(() => parseRunCovers(['2019-01..2025-03', '2020-01..2025-03'])).toThrow(
      new CoverageDeclarationError("--covers is given twice without a dataset ('2019-01..2025-03' and '2020-01..2025-03'): give one range, or DATASET=FROM..TO per dataset"),
    );
    expect(() => parseRunCovers(['pledges=2019-01..2025-03', 'pledges=2020-01..2025-03'])).toThrow(
      new CoverageDeclarationError("--covers is given twice for pledges ('pledges=2019-01..2025-03' and 'pledges=2020-01..2025-03'): give one range per dataset"),
    );
  });
});

describe('runCoversFor', () => {
  const covers = parseRunCovers(['2019-01..2025-03', 'pledges=2020-01..2025-06']);

  it("a dataset's own range wins over the bare one", () => {
    expect(runCoversFor(covers, getDataset('pledges'))).toEqual({ first: '2020-01', last: '2025-06' });
    expect(runCoversFor(covers, getDataset('patent_events'))).toEqual({ first: '2019-01', last: '2025-03' });
  });

  it('the bare range leaves annual and reference datasets alone', () => {
    expect(runCoversFor(covers, getDataset('enterprise_accounts'))).toBeUndefined();
    expect(runCoversFor(covers, getDataset('enterprises'))).toBeUndefined();
    expect(runCoversFor(parseRunCovers(['pledges=2020-01..2025-06']), getDataset('patents'))).toBeUndefined();
  });
});
