/**
 * The twins of parse/date.ts: dates → DATE, periods → the DATE of the month's first day. The
 * accepted formats are one RE2 pattern each (RE2 has no back-references, so the three separators
 * of YYYY-M-D / YYYY/M/D / YYYY.M.D are three alternatives); once the text has matched, the
 * year, month and day are the first three runs of digits (an eight-digit YYYYMMDD splits 4+2+2
 * because the month and day groups take at most two digits).
 */
import { MAX_YEAR, MIN_YEAR } from '../parse/date.ts';
import { sqlHalfWidth } from './half-width-sql.ts';
import { JS_WHITESPACE_CLASS } from './js-whitespace.ts';
import { sqlConcat, sqlIn, sqlQuote, sqlString, twinOf, type SqlFieldTwin } from './sql-field-twin.ts';
import { withFastPath } from './fast-path.ts';

const SPACES = `${JS_WHITESPACE_CLASS}*`;
const DATE_PATTERN =
  `(?:[0-9]{4}(?:-[0-9]{1,2}-|/[0-9]{1,2}/|\\.[0-9]{1,2}\\.)[0-9]{1,2}` +
  `|[0-9]{8}` +
  `|[0-9]{4}${SPACES}年${SPACES}[0-9]{1,2}${SPACES}月${SPACES}[0-9]{1,2}${SPACES}日)`;
const PERIOD_PATTERN = `(?:[0-9]{4}-[0-9]{1,2}|[0-9]{6}|[0-9]{4}${SPACES}年${SPACES}[0-9]{1,2}${SPACES}月)`;
const DATE_PARTS = '^([0-9]{4})[^0-9]*([0-9]{1,2})[^0-9]*([0-9]{1,2})';
const PERIOD_PARTS = '^([0-9]{4})[^0-9]*([0-9]{1,2})';

const DATE_FORMATS = 'YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYYMMDD or YYYY年M月D日';
const PERIOD_FORMATS = 'YYYY-MM, YYYYMM or YYYY年M月';

/** The group-th run of digits (1 year, 2 month, 3 day) of a matched date, as INTEGER. */
function datePart(text: string, group: 1 | 2 | 3, parts = DATE_PARTS): string {
  return `TRY_CAST(regexp_extract(${sqlHalfWidth(text)}, ${sqlString(parts)}, ${group}) AS INTEGER)`;
}

function periodPart(text: string, group: 1 | 2): string {
  return datePart(text, group, PERIOD_PARTS);
}

function daysInMonth(year: string, month: string): string {
  const leap = `((${year} % 4 = 0 AND ${year} % 100 <> 0) OR ${year} % 400 = 0)`;
  return `(CASE WHEN ${month} = 2 THEN (CASE WHEN ${leap} THEN 29 ELSE 28 END) WHEN ${sqlIn(month, ['4', '6', '9', '11'])} THEN 30 ELSE 31 END)`;
}

function outOfRange(text: string, year: string) {
  return {
    when: `(${year} < ${MIN_YEAR} OR ${year} > ${MAX_YEAR})`,
    rule: 'date_out_of_range',
    message: sqlConcat(sqlQuote(text), sqlString(` is outside ${MIN_YEAR}–${MAX_YEAR}`)),
  };
}

const FULL_DATE_TWIN: SqlFieldTwin = twinOf(
  (text) => {
    const [year, month, day] = [datePart(text, 1), datePart(text, 2), datePart(text, 3)];
    return [
      {
        when: `NOT regexp_full_match(${sqlHalfWidth(text)}, ${sqlString(DATE_PATTERN)})`,
        rule: 'date_format',
        message: sqlConcat(sqlString(`expected a date as ${DATE_FORMATS}, got `), sqlQuote(text)),
      },
      {
        when: `(${month} < 1 OR ${month} > 12 OR ${day} < 1 OR ${day} > ${daysInMonth(year, month)})`,
        rule: 'date_invalid',
        message: sqlConcat(sqlQuote(text), sqlString(' is not a real calendar date')),
      },
      outOfRange(text, year),
    ];
  },
  (text) => `make_date(${datePart(text, 1)}, ${datePart(text, 2)}, ${datePart(text, 3)})`,
);

const FULL_PERIOD_TWIN: SqlFieldTwin = twinOf(
  (text) => {
    const month = periodPart(text, 2);
    return [
      {
        when: `NOT regexp_full_match(${sqlHalfWidth(text)}, ${sqlString(PERIOD_PATTERN)})`,
        rule: 'period_format',
        message: sqlConcat(sqlString(`expected a month as ${PERIOD_FORMATS}, got `), sqlQuote(text)),
      },
      { when: `(${month} < 1 OR ${month} > 12)`, rule: 'period_invalid', message: sqlConcat(sqlQuote(text), sqlString(' is not a real month')) },
      outOfRange(text, periodPart(text, 1)),
    ];
  },
  (text) => `make_date(${periodPart(text, 1)}, ${periodPart(text, 2)}, 1)`,
);

/** Fast path: already `YYYY-MM-DD`, a real date within the years allowed (parse/date.ts's own fast path). */
export const DATE_TWIN: SqlFieldTwin = withFastPath(FULL_DATE_TWIN, {
  when: (text) => `(regexp_full_match(${text}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') AND TRY_CAST(${text} AS DATE) IS NOT NULL AND ${text} BETWEEN '${MIN_YEAR}' AND '${MAX_YEAR}-12-31')`,
  value: (text) => `TRY_CAST(${text} AS DATE)`,
});

/** Fast path: already `YYYY-MM` with a real month, within the years allowed. */
export const PERIOD_TWIN: SqlFieldTwin = withFastPath(FULL_PERIOD_TWIN, {
  when: (text) => `(regexp_full_match(${text}, '[0-9]{4}-(0[1-9]|1[0-2])') AND ${text} BETWEEN '${MIN_YEAR}' AND '${MAX_YEAR}-12')`,
  value: (text) => `TRY_CAST(${text} || '-01' AS DATE)`,
});
