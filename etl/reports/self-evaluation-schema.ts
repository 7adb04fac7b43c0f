/**
 * report.json's `self_evaluation`: the performance self-evaluation grid (绩效自评表) of the
 * report's year to date (docs/self-evaluation.md). Strict, with a reason for every null and a
 * null for every reason, like the indicators.
 */
import { z } from 'zod';
import { INDICATOR_IDS } from './indicators.ts';
import { NullReasonSchema } from './null-reasons.ts';
import { LEVEL1_GROUPS, LEVEL2_GROUPS, SELF_EVALUATION_ROW_KEYS, type SelfEvaluationRowKey } from './self-evaluation-rows.ts';

const hasAtMostDecimals = (decimals: number) => (value: number) => Number(value.toFixed(decimals)) === value;
/** Targets, actuals, points and scores: at most 2 decimals (a count's target may have a fraction). */
const HundredthsSchema = z.number().refine(hasAtMostDecimals(2), { error: 'must be rounded to 2 decimals' });
const RateSchema = z.number().refine(hasAtMostDecimals(6), { error: 'a ratio must be rounded to 6 decimals' });

export const SELF_EVALUATION_FLAGS = ['behind_target', 'data_missing', 'filled_by_city'] as const;
export type SelfEvaluationFlag = (typeof SELF_EVALUATION_FLAGS)[number];

const NULLABLE_FIELDS = ['annual_target', 'target_to_date', 'actual', 'completion_rate', 'score'] as const;

export const SelfEvaluationRowSchema = z
  .strictObject({
    key: z.enum(SELF_EVALUATION_ROW_KEYS as readonly SelfEvaluationRowKey[] as [SelfEvaluationRowKey, ...SelfEvaluationRowKey[]]),
    level1: z.enum(LEVEL1_GROUPS),
    level2: z.enum(LEVEL2_GROUPS),
    /** The indicator of the row; null for the rows the city fills. */
    indicator: z.enum(INDICATOR_IDS).nullable(),
    /** `ratio` for the rows the city fills (an execution rate, a satisfaction rate). */
    unit: z.enum(['count', 'cny', 'ratio']),
    /** The year the target and the actual value refer to (the latest complete year for an annual indicator). */
    year: z.number().int(),
    /** 序时: the target to date is this many months of `of` (12 for a year, 36 for the programme); null for city rows. */
    to_date_share: z.strictObject({ months: z.number().int().min(0), of: z.union([z.literal(12), z.literal(36)]) }).nullable(),
    annual_target: HundredthsSchema.nullable(),
    target_to_date: HundredthsSchema.nullable(),
    actual: HundredthsSchema.nullable(),
    completion_rate: RateSchema.nullable(),
    points: HundredthsSchema.min(0),
    score: HundredthsSchema.min(0).nullable(),
    flag: z.enum(SELF_EVALUATION_FLAGS).nullable(),
    null_reasons: z.strictObject(Object.fromEntries(NULLABLE_FIELDS.map((field) => [field, NullReasonSchema.optional()])) as Record<(typeof NULLABLE_FIELDS)[number], z.ZodOptional<typeof NullReasonSchema>>),
  })
  .superRefine((row, context) => {
    for (const field of NULLABLE_FIELDS) {
      if ((row[field] === null) !== (row.null_reasons[field] !== undefined)) {
        context.addIssue({ code: 'custom', path: ['null_reasons', field], message: `${field} is ${row[field] === null ? 'null without a reason' : 'not null but has a reason'}` });
      }
    }
  });

export const SelfEvaluationSchema = z.strictObject({
  /** The report's year and month: the grid is the year to date. */
  year: z.number().int(),
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  weights_source: z.enum(['default', 'configured']),
  rows: z.array(SelfEvaluationRowSchema),
  /** Sum of the 分值 column: 100. */
  total_points: HundredthsSchema,
  /** Sum of the computed scores (rows with a score). */
  score_total: HundredthsSchema,
  /** Points of the rows that have a score. */
  points_scored: HundredthsSchema,
  /** Points of the rows the city fills (budget execution, satisfaction): not scored here, not 0. */
  points_to_fill: HundredthsSchema,
  /** Points of indicator rows without a score (a figure or a target is null). */
  points_not_scored: HundredthsSchema,
});

export type SelfEvaluationSection = z.infer<typeof SelfEvaluationSchema>;
export type SelfEvaluationRow = z.infer<typeof SelfEvaluationRowSchema>;
