import { describe, expect, it } from 'vitest';
import { compileRawRecordBuilder } from '../../../etl/ingest/raw-record-builder.ts';
import { compileStagingLineFormatter, stagingCsvColumns } from '../../../etl/ingest/staging-line-formatter.ts';
import { LINEAGE_COLUMNS, type CuratedColumn, type NormalisedRow } from '../../../etl/schemas/dataset-spec.ts';

const column = (name: string, sqlType: CuratedColumn['sqlType']): CuratedColumn => ({ name, sqlType, labelZh: name, nullable: true });
const COLUMNS = [
  column('name', 'VARCHAR'),
  column('code', 'VARCHAR'),
  column('day', 'DATE'),
  column('count', 'INTEGER'),
  column('sme', 'BOOLEAN'),
  column('amount', 'DECIMAL(18,2)'),
  column('quantity', 'DECIMAL(18,4)'),
  ...LINEAGE_COLUMNS,
];

function line(row: NormalisedRow, sourceRow: number): string {
  const out: string[] = [];
  compileStagingLineFormatter(COLUMNS)(row, sourceRow, out);
  return out.join('');
}

describe('compileStagingLineFormatter', () => {
  it('quotes strings (doubling quotes), leaves NULL empty and unquoted, and ends with _source_row', () => {
    expect(line({ name: '深圳 "A" 公司', code: '440300', day: '2025-06-03', count: 3, sme: true, amount: 12_505_000_00n, quantity: -5n }, 7)).toBe(
      '"深圳 ""A"" 公司","440300",2025-06-03,3,true,12505000.00,-0.0005,7\n',
    );
    expect(line({ name: null, code: '', day: null, count: null, sme: false, amount: null, quantity: null }, 12)).toBe(',"",,,false,,,12\n');
    expect(line({ name: 'x', code: null, day: null, count: 0, sme: null, amount: 5n, quantity: null }, 2)).toBe('"x",,,0,,0.05,,2\n');
  });

  it('leaves the constant lineage columns to the Parquet writer', () => {
    expect(stagingCsvColumns(COLUMNS).map((each) => each.name)).toEqual(['name', 'code', 'day', 'count', 'sme', 'amount', 'quantity', '_source_row']);
  });

  it('refuses columns that do not end with the lineage columns', () => {
    expect(() => compileStagingLineFormatter(COLUMNS.slice(0, 7))).toThrow(/must end with the lineage columns _source_sha256, _source_row, _ingest_seq, got sme, amount, quantity$/);
  });
});

describe('compileRawRecordBuilder', () => {
  it('maps fields to columns, trimmed, with 万元 appended to non-empty values of a 万元 column', () => {
    const build = compileRawRecordBuilder([
      { index: 2, column: 'id', wanYuan: false },
      { index: 0, column: 'amount', wanYuan: true },
    ]);
    expect(build([' 1,250.5 ', 'ignored', ' P-1 '])).toEqual({ id: 'P-1', amount: '1,250.5万元' });
    expect(build(['  ', 'ignored', 'P-2'])).toEqual({ id: 'P-2', amount: '' });
  });
});
