/**
 * The twin of parse/industry-code.ts: a GB/T 4754-2017 four-digit class, an optional leading section
 * letter matching the class accepted and dropped; codes looked up in the reference table
 * (reference-tables.ts) by scalar subqueries, which DuckDB turns into joins.
 */
import { sqlHalfWidth } from './half-width-sql.ts';
import { sqlJsUpper } from './js-case.ts';
import { GBT4754_TABLE } from './reference-tables.ts';
import { sqlConcat, sqlQuote, sqlString, twinOf, type SqlFieldTwin, type SqlLookup } from './sql-field-twin.ts';

const PATTERN = '([A-T])?([0-9]{2,4})';
const folded = (text: string) => sqlJsUpper(sqlHalfWidth(text));
const code = (text: string) => `regexp_extract(${folded(text)}, ${sqlString(`^${PATTERN}$`)}, 2)`;
const section = (text: string) => `regexp_extract(${folded(text)}, ${sqlString(`^${PATTERN}$`)}, 1)`;
/** The entry of the code as a struct {level, name, section}; NULL for an unknown code. */
const lookUp: SqlLookup = { relation: `SELECT code AS key, {'level': level, 'name': name, 'section': section} AS value FROM ${GBT4754_TABLE}`, key: code };

export const INDUSTRY_CODE_TWIN: SqlFieldTwin = twinOf(
  (text, entry) => [
    {
      when: `NOT regexp_full_match(${folded(text)}, ${sqlString(PATTERN)})`,
      rule: 'industry_code_format',
      message: sqlConcat(sqlString('expected a four-digit GB/T 4754-2017 class such as 3915, got '), sqlQuote(text)),
    },
    { when: `${entry}.level IS NULL`, rule: 'industry_code_unknown', message: sqlConcat(code(text), sqlString(' is not a GB/T 4754-2017 code')) },
    {
      when: `${entry}.level <> 'class'`,
      rule: 'industry_code_not_class',
      message: sqlConcat(code(text), sqlString(' ('), `${entry}.name`, sqlString(') is a '), `${entry}.level`, sqlString('; expected a four-digit class')),
    },
    {
      when: `${section(text)} <> '' AND ${section(text)} <> ${entry}.section`,
      rule: 'industry_code_section',
      message: sqlConcat(code(text), sqlString(' ('), `${entry}.name`, sqlString(') is in section '), `${entry}.section`, sqlString(', not '), section(text), sqlString(' ('), sqlQuote(text), sqlString(')')),
    },
  ],
  code,
  lookUp,
);
