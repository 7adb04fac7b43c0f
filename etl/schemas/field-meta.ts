/**
 * The metadata every field builder registers on its zod schema. Dataset specs derive their
 * source headers and curated columns from it, so nothing is declared twice.
 */
import { z } from 'zod';
import type { SqlType } from './dataset-spec.ts';

/**
 * - `value`: one source column → one curated column;
 * - `money`: like `value`, and a (万元) header unit scales it by 10,000;
 * - `city_code`: one source column → two curated columns, `…city_code` (rolled up to the city)
 *   and `…admin_code` (as given).
 */
export type FieldKind = 'value' | 'money' | 'city_code';

export interface FieldMeta {
  readonly sqlType: SqlType;
  /** Simplified Chinese name, as in the data contract. */
  readonly labelZh: string;
  /** Traditional Chinese name, written out (not converted at run time). */
  readonly labelZhHant: string;
  /** Further header spellings accepted, e.g. the Taiwan form of a term. */
  readonly aliases: readonly string[];
  /** Required: the header must be present and every value non-empty. */
  readonly required: boolean;
  readonly kind: FieldKind;
}

export const fieldRegistry = z.registry<FieldMeta>();

/** The metadata of a field schema; throws when the schema was not made by a field builder. */
export function fieldMetaOf(schema: z.ZodType, where: string): FieldMeta {
  const meta = fieldRegistry.get(schema);
  if (meta === undefined) throw new Error(`${where}: the schema has no field metadata; build it with etl/schemas/fields.ts`);
  return meta;
}
