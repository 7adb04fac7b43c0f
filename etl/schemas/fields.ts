/**
 * Field builders: each returns a zod schema that takes the raw value of one source column
 * (a trimmed string, or undefined / '' when empty or absent) and yields its normalised value
 * (see docs/lake.md), and registers the field's metadata (SQL type, labels, required).
 *
 * Failures are zod issues with `params.rule`, the stable rule code of docs/data-contract.md.
 * The value logic lives in a FieldParser (field-parser.ts) shared with the compiled row
 * validator; per-value work is precompiled regexes and lookup maps, no per-row closures.
 */
import { z } from 'zod';
import type { SqlType } from './dataset-spec.ts';
import { fieldRegistry, type FieldKind } from './field-meta.ts';
import { parseFieldValue, registerFieldParser, type FieldParser } from './field-parser.ts';
import { parseBoolean } from './parse/boolean.ts';
import { parseCityCode, type CityCodePair } from './parse/city-code.ts';
import { parseDate, parsePeriod } from './parse/date.ts';
import { parseDecimal } from './parse/decimal.ts';
import type { EnumerationParser } from './parse/enumeration.ts';
import { parseIndustryCode } from './parse/industry-code.ts';
import { parseInteger } from './parse/integer.ts';
import { parseIpc } from './parse/ipc.ts';
import { parseMoneyFen, type MoneySign } from './parse/money.ts';
import { ParseFailure, quote } from './parse/parse-failure.ts';
import { parseApplicationNoList } from './parse/application-no-list.ts';
import { parseApplicationNo } from './parse/patent-application-no.ts';
import { parseCategoryCode, parseDigits } from './parse/simple-codes.ts';
import { parseUscc } from './parse/uscc.ts';
import { APPLICATION_NO_LIST_TWIN } from './sql/application-no-list-sql.ts';
import { booleanTwin } from './sql/boolean-sql.ts';
import { CITY_CODE_TWIN } from './sql/city-code-sql.ts';
import { DATE_TWIN, PERIOD_TWIN } from './sql/date-sql.ts';
import { quantityTwin } from './sql/decimal-sql.ts';
import { enumerationTwin } from './sql/enumeration-sql.ts';
import { INDUSTRY_CODE_TWIN } from './sql/industry-code-sql.ts';
import { integerTwin } from './sql/integer-sql.ts';
import { IPC_TWIN } from './sql/ipc-sql.ts';
import { moneyTwin } from './sql/money-sql.ts';
import { APPLICATION_NO_TWIN } from './sql/patent-application-no-sql.ts';
import { CATEGORY_CODE_TWIN, DIGITS_TWIN } from './sql/simple-codes-sql.ts';
import type { SqlFieldTwin } from './sql/sql-field-twin.ts';
import { TEXT_TWIN } from './sql/text-sql.ts';
import { USCC_TWIN } from './sql/uscc-sql.ts';

export interface FieldOptions<R extends boolean> {
  /** Simplified Chinese header, as in the data contract. */
  readonly zh: string;
  /** Traditional Chinese header. */
  readonly zhHant: string;
  readonly required: R;
  /** Other header spellings. @default [] */
  readonly aliases?: readonly string[];
}

/** A field schema: raw string in, normalised value out (null when optional and empty). */
export type Field<T, R extends boolean> = z.ZodType<R extends true ? T : T | null, unknown>;

/** A field: its metadata, its JavaScript parser and that parser's SQL twin, registered together so neither path can lack a rule. */
function field<T, R extends boolean>(options: FieldOptions<R>, sqlType: SqlType, kind: FieldKind, parse: (text: string) => T | ParseFailure, twin: SqlFieldTwin): Field<T, R> {
  const parser: FieldParser = { required: options.required, parse, twin };
  const schema = z.transform((input: unknown, ctx) => {
    const value = parseFieldValue(input, parser);
    if (value instanceof ParseFailure) {
      ctx.issues.push({ code: 'custom', message: value.message, input, params: { rule: value.rule } });
      return z.NEVER;
    }
    return value;
  });
  fieldRegistry.add(schema, { sqlType, labelZh: options.zh, labelZhHant: options.zhHant, aliases: options.aliases ?? [], required: options.required, kind });
  registerFieldParser(schema, parser);
  return schema as unknown as Field<T, R>;
}

const asIs = (text: string): string => text;

/** Free text, trimmed. */
export function text<R extends boolean>(options: FieldOptions<R>): Field<string, R> {
  return field(options, 'VARCHAR', 'value', asIs, TEXT_TWIN);
}

/** Text of digits only (e.g. a trademark registration number). */
export function digits<R extends boolean>(options: FieldOptions<R>): Field<string, R> {
  return field(options, 'VARCHAR', 'value', parseDigits, DIGITS_TWIN);
}

/** A calendar date → "YYYY-MM-DD". */
export function date<R extends boolean>(options: FieldOptions<R>): Field<string, R> {
  return field(options, 'DATE', 'value', parseDate, DATE_TWIN);
}

/** A month → the DATE of its first day, "YYYY-MM-01". */
export function period<R extends boolean>(options: FieldOptions<R>): Field<string, R> {
  return field(options, 'DATE', 'value', parsePeriod, PERIOD_TWIN);
}

/** The range of SQL INTEGER (Parquet INT32). */
export const INTEGER_MIN = -2_147_483_648;
export const INTEGER_MAX = 2_147_483_647;

export interface IntegerOptions<R extends boolean> extends FieldOptions<R> {
  readonly min: number;
  readonly max: number;
}

/** A whole number in [min, max], stored as INTEGER. */
export function integer<R extends boolean>(options: IntegerOptions<R>): Field<number, R> {
  const { min, max } = options;
  if (min < INTEGER_MIN || max > INTEGER_MAX) throw new RangeError(`integer field ${options.zh}: [${min}, ${max}] exceeds INTEGER`);
  return field(options, 'INTEGER', 'value', (text) => parseInteger(text, min, max), integerTwin(min, max));
}

export interface MoneyOptions<R extends boolean> extends FieldOptions<R> {
  /** `non_negative` (≥ 0), `positive` (> 0) or `any` (may be negative). */
  readonly sign: MoneySign;
}

/** Yuan → bigint fen, DECIMAL(18,2); accepts 元 / 万元 suffixes. */
export function money<R extends boolean>(options: MoneyOptions<R>): Field<bigint, R> {
  const { sign } = options;
  return field(options, 'DECIMAL(18,2)', 'money', (text) => parseMoneyFen(text, sign), moneyTwin(sign));
}

const QUANTITY_SCALE = 4;

/** A quantity ≥ 0 → bigint ten-thousandths, DECIMAL(18,4). */
export function quantity<R extends boolean>(options: FieldOptions<R>): Field<bigint, R> {
  return field(options, 'DECIMAL(18,4)', 'value', (text) => {
    const units = parseDecimal(text, QUANTITY_SCALE);
    if (typeof units === 'bigint' && units < 0n) return new ParseFailure('number_negative', `expected a quantity ≥ 0, got ${quote(text)}`);
    return units;
  }, quantityTwin());
}

export interface BooleanOptions<R extends boolean> extends FieldOptions<R> {
  /** Further words read as true, e.g. the standard's "*". @default none */
  readonly trueWords?: readonly string[];
}

/** true/false, 1/0, 是/否, Y/N (any case). */
export function boolean<R extends boolean>(options: BooleanOptions<R>): Field<boolean, R> {
  const trueWords = new Set(options.trueWords ?? []);
  return field(options, 'BOOLEAN', 'value', (text) => parseBoolean(text, trueWords), booleanTwin(options.trueWords));
}

/** Unified social credit code with its check character verified → upper case. */
export function uscc<R extends boolean>(options: FieldOptions<R>): Field<string, R> {
  return field(options, 'VARCHAR', 'value', parseUscc, USCC_TWIN);
}

/** CN patent application number, check digit verified → `201710601862.3`. */
export function applicationNo<R extends boolean>(options: FieldOptions<R>): Field<string, R> {
  return field(options, 'VARCHAR', 'value', parseApplicationNo, APPLICATION_NO_TWIN);
}

/** CN patent application numbers separated by ; ； , ， 、 or spaces, each verified → `201710601862.3;202110012345.6`. */
export function applicationNoList<R extends boolean>(options: FieldOptions<R>): Field<string, R> {
  return field(options, 'VARCHAR', 'value', parseApplicationNoList, APPLICATION_NO_LIST_TWIN);
}

/**
 * GB/T 2260 code → `{ city, admin }`; the dataset spec flattens it into the curated columns
 * `…city_code` and `…admin_code`.
 */
export function cityCode<R extends boolean>(options: FieldOptions<R>): Field<CityCodePair, R> {
  return field(options, 'VARCHAR', 'city_code', parseCityCode, CITY_CODE_TWIN);
}

/** GB/T 4754-2017 four-digit class. */
export function industryCode<R extends boolean>(options: FieldOptions<R>): Field<string, R> {
  return field(options, 'VARCHAR', 'value', parseIndustryCode, INDUSTRY_CODE_TWIN);
}

/** One of the values of an enumeration (English or Chinese words) → the English value. */
export function enumeration<V extends string, R extends boolean>(options: FieldOptions<R>, parser: EnumerationParser<V>): Field<V, R> {
  return field(options, 'VARCHAR', 'value', (text) => parser.parse(text), enumerationTwin(parser));
}

/** IPC symbol → `H04L 29/06`. */
export function ipc<R extends boolean>(options: FieldOptions<R>): Field<string, R> {
  return field(options, 'VARCHAR', 'value', parseIpc, IPC_TWIN);
}

/** Patent-intensive industry category `01`–`07`. */
export function categoryCode<R extends boolean>(options: FieldOptions<R>): Field<string, R> {
  return field(options, 'VARCHAR', 'value', parseCategoryCode, CATEGORY_CODE_TWIN);
}
