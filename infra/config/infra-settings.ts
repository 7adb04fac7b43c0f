/**
 * The deployable settings of the CDK app, read from `cdk.json` context (or `-c key=value`).
 * Every key, its default and its range is documented in docs/aws.md; a bad value fails the
 * synth with the key, the value and what was expected.
 */
import { z } from 'zod';
import { cityLevelProblem } from '../../etl/config/city-code-rule.ts';

const GIB = 1024 ** 3;

/** Athena's own floor for a workgroup's per-query cutoff is 10 MB. */
export const MIN_BYTES_SCANNED_CUTOFF = 10_000_000;

const cityCode = z.string().superRefine((code, context) => {
  const problem = cityLevelProblem(code);
  if (problem !== null) context.addIssue({ code: 'custom', message: problem });
});

const settingsSchema = z.object({
  'ipstats:stackPrefix': z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'must be letters and digits, starting with a letter').default('Ipstats'),
  'ipstats:lakeRetainOnDelete': z.boolean().default(true),
  'ipstats:cityConfigKey': z.string().regex(/^[^/].*\.json$/, 'must be a key in the lake bucket ending in .json, without a leading slash').default('config/cities.json'),
  'ipstats:monthlyRunDayOfMonth': z.number().int().min(1).max(28).default(5),
  'ipstats:monthlyRunHour': z.number().int().min(0).max(23).default(6),
  'ipstats:dailyIngestionHour': z.number().int().min(0).max(23).default(2),
  'ipstats:athenaBytesScannedCutoffPerQuery': z.number().int().min(MIN_BYTES_SCANNED_CUTOFF).default(10 * GIB),
  'ipstats:rejectRateThreshold': z.number().min(0).max(1).default(0.05),
  'ipstats:largeSourceBytes': z.number().int().min(1).default(512 * 1024 * 1024),
  // A range is parsed by one ingest-range invocation: its 4 GiB /tmp and 10 minutes bound it.
  'ipstats:rangeBytes': z.number().int().min(1024 * 1024).max(1024 * 1024 * 1024).default(128 * 1024 * 1024),
  'ipstats:athenaResultsExpireDays': z.number().int().min(1).default(30),
  'ipstats:noncurrentVersionsExpireDays': z.number().int().min(1).default(90),
  'ipstats:accessLogsExpireDays': z.number().int().min(1).default(365),
  'ipstats:cities': z.array(cityCode).refine((codes) => new Set(codes).size === codes.length, 'city codes must be unique').default([]),
  'ipstats:cityTrustedAccounts': z.record(z.string(), z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id')).default({}),
  // The construct checks order and count (IAM allows two keys per user).
  'ipstats:linkSignerKeySerials': z.array(z.number().int().positive('must be positive whole numbers')).min(1, 'must name at least one key').default([1]),
});

export interface InfraSettings {
  /** Prefix of every stack name. @default 'Ipstats' */
  readonly stackPrefix: string;
  /** Keep buckets and the key when stacks are deleted. @default true */
  readonly retainOnDelete: boolean;
  /** Key of the city configuration (cities.json) in the lake bucket. @default 'config/cities.json' */
  readonly cityConfigKey: string;
  /** Day of the month (1–28, Asia/Shanghai) of the monthly run. @default 5 */
  readonly monthlyRunDayOfMonth: number;
  /** Hour (Asia/Shanghai) of the monthly run. @default 6 */
  readonly monthlyRunHour: number;
  /** Hour (Asia/Shanghai) of the daily ingestion of pending sources. @default 2 */
  readonly dailyIngestionHour: number;
  /** Athena workgroup cutoff: bytes one query may scan. @default 10 GiB */
  readonly athenaBytesScannedCutoffPerQuery: number;
  /** Share of rejected rows (0–1) in a source file above which the monthly run stops. @default 0.05 */
  readonly rejectRateThreshold: number;
  /** Source files at least this large are split into byte ranges (Distributed Map). @default 512 MiB */
  readonly largeSourceBytes: number;
  /** Target size of one byte range of a large source (one ingest-range invocation each). @default 128 MiB */
  readonly rangeBytes: number;
  /** @default 30 */
  readonly athenaResultsExpireDays: number;
  /** @default 90 */
  readonly noncurrentVersionsExpireDays: number;
  /** @default 365 */
  readonly accessLogsExpireDays: number;
  /** Cities that get a report topic and a read role scoped to `reports/city=<code>/`. @default [] */
  readonly cities: readonly string[];
  /** Optional other AWS account (by city code) allowed to assume that city's role. @default {} (this account) */
  readonly cityTrustedAccounts: Readonly<Record<string, string>>;
  /**
   * Access keys of the report-link signer, by serial: `[1]` → `[1, 2]` adds a new key (the
   * secret switches to it), `[2]` a week later deletes the old one (docs/aws.md). @default [1]
   */
  readonly linkSignerKeySerials: readonly number[];
}

/** Context key → setting name. */
const KEYS = {
  'ipstats:stackPrefix': 'stackPrefix',
  'ipstats:lakeRetainOnDelete': 'retainOnDelete',
  'ipstats:cityConfigKey': 'cityConfigKey',
  'ipstats:monthlyRunDayOfMonth': 'monthlyRunDayOfMonth',
  'ipstats:monthlyRunHour': 'monthlyRunHour',
  'ipstats:dailyIngestionHour': 'dailyIngestionHour',
  'ipstats:athenaBytesScannedCutoffPerQuery': 'athenaBytesScannedCutoffPerQuery',
  'ipstats:rejectRateThreshold': 'rejectRateThreshold',
  'ipstats:largeSourceBytes': 'largeSourceBytes',
  'ipstats:rangeBytes': 'rangeBytes',
  'ipstats:athenaResultsExpireDays': 'athenaResultsExpireDays',
  'ipstats:noncurrentVersionsExpireDays': 'noncurrentVersionsExpireDays',
  'ipstats:accessLogsExpireDays': 'accessLogsExpireDays',
  'ipstats:cities': 'cities',
  'ipstats:cityTrustedAccounts': 'cityTrustedAccounts',
  'ipstats:linkSignerKeySerials': 'linkSignerKeySerials',
} as const satisfies Record<keyof z.input<typeof settingsSchema>, keyof InfraSettings>;

export const SETTINGS_CONTEXT_KEYS = Object.keys(KEYS) as (keyof typeof KEYS)[];

/**
 * Parses context values. `-c key=value` on the command line arrives as a string, so numbers,
 * booleans and JSON arrays/objects given that way are decoded first.
 */
export function parseInfraSettings(context: Readonly<Record<string, unknown>>): InfraSettings {
  const input: Record<string, unknown> = {};
  for (const key of SETTINGS_CONTEXT_KEYS) {
    const value = context[key];
    if (value !== undefined) input[key] = decodeCommandLineValue(value);
  }
  const parsed = settingsSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0]);
      const shown = JSON.stringify(input[key]);
      const where = issue.path.length > 1 ? `${key}[${issue.path.slice(1).join('][')}]` : key;
      return `${where} = ${shown}: ${issue.message}`;
    });
    throw new Error(`invalid cdk.json context: ${problems.join('; ')}`, { cause: parsed.error });
  }
  const settings = Object.fromEntries(Object.entries(parsed.data).map(([key, value]) => [KEYS[key as keyof typeof KEYS], value]));
  const unknownTrusted = Object.keys(parsed.data['ipstats:cityTrustedAccounts']).filter((code) => !parsed.data['ipstats:cities'].includes(code));
  if (unknownTrusted.length > 0) {
    throw new Error(`invalid cdk.json context: ipstats:cityTrustedAccounts names ${unknownTrusted.join(', ')}, which ipstats:cities does not list`);
  }
  return settings as unknown as InfraSettings;
}

function decodeCommandLineValue(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (trimmed === 'true' || trimmed === 'false' || /^-?\d+(\.\d+)?$/.test(trimmed) || /^[[{]/.test(trimmed)) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}
