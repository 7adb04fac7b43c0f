/** The SQL twins of dates and periods agree with parse/date.ts on any text. */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createDuckDbEngine } from '../../../../etl/engines/duckdb-engine.ts';
import { parseDate, parsePeriod } from '../../../../etl/schemas/parse/date.ts';
import { DATE_TWIN, PERIOD_TWIN } from '../../../../etl/schemas/sql/date-sql.ts';
import { disagreements, sqlOutcomes } from '../../../support/sql-twin-oracle.ts';
import { fieldText } from '../../../support/field-text-arbitrary.ts';

const engine = createDuckDbEngine({ threads: 1 });
afterAll(() => engine.close());

const DATE_TEXTS = [
  // every accepted format
  '2024-09-09', '2024/9/9', '2024.09.9', '20240909', '2024年9月9日', '2024 年 9 月 9 日', '2024\u3000年\u00a09\t月9\u2003日',
  '２０２４－０９－０９', '２０２４年９月９日', '2024／9／9', '２０２４０９０９',
  // separators must agree; wrong shapes
  '2024-9/9', '2024/9.9', '2024--9-9', '2024-009-09', '202409091', '2024090', '24-9-9', '2024-9-9 ', '2024年9月9', '2024年9月9日日',
  // calendar
  '2025-02-29', '2024-02-29', '1900-02-29', '2000-02-29', '2100-02-29', '2025-02-30', '2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00', '2025-12-31',
  // range, and range after validity
  '1900-01-01', '1899-12-31', '2100-12-31', '2101-01-01', '0000-02-29', '0001-02-29', '9999-99-99', '0202-02-02',
  // messages with quotes, backslashes, non-ASCII; other digits
  '"2024-09-09"', "2024'09'09", '2024\\09\\09', '二〇二四年九月九日', '٢٠٢٤-٠٩-٠٩', '2024-09-09\n', '𝟐𝟎𝟐𝟒-09-09',
];

const PERIOD_TEXTS = [
  '2025-06', '2025-6', '202506', '2025年6月', '2025 年 06 月', '２０２５－０６', '２０２５年６月', '2025\u3000年6\u2002月',
  '2025/06', '2025.06', '2025-006', '20256', '2025061', '2025年6', '2025年6月1日', '2025-06-01',
  '2025-13', '2025-00', '202500', '202513', '1899-12', '1900-01', '2100-12', '2101-01', '0000-00', '"2025-06"', '2025\\06', '二〇二五年六月',
];

/** Digits of a number, zero-padded to `width`, sometimes in full-width (as an IME types them). */
const digitsOf = (value: number, width: number, fullWidth: boolean) => {
  const ascii = String(value).padStart(width, '0');
  return fullWidth ? ascii.replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0)) : ascii;
};

/** Dates and periods shaped like the accepted formats, with parts around every boundary: most parse, many are near misses. */
const dateLikeText = fc
  .record({
    year: fc.constantFrom(0, 202, 1899, 1900, 1999, 2000, 2024, 2025, 2100, 2101, 9999),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    monthWidth: fc.constantFrom(1, 2, 3),
    dayWidth: fc.constantFrom(1, 2),
    fullWidth: fc.boolean(),
    shape: fc.constantFrom('-', '/', '.', '', '年', '-/', 'period-', 'period', 'period年'),
    space: fc.constantFrom('', ' ', '\u3000', '\t'),
  })
  .map(({ year, month, day, monthWidth, dayWidth, fullWidth, shape, space }) => {
    const [y, m, d] = [digitsOf(year, 4, fullWidth), digitsOf(month, monthWidth, fullWidth), digitsOf(day, dayWidth, fullWidth)];
    if (shape === '年') return `${y}${space}年${space}${m}${space}月${space}${d}${space}日`;
    if (shape === '-/') return `${y}-${m}/${d}`;
    if (shape === 'period-') return `${y}-${m}`;
    if (shape === 'period') return `${y}${m}`;
    if (shape === 'period年') return `${y}${space}年${space}${m}${space}月`;
    return `${y}${shape}${m}${shape}${d}`;
  });

describe('dates and periods in SQL', () => {
  it('agree on hand-picked dates: every format, separators, calendar, range, quotes and non-ASCII', async () => {
    expect(await disagreements(engine, DATE_TWIN, parseDate, DATE_TEXTS)).toEqual([]);
  });

  it('agree on hand-picked periods', async () => {
    expect(await disagreements(engine, PERIOD_TWIN, parsePeriod, PERIOD_TEXTS)).toEqual([]);
  });

  it('reach every rule the JavaScript parsers return', async () => {
    const rules = async (twin: typeof DATE_TWIN, texts: string[]) => new Set((await sqlOutcomes(engine, twin, texts)).map((outcome) => outcome.rule));
    expect(await rules(DATE_TWIN, DATE_TEXTS)).toEqual(new Set([null, 'date_format', 'date_invalid', 'date_out_of_range']));
    expect(await rules(PERIOD_TWIN, PERIOD_TEXTS)).toEqual(new Set([null, 'period_format', 'period_invalid', 'date_out_of_range']));
  });

  it('give DATE values', async () => {
    const result = await engine.query<{ d: string; p: string }>(`SELECT typeof(${DATE_TWIN.value("'2024年9月9日'")}) AS d, typeof(${PERIOD_TWIN.value("'202501'")}) AS p`);
    expect(result.rows).toEqual([{ d: 'DATE', p: 'DATE' }]);
  });

  it('agree on generated dates and periods around every boundary', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(dateLikeText, { minLength: 1, maxLength: 50 }), async (texts) => {
        expect(await disagreements(engine, DATE_TWIN, parseDate, texts)).toEqual([]);
        expect(await disagreements(engine, PERIOD_TWIN, parsePeriod, texts)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('agree on generated text', async () => {
    const alphabets = ['0123456789-', '0123456789/.-', '0123456789年月日 ', '０１２３４５６７８９－／．年月日\u3000', '1290-/年月日'];
    await fc.assert(
      fc.asyncProperty(fc.array(fieldText(alphabets, 14), { minLength: 1, maxLength: 50 }), async (texts) => {
        expect(await disagreements(engine, DATE_TWIN, parseDate, texts)).toEqual([]);
        expect(await disagreements(engine, PERIOD_TWIN, parsePeriod, texts)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
