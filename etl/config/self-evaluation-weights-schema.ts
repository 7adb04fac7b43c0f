/**
 * `self_evaluation_weights` of a city: the 分值 of every row of the performance self-evaluation
 * grid (docs/self-evaluation.md), e.g. `{ "budget_execution": 10, "pledge_amount_cny": 7.5, … }`.
 * When given it must name every row, each with at most 2 decimals, adding up to exactly 100
 * (summed as integer hundredths, never as floats). A row the city does not want scored gets 0.
 */
import { z } from 'zod';
import { numberToMicro } from '../reports/exact-decimal.ts';
import { isSelfEvaluationRowKey, SELF_EVALUATION_ROW_KEYS, TOTAL_POINTS } from '../reports/self-evaluation-rows.ts';

const MICRO_PER_HUNDREDTH = 10_000n;

const PointsSchema = z
  .number()
  .min(0, { error: 'points must be ≥ 0' })
  .refine((points) => numberToMicro(points) % MICRO_PER_HUNDREDTH === 0n, { error: 'points may have at most 2 decimals' });

export const SelfEvaluationWeightsSchema = z.record(z.string(), PointsSchema).superRefine((weights, context) => {
  const keys = Object.keys(weights);
  for (const key of keys) {
    if (!isSelfEvaluationRowKey(key)) {
      context.addIssue({ code: 'custom', path: [key], message: `unknown self-evaluation row "${key}"; valid rows: ${SELF_EVALUATION_ROW_KEYS.join(', ')}` });
    }
  }
  const absent = SELF_EVALUATION_ROW_KEYS.filter((key) => !keys.includes(key));
  if (absent.length > 0) {
    context.addIssue({ code: 'custom', path: [], message: `every row needs its points (0 for a row not scored); missing: ${absent.join(', ')}` });
    return;
  }
  const hundredths = keys.filter(isSelfEvaluationRowKey).reduce((sum, key) => sum + numberToMicro(weights[key]!) / MICRO_PER_HUNDREDTH, 0n);
  if (hundredths !== BigInt(TOTAL_POINTS * 100)) {
    const total = `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
    context.addIssue({ code: 'custom', path: [], message: `points must add up to exactly ${TOTAL_POINTS}, they add up to ${total}` });
  }
});

export type SelfEvaluationWeights = z.infer<typeof SelfEvaluationWeightsSchema>;
