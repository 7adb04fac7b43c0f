/**
 * The value logic of a field, shared by its zod schema and by the compiled row validator, so
 * both give the same value or the same failure for every input.
 */
import type { z } from 'zod';
import { ParseFailure } from './parse/parse-failure.ts';
import type { SqlFieldTwin } from './sql/sql-field-twin.ts';

/** The rule code of a required value that is empty or absent. */
export const REQUIRED_RULE = 'required';
const REQUIRED_FAILURE = new ParseFailure(REQUIRED_RULE, 'a value is required');

export interface FieldParser {
  readonly required: boolean;
  /** Parses a non-empty trimmed string. */
  readonly parse: (text: string) => unknown;
  /** The same parse as DuckDB SQL (etl/schemas/sql/), for the ingestion query; tested against `parse`. */
  readonly twin: SqlFieldTwin;
}

/** A raw value (string, undefined when the column is absent) → its value, null, or a failure. */
export function parseFieldValue(input: unknown, parser: FieldParser): unknown {
  const text = typeof input === 'string' ? input.trim() : input;
  if (text === undefined || text === null || text === '') return parser.required ? REQUIRED_FAILURE : null;
  if (typeof text !== 'string') return new ParseFailure('invalid_input', `expected text, got ${typeof text}`);
  return parser.parse(text);
}

const parsers = new WeakMap<z.ZodType, FieldParser>();

export function registerFieldParser(schema: z.ZodType, parser: FieldParser): void {
  parsers.set(schema, parser);
}

export function fieldParserOf(schema: z.ZodType, where: string): FieldParser {
  const parser = parsers.get(schema);
  if (parser === undefined) throw new Error(`${where}: the schema has no field parser; build it with etl/schemas/fields.ts`);
  return parser;
}
