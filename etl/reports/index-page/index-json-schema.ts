/**
 * index.json of a month: the cities configured (with or without a report) and the long table of
 * index.xlsx (index-rows.ts), validated before it is written.
 */
import { z } from 'zod';
import { INDICATOR_IDS } from '../indicators.ts';
import { NullReasonSchema } from '../null-reasons.ts';
import { RankValueFieldSchema } from '../peers/peer-ranks-schema.ts';
import { INDEX_MEASURES, INDEX_UNITS } from './index-rows.ts';

const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'expected a month YYYY-MM' });
const CityCodeSchema = z.string().regex(/^\d{6}$/, { error: 'expected a 6-digit city code' });

export const IndexRowSchema = z
  .strictObject({
    city_code: CityCodeSchema,
    city_name: z.string().min(1),
    indicator: z.enum(INDICATOR_IDS),
    indicator_name_zh: z.string().min(1),
    period: MonthSchema,
    measure: z.enum(INDEX_MEASURES),
    value: z.number().nullable(),
    unit: z.enum(INDEX_UNITS),
    null_reason: NullReasonSchema.nullable(),
  })
  .refine((row) => (row.value === null) === (row.null_reason !== null), { error: 'a null value needs a null_reason, and only a null value has one' });

export const IndexJsonSchema = z.strictObject({
  period: MonthSchema,
  /** Every configured city, by code: `reported` with the report's files, or `missing` (no report for the month). */
  cities: z.array(
    z.strictObject({
      code: CityCodeSchema,
      name: z.string().min(1),
      status: z.enum(['reported', 'missing']),
      /** Paths of the city's report files, relative to index.json. */
      files: z.array(z.string()),
    }),
  ),
  /** The field of report.json each indicator is ranked by (and its `annual` row gives). */
  value_fields: z.strictObject(Object.fromEntries(INDICATOR_IDS.map((id) => [id, RankValueFieldSchema])) as Record<(typeof INDICATOR_IDS)[number], typeof RankValueFieldSchema>),
  rows: z.array(IndexRowSchema),
});
export type IndexJson = z.infer<typeof IndexJsonSchema>;

/** The bytes of index.json: validated, 2-space indented, ending with a newline. */
export function indexJsonText(index: unknown): string {
  const result = IndexJsonSchema.safeParse(index);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`index.json breaks its schema: ${problems.join('; ')}`, { cause: result.error });
  }
  return `${JSON.stringify(result.data, null, 2)}\n`;
}
