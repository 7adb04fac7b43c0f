/**
 * The twin of parse/application-no-list.ts: a list of CN patent application numbers → the normalised
 * numbers, duplicates dropped, given order kept, joined by `;`. The list is split as the parser
 * splits it — on the punctuation first, then a part on white space only when every word is a number
 * on its own — and each number goes through APPLICATION_NO_TWIN; the first failing number's rule
 * and message are the list's, prefixed with its position. DuckDB list lambdas do the splitting, and
 * sqlLet binds the list of outcomes so each number is parsed once per expression.
 */
import { APPLICATION_NO_LIST_SEPARATOR } from '../parse/application-no-list.ts';
import { sqlJsTrim } from './js-trim.ts';
import { sqlLet } from './sql-let.ts';
import { JS_WHITESPACE_CLASS } from './js-whitespace.ts';
import { APPLICATION_NO_TWIN } from './patent-application-no-sql.ts';
import { sqlConcat, sqlQuote, sqlString, type SqlFieldTwin } from './sql-field-twin.ts';

const PUNCTUATION = '[;；,，、]+';

/** splitOnSpaces: a trimmed part → [] when empty, its words when each is a number, else [part]. */
function splitOnSpaces(part: string): string {
  const words = `list_filter(regexp_split_to_array(${part}, ${sqlString(`${JS_WHITESPACE_CLASS}+`)}), app_no_word -> app_no_word <> '')`;
  const allNumbers = `list_bool_and(list_transform(app_no_words, app_no_word -> ${APPLICATION_NO_TWIN.rule('app_no_word')} IS NULL))`;
  return `(CASE WHEN ${part} = '' THEN [] ELSE ${sqlLet(words, 'app_no_words', `(CASE WHEN len(app_no_words) > 1 AND ${allNumbers} THEN app_no_words ELSE [${part}] END)`)} END)`;
}

/** Each number of the list, in order: STRUCT(value, rule, message) of APPLICATION_NO_TWIN. */
function outcomes(text: string): string {
  const parts = `flatten(list_transform(regexp_split_to_array(${text}, ${sqlString(PUNCTUATION)}), app_no_piece -> ${sqlLet(sqlJsTrim('app_no_piece'), 'app_no_part', splitOnSpaces('app_no_part'))}))`;
  const outcome = (n: string) => `struct_pack(value := ${APPLICATION_NO_TWIN.value(n)}, rule := ${APPLICATION_NO_TWIN.rule(n)}, message := ${APPLICATION_NO_TWIN.message(n)})`;
  return `list_transform(${parts}, app_no_number -> ${outcome('app_no_number')})`;
}

/** The position (1-based) of the first failing number in `list`, 0 when none fails. */
const firstFailing = (list: string) => `list_position(list_transform(${list}, app_no_o -> app_no_o.rule IS NOT NULL), true)`;

const EMPTY_MESSAGE = 'expected one or more application numbers, got ';

export const APPLICATION_NO_LIST_TWIN: SqlFieldTwin = {
  value: (text) =>
    sqlLet(
      outcomes(text),
      'app_no_list',
      `(CASE WHEN len(app_no_list) = 0 OR coalesce(${firstFailing('app_no_list')}, 0) > 0 THEN NULL ELSE ${sqlLet(
        `list_transform(app_no_list, app_no_o -> app_no_o.value)`,
        'app_no_values',
        `array_to_string(list_filter(app_no_values, (app_no_v, app_no_i) -> list_position(app_no_values, app_no_v) = app_no_i), ${sqlString(APPLICATION_NO_LIST_SEPARATOR)})`,
      )} END)`,
    ),
  rule: (text) =>
    sqlLet(
      outcomes(text),
      'app_no_list',
      `(CASE WHEN coalesce(${firstFailing('app_no_list')}, 0) > 0 THEN app_no_list[${firstFailing('app_no_list')}].rule WHEN len(app_no_list) = 0 THEN 'application_no_format' ELSE NULL END)`,
    ),
  message: (text) =>
    sqlLet(
      outcomes(text),
      'app_no_list',
      `(CASE WHEN coalesce(${firstFailing('app_no_list')}, 0) > 0 THEN ${sqlConcat(
        sqlString('application number '),
        `CAST(${firstFailing('app_no_list')} AS VARCHAR)`,
        sqlString(' of the list '),
        sqlQuote(text),
        sqlString(': '),
        `app_no_list[${firstFailing('app_no_list')}].message`,
      )} WHEN len(app_no_list) = 0 THEN ${sqlConcat(sqlString(EMPTY_MESSAGE), sqlQuote(text))} ELSE NULL END)`,
    ),
};
