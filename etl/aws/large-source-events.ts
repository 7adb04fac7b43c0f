/**
 * The events of the large-source state machine (infra/constructs/large-source-ingestion.ts):
 * split-source gets `{ dataset, key }`, each Map item `{ dataset, key, range }`, and
 * merge-ranges `{ dataset, key, plan, ranges }` (the Map's results in range order).
 */
import { z } from 'zod';
import { DATASET_NAMES } from '../schemas/dataset-spec.ts';
import { RangeItemSchema, RangePlanSchema, RangeResultSchema } from './range-plan.ts';

const Source = { dataset: z.enum(DATASET_NAMES), key: z.string().min(1) };

export const SplitSourceEventSchema = z.strictObject(Source);
export const IngestRangeEventSchema = z.strictObject({ ...Source, range: RangeItemSchema });
export const MergeRangesEventSchema = z
  .strictObject({ ...Source, plan: RangePlanSchema, ranges: z.array(RangeResultSchema) })
  .refine((event) => event.plan.dataset === event.dataset && event.plan.key === event.key, { message: 'the plan is of another source' })
  .refine((event) => event.ranges.map((r) => r.part).join() === event.plan.ranges.map((r) => r.part).join(), {
    message: 'ranges must hold one result per planned range, in range order',
  });

export const SPLIT_SOURCE_EVENT_FORM = '{ "dataset", "key" }';
export const INGEST_RANGE_EVENT_FORM = '{ "dataset", "key", "range": one of split-source\'s ranges }';
export const MERGE_RANGES_EVENT_FORM = '{ "dataset", "key", "plan": split-source\'s result, "ranges": ingest-range\'s results in order }';
