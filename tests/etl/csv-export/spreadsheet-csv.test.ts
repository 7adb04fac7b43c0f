/** CSV for spreadsheets: formula-leading text is neutralised (OWASP CSV injection), numbers are not. */
import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from '../../../etl/csv-export/formula-guard.ts';
import { spreadsheetCsv } from '../../../etl/csv-export/spreadsheet-csv.ts';

describe('neutraliseFormula', () => {
  it('prefixes a single quote to text starting with =, +, -, @, a tab or a carriage return', () => {
    expect(
      ['=HYPERLINK("http://x.example","点击")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(1)', '\t=1', '\r=1', '+86 10 1234 5678', '-', '--', '-1e5', '-.5', '+5.', '=5'].map(neutraliseFormula),
    ).toEqual(['\'=HYPERLINK("http://x.example","点击")', "'+cmd|' /C calc'!A0", "'-2+3", "'@SUM(1)", "'\t=1", "'\r=1", "'+86 10 1234 5678", "'-", "'--", "'-1e5", "'-.5", "'+5.", "'=5"]);
  });

  it('leaves plain decimal numbers, numbers, other text, null and booleans as they are', () => {
    expect(['-5', '+3', '-1234.50', '0.00', 'a=b', ' =1', '深圳市', '', '\n=1'].map(neutraliseFormula)).toEqual(['-5', '+3', '-1234.50', '0.00', 'a=b', ' =1', '深圳市', '', '\n=1']);
    expect([-5, 1.5, null, true, undefined].map(neutraliseFormula)).toEqual([-5, 1.5, null, true, undefined]);
  });
});

describe('spreadsheetCsv', () => {
  it('writes a header and LF-separated rows with formula-leading text quoted, numbers and decimals unchanged', () => {
    expect(
      spreadsheetCsv(
        ['name', 'amount', 'count', '=col'],
        [
          ['=HYPERLINK("x")', '-5.00', -5, '@a'],
          ['深圳市', '1234.50', 0, null],
        ],
      ),
    ).toBe('name,amount,count,\'=col\n"\'=HYPERLINK(""x"")",-5.00,-5,\'@a\n深圳市,1234.50,0,\n');
  });
});
