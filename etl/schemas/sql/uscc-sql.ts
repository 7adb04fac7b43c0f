/**
 * The twin of parse/uscc.ts: the unified social credit code, upper case, half-width, 18 characters of
 * 0-9 A-H J-N P-R T U W-Y, the check character over the first 17 (weights 3^i mod 31) verified by
 * unrolled arithmetic. Lengths are counted as JavaScript counts them, in UTF-16 code units. The code
 * as read is bound once (sqlLet), not written out in every check.
 */
import { sqlHalfWidth } from './half-width-sql.ts';
import { sqlJsUpper } from './js-case.ts';
import { sqlConcat, sqlQuote, sqlString, twinOf, type SqlFieldTwin } from './sql-field-twin.ts';
import { sqlLet } from './sql-let.ts';
import { withFastPath } from './fast-path.ts';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The code as the parser reads it: as given when already 18 upper-case ASCII letters or digits, else half-width and upper case. */
const read = (text: string) => `(CASE WHEN regexp_full_match(${text}, '[0-9A-Z]{18}') THEN ${text} ELSE ${sqlJsUpper(sqlHalfWidth(text))} END)`;
/** The name the code as read is bound to in every expression of the twin. */
const CODE = 'uscc_code';
/** String.prototype.length: code points, plus one for each outside the Basic Multilingual Plane. */
const utf16Length = (value: string) => `(length(${value}) + length(regexp_replace(${value}, '[^\\x{10000}-\\x{10FFFF}]', '', 'g')))`;
const checkCharacter = (value: string) => {
  const sum = WEIGHTS.map((weight, index) => `(strpos(${sqlString(ALPHABET)}, substr(${value}, ${index + 1}, 1)) - 1) * ${weight}`).join(' + ');
  return `substr(${sqlString(ALPHABET)}, ((31 - ((${sum}) % 31)) % 31) + 1, 1)`;
};

/** The twin over the bound code; `text` itself only appears quoted in messages. */
const OVER_CODE: SqlFieldTwin = twinOf(
  (text) => [
    {
      when: `${utf16Length(CODE)} <> 18`,
      rule: 'uscc_length',
      message: sqlConcat(sqlString('expected 18 characters, got '), `CAST(${utf16Length(CODE)} AS VARCHAR)`, sqlString(' ('), sqlQuote(text), sqlString(')')),
    },
    {
      when: `NOT regexp_full_match(${CODE}, '[0-9A-HJ-NPQRTUWXY]{18}')`,
      rule: 'uscc_charset',
      message: sqlConcat(
        sqlString('characters '),
        `array_to_string(list_transform(list_filter(string_split(${CODE}, ''), c -> strpos(${sqlString(ALPHABET)}, c) = 0), c -> ${sqlQuote('c')}), ', ')`,
        sqlString(' are not allowed (expected 0-9 and A-Z without I, O, Z, S, V) in '),
        sqlQuote(text),
      ),
    },
    {
      when: `substr(${CODE}, 18, 1) <> ${checkCharacter(CODE)}`,
      rule: 'uscc_check',
      message: sqlConcat(sqlString('check character is '), `substr(${CODE}, 18, 1)`, sqlString(', expected '), checkCharacter(CODE), sqlString(' ('), CODE, sqlString(')')),
    },
  ],
  () => CODE,
);

const FULL_USCC_TWIN: SqlFieldTwin = {
  value: (text) => sqlLet(read(text), CODE, OVER_CODE.value(text)),
  rule: (text) => sqlLet(read(text), CODE, OVER_CODE.rule(text)),
  message: (text) => sqlLet(read(text), CODE, OVER_CODE.message(text)),
};

/** Fast path: eighteen characters of the code's alphabet, upper case, with the right check character. */
export const USCC_TWIN: SqlFieldTwin = withFastPath(FULL_USCC_TWIN, {
  when: (text) => `(regexp_full_match(${text}, '[0-9A-HJ-NPQRTUWXY]{18}') AND substr(${text}, 18, 1) = ${checkCharacter(text)})`,
  value: (text) => text,
});
