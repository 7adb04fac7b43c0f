/**
 * The twin of parse/city-code.ts: a six-digit GB/T 2260 code → STRUCT(city, admin): the city it counts
 * for (district → city, reference-tables.ts `ref_gbt2260`) and the code as given (half-width).
 */
import { sqlHalfWidth } from './half-width-sql.ts';
import { GBT2260_TABLE } from './reference-tables.ts';
import { sqlConcat, sqlQuote, sqlString, twinOf, type SqlFieldTwin } from './sql-field-twin.ts';

const code = (text: string) => sqlHalfWidth(text);
const division = (text: string, column: 'name' | 'level' | 'city_code') => `(SELECT ${column} FROM ${GBT2260_TABLE} WHERE code = ${code(text)})`;

export const CITY_CODE_TWIN: SqlFieldTwin = twinOf(
  (text) => [
    {
      when: `NOT regexp_full_match(${code(text)}, '[0-9]{6}')`,
      rule: 'city_code_format',
      message: sqlConcat(sqlString('expected a six-digit GB/T 2260 code such as 440305, got '), sqlQuote(text)),
    },
    { when: `${division(text, 'level')} IS NULL`, rule: 'city_code_unknown', message: sqlConcat(code(text), sqlString(' is not a GB/T 2260 administrative division code')) },
    {
      when: `${division(text, 'city_code')} IS NULL`,
      rule: 'city_code_not_city',
      message: sqlConcat(code(text), sqlString(' ('), division(text, 'name'), sqlString(') is a '), `replace(${division(text, 'level')}, '_', ' ')`, sqlString(' code; expected a city, county or district code')),
    },
  ],
  (text) => `struct_pack(city := ${division(text, 'city_code')}, admin := ${code(text)})`,
);
