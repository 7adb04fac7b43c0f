/** The twins of parse/simple-codes.ts: digit-only numbers, patent-intensive category codes 01–07. */
import { sqlHalfWidth } from './half-width-sql.ts';
import { sqlConcat, sqlIn, sqlQuote, sqlString, twinOf, type SqlFieldTwin } from './sql-field-twin.ts';
import { withFastPath } from './fast-path.ts';

const FULL_DIGITS_TWIN: SqlFieldTwin = twinOf(
  (text) => [{ when: `NOT regexp_full_match(${sqlHalfWidth(text)}, '[0-9]+')`, rule: 'digits_only', message: sqlConcat(sqlString('expected digits only, got '), sqlQuote(text)) }],
  (text) => sqlHalfWidth(text),
);

const FULL_CATEGORY_CODE_TWIN: SqlFieldTwin = twinOf(
  (text) => [
    {
      when: `NOT regexp_full_match(${sqlHalfWidth(text)}, '0?[1-7]')`,
      rule: 'category_code_range',
      message: sqlConcat(sqlString('expected a category code from 01 to 07, got '), sqlQuote(text)),
    },
  ],
  (text) => `('0' || right(${sqlHalfWidth(text)}, 1))`,
);

/** Fast path: ASCII digits. */
export const DIGITS_TWIN: SqlFieldTwin = withFastPath(FULL_DIGITS_TWIN, { when: (text) => `regexp_full_match(${text}, '[0-9]+')`, value: (text) => text });

/** Fast path: already `01`–`07`. */
export const CATEGORY_CODE_TWIN: SqlFieldTwin = withFastPath(FULL_CATEGORY_CODE_TWIN, { when: (text) => sqlIn(text, ['01', '02', '03', '04', '05', '06', '07'].map(sqlString)), value: (text) => text });
