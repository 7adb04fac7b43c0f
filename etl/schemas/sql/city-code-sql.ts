/**
 * The twin of parse/city-code.ts: a six-digit GB/T 2260 code → STRUCT(city, admin): the city it counts
 * for (district → city, reference-tables.ts `ref_gbt2260`) and the code as given (half-width).
 */
import { sqlHalfWidth } from './half-width-sql.ts';
import { GBT2260_TABLE } from './reference-tables.ts';
import { sqlConcat, sqlQuote, sqlString, twinOf, type SqlFieldTwin, type SqlLookup } from './sql-field-twin.ts';

const code = (text: string) => sqlHalfWidth(text);

/** The division of the code as a struct {name, level, city_code}; NULL for an unknown code. */
const lookUp: SqlLookup = { relation: `SELECT code AS key, {'name': name, 'level': level, 'city_code': city_code} AS value FROM ${GBT2260_TABLE}`, key: code };

export const CITY_CODE_TWIN: SqlFieldTwin = twinOf(
  (text, division) => [
    {
      when: `NOT regexp_full_match(${code(text)}, '[0-9]{6}')`,
      rule: 'city_code_format',
      message: sqlConcat(sqlString('expected a six-digit GB/T 2260 code such as 440305, got '), sqlQuote(text)),
    },
    { when: `${division} IS NULL`, rule: 'city_code_unknown', message: sqlConcat(code(text), sqlString(' is not a GB/T 2260 administrative division code')) },
    {
      when: `${division}.city_code IS NULL`,
      rule: 'city_code_not_city',
      message: sqlConcat(code(text), sqlString(' ('), `${division}.name`, sqlString(') is a '), `replace(${division}.level, '_', ' ')`, sqlString(' code; expected a city, county or district code')),
    },
  ],
  (text, division) => `struct_pack(city := ${division}.city_code, admin := ${code(text)})`,
  lookUp,
);
