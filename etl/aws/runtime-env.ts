/**
 * The Lambda functions' configuration: environment variables set by the CDK stack
 * (infra/stacks/pipeline-stack.ts), validated once at cold start so a misconfigured function
 * fails on its first invocation with every problem named, not halfway through a file.
 * docs/aws-runtime.md lists them. The lake is the lake bucket's root (docs/lake.md's keys).
 */
import { z } from 'zod';

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const bucketName = z.string().regex(BUCKET_NAME, 'expected an S3 bucket name (3-63 lowercase letters, digits, "." or "-")');
const objectKey = z.string().regex(/^[^/].*[^/]$/, 'expected an object key such as "config/cities.json"');
const folderPrefix = z.string().regex(/^[^/]+(\/[^/]+)*\/$/, 'expected a folder prefix such as "work/"');
const positiveInteger = z.coerce.number().int().positive();

const LakeEnv = z.object({ IPSTATS_LAKE_BUCKET: bucketName });
/** Key of the city configuration (JSON or YAML) in the lake bucket. */
const CityConfigEnv = z.object({ IPSTATS_CITY_CONFIG_KEY: objectKey.default('config/cities.json') });
const AthenaEnv = z.object({
  IPSTATS_ATHENA_WORKGROUP: z.string().min(1, 'expected the Athena workgroup name'),
  IPSTATS_ATHENA_DATABASE: z.string().min(1, 'expected the Glue database name'),
});

export const IngestEnvSchema = LakeEnv.extend(CityConfigEnv.shape).extend({
  /** Largest HTTPS source downloaded. @default 2 GiB (Lambda's /tmp holds up to 10 GiB) */
  IPSTATS_MAX_SOURCE_BYTES: positiveInteger.default(2 * 1024 ** 3),
  /** Time allowed for an HTTPS download, in ms. @default 600000 (10 min) */
  IPSTATS_SOURCE_DOWNLOAD_TIMEOUT_MS: positiveInteger.default(600_000),
  /** Inbox objects of at least this many bytes go to the large-source state machine. @default 512 MiB */
  IPSTATS_LARGE_SOURCE_BYTES: positiveInteger.default(512 * 1024 ** 2),
  /** The split → ranges → merge state machine; without it every file is ingested in this function. */
  IPSTATS_LARGE_SOURCE_STATE_MACHINE_ARN: z.string().startsWith('arn:').optional(),
});

export const RefreshViewsEnvSchema = AthenaEnv.extend({
  /** Folder holding sql/{staging,intermediate,marts}; the stack ships it beside the bundle. @default the repository's sql/ */
  IPSTATS_SQL_DIR: z.string().min(1).optional(),
});

export const ReportEnvSchema = AthenaEnv.extend(LakeEnv.shape).extend(CityConfigEnv.shape).extend({
  /** Bucket for reports/city=…/period=…/report.json. @default IPSTATS_LAKE_BUCKET */
  IPSTATS_REPORTS_BUCKET: bucketName.optional(),
  /** JSON object city code → SNS topic ARN of its notifications; a city without one gets none (city-topics.ts). */
  IPSTATS_CITY_TOPIC_ARNS: z.string().optional(),
  /** Secrets Manager secret holding the link signer's access key; without it links are signed by the role and expire early. */
  IPSTATS_LINK_SIGNER_SECRET_ARN: z.string().startsWith('arn:', 'expected a Secrets Manager secret ARN').optional(),
});

export const RangeIngestEnvSchema = LakeEnv.extend({
  /** Where split → range → merge keep their partial results (expired by a lifecycle rule). @default 'work/' */
  IPSTATS_WORK_PREFIX: folderPrefix.default('work/'),
  /** Target size of one byte range: what one Lambda ingests well within its 15 minutes. @default 128 MiB */
  IPSTATS_RANGE_BYTES: positiveInteger.default(128 * 1024 ** 2),
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

export function bucketUrl(bucket: string): string {
  return `s3://${bucket}`;
}
