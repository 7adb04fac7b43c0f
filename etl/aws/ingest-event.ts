/**
 * What the `ingest` function accepts: an S3 event for objects landing in `inbox/<dataset>/`, or a
 * direct invocation (Step Functions, the console, a schedule) naming an object or an HTTPS source,
 * or asking it to publish the city configuration to the lake's city_config table.
 */
import { z } from 'zod';
import { DATASET_NAMES } from '../schemas/dataset-spec.ts';
import { parseEvent } from './parse-event.ts';
import { S3EventSchema } from './s3-event.ts';

export const IngestObjectEventSchema = z.strictObject({
  dataset: z.enum(DATASET_NAMES),
  /** Key of the source object. */
  key: z.string().min(1),
  /** @default the lake bucket */
  bucket: z.string().min(3).optional(),
});

export const IngestUrlEventSchema = z.strictObject({
  dataset: z.enum(DATASET_NAMES),
  url: z.string().startsWith('https://', 'expected an https:// URL'),
});

export const PublishCityConfigEventSchema = z.strictObject({ publish: z.literal('city_config') });

export type IngestEvent =
  | { readonly kind: 's3-event'; readonly event: z.infer<typeof S3EventSchema> }
  | { readonly kind: 'object'; readonly event: z.infer<typeof IngestObjectEventSchema> }
  | { readonly kind: 'url'; readonly event: z.infer<typeof IngestUrlEventSchema> }
  | { readonly kind: 'city-config'; readonly event: z.infer<typeof PublishCityConfigEventSchema> };

export const INGEST_EVENT_FORMS =
  'an S3 event, { "dataset", "key", "bucket"? }, { "dataset", "url": "https://…" } or { "publish": "city_config" }';

/** Chooses the form by its distinctive field first, so a bad event gets that form's specific errors. */
export function parseIngestEvent(event: unknown): IngestEvent {
  const has = (field: string) => typeof event === 'object' && event !== null && field in event;
  const parse = <S extends z.ZodType>(schema: S) => parseEvent(schema, event, 'ingest', INGEST_EVENT_FORMS);
  if (has('Records')) return { kind: 's3-event', event: parse(S3EventSchema) };
  if (has('url')) return { kind: 'url', event: parse(IngestUrlEventSchema) };
  if (has('publish')) return { kind: 'city-config', event: parse(PublishCityConfigEventSchema) };
  return { kind: 'object', event: parse(IngestObjectEventSchema) };
}
