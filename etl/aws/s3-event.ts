/**
 * S3 event notifications (ObjectCreated:*): every record, not only the first, with the object
 * key URL-decoded. S3 encodes keys in events like an HTML form: `%E4%B8%8A` for 上, `+` for a
 * space, so `inbox/patents/2025 上半年.csv` arrives as `inbox/patents/2025+%E4%B8%8A%E5%8D%8A%E5%B9%B4.csv`.
 */
import { z } from 'zod';

export const S3EventRecordSchema = z.object({
  eventName: z.string(),
  s3: z.object({
    bucket: z.object({ name: z.string().min(1) }),
    object: z.object({ key: z.string().min(1), size: z.number().int().nonnegative().optional(), eTag: z.string().optional() }),
  }),
});

export const S3EventSchema = z.object({ Records: z.array(S3EventRecordSchema).min(1) });
export type S3Event = z.infer<typeof S3EventSchema>;

export interface S3ObjectRef {
  readonly bucket: string;
  readonly key: string;
  readonly size?: number;
  readonly eTag?: string;
}

export function decodeS3EventKey(encoded: string): string {
  try {
    return decodeURIComponent(encoded.replaceAll('+', ' '));
  } catch (error) {
    throw new Error(`S3 event key ${JSON.stringify(encoded)} is not valid URL encoding`, { cause: error });
  }
}

/** The created objects of an event, in record order; other event kinds (deletes, test events) are left out. */
export function createdObjects(event: S3Event): S3ObjectRef[] {
  return event.Records.filter((record) => record.eventName.startsWith('ObjectCreated:')).map((record) => ({
    bucket: record.s3.bucket.name,
    key: decodeS3EventKey(record.s3.object.key),
    ...(record.s3.object.size === undefined ? {} : { size: record.s3.object.size }),
    ...(record.s3.object.eTag === undefined ? {} : { eTag: record.s3.object.eTag }),
  }));
}
