/**
 * The Lambda functions' configuration: environment variables set by the CDK stack, validated
 * once at cold start so a misconfigured function fails on its first invocation with every
 * problem named, not halfway through a file. docs/aws-runtime.md lists them.
 */
import { z } from 'zod';

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const bucketName = z.string().regex(BUCKET_NAME, 'expected an S3 bucket name (3-63 lowercase letters, digits, "." or "-")');
/** '' or a folder inside the bucket, without leading or trailing "/". */
const keyPrefix = z
  .string()
  .regex(/^(?:[^/]+(?:\/[^/]+)*)?$/, 'expected a folder like "lake" or "ipstats/lake", without leading or trailing "/"')
  .default('');
const s3ObjectUrl = z.string().regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/.+[^/]$/, 'expected s3://bucket/key of one object');
const positiveInteger = z.coerce.number().int().positive();

/** Where the lake is. Without LAKE_BUCKET, the bucket an S3 event came from (the inbox lives in the lake). */
export const LakeEnvSchema = z.object({
  LAKE_BUCKET: bucketName.optional(),
  LAKE_PREFIX: keyPrefix,
});

export const AthenaEnvSchema = z.object({
  ATHENA_WORKGROUP: z.string().min(1, 'expected the Athena workgroup name'),
  ATHENA_DATABASE: z.string().min(1, 'expected the Glue database name'),
});

export const IngestEnvSchema = LakeEnvSchema.extend({
  /** The city configuration (JSON or YAML), published to the lake's city_config table on request. */
  CITY_CONFIG_URL: s3ObjectUrl.optional(),
  /** Largest HTTPS source downloaded. @default 2 GiB (Lambda's /tmp holds up to 10 GiB) */
  MAX_SOURCE_BYTES: positiveInteger.default(2 * 1024 ** 3),
  /** Time allowed for an HTTPS download. @default 600000 (10 min) */
  SOURCE_DOWNLOAD_TIMEOUT_MS: positiveInteger.default(600_000),
});

export const RefreshViewsEnvSchema = AthenaEnvSchema.extend({
  /** Folder holding sql/{staging,intermediate,marts}; the stack ships it beside the bundle. */
  IPSTATS_SQL_DIR: z.string().min(1).optional(),
});

export const ReportEnvSchema = AthenaEnvSchema.extend(LakeEnvSchema.shape).extend({
  LAKE_BUCKET: bucketName,
  CITY_CONFIG_URL: s3ObjectUrl,
  /** Bucket for reports/city=…/period=…/report.json. @default LAKE_BUCKET */
  REPORTS_BUCKET: bucketName.optional(),
  REPORTS_PREFIX: keyPrefix,
});

export const RangeIngestEnvSchema = LakeEnvSchema.extend({
  LAKE_BUCKET: bucketName,
  /** Target size of one byte range: what one Lambda ingests well within its 15 minutes. @default 256 MiB */
  RANGE_BYTES: positiveInteger.default(256 * 1024 ** 2),
});

export type IngestEnv = z.infer<typeof IngestEnvSchema>;
export type RefreshViewsEnv = z.infer<typeof RefreshViewsEnvSchema>;
export type ReportEnv = z.infer<typeof ReportEnvSchema>;
export type RangeIngestEnv = z.infer<typeof RangeIngestEnvSchema>;

/** A function whose environment is wrong: every bad or missing variable, with the value seen. */
export class RuntimeConfigError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'RuntimeConfigError';
  }
}

export function parseRuntimeEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv, functionName: string): z.infer<S> {
  // An empty variable is an unset one (CDK and consoles write '' for "no value").
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(given);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '(environment)');
    const value = given[name];
    return `${name}: ${value === undefined ? 'is required' : `${issue.message} (got ${JSON.stringify(value)})`}`;
  });
  throw new RuntimeConfigError(`the ${functionName} function is misconfigured: ${problems.join('; ')}`, { cause: result.error });
}

/** `s3://bucket/prefix` of the lake, for openObjectStore. */
export function lakeUrl(bucket: string, prefix: string): string {
  return prefix === '' ? `s3://${bucket}` : `s3://${bucket}/${prefix}`;
}
