/**
 * What the `report` function accepts. The monthly run calls it in three phases (docs/aws.md
 * "Ranks"): `assemble` one city's report.json into a run-scoped staging key and return its
 * headline figures; `publish` it with its ranks among every city's headlines (passed in the
 * event), rendered, published and delivered; then `index` writes the month's index files. An
 * event without `phase` (an operator's single invocation) assembles, ranks against the reports of
 * the month already published for the other configured cities, and publishes in one go.
 */
import { z } from 'zod';
import { INDICATOR_IDS } from '../reports/indicators.ts';
import { NullReasonSchema } from '../reports/null-reasons.ts';

const CityCodeSchema = z.string().regex(/^\d{6}$/, 'expected a six-digit city code such as "440300"');
const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month YYYY-MM');
/** A Step Functions execution name (1–80 characters of letters, digits, - and _). */
const RunIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'expected the execution name');

const HeadlineFigureSchema = z.union([z.strictObject({ value: z.number() }), z.strictObject({ value: z.null(), null_reason: NullReasonSchema })]);
/** One city's headline figures, as the assemble phase returns them (peers/peer-headlines.ts). */
export const AssembledCitySchema = z.strictObject({
  city: CityCodeSchema,
  period: MonthSchema,
  /** Where the assembled report.json waits (under reports/.ipstats-staging/). */
  stagedKey: z.string().startsWith('reports/.ipstats-staging/'),
  headlines: z.strictObject(Object.fromEntries(INDICATOR_IDS.map((id) => [id, HeadlineFigureSchema])) as Record<(typeof INDICATOR_IDS)[number], typeof HeadlineFigureSchema>),
});
export type AssembledCity = z.infer<typeof AssembledCitySchema>;

export const SingleReportEventSchema = z.strictObject({
  /** City-level GB/T 2260 code of a configured city. */
  cityCode: CityCodeSchema,
  /** @default the latest month every flow source has reported */
  period: MonthSchema.nullable().optional(),
});

const PHASE_SCHEMAS = {
  assemble: SingleReportEventSchema.extend({ phase: z.literal('assemble'), runId: RunIdSchema }),
  publish: z.strictObject({ phase: z.literal('publish'), cityCode: CityCodeSchema, peers: z.array(AssembledCitySchema).min(1) }),
  index: z.strictObject({ phase: z.literal('index'), peers: z.array(AssembledCitySchema).min(1) }),
};
export type SingleReportEvent = z.infer<typeof SingleReportEventSchema>;
export type ReportEvent = SingleReportEvent | { [P in keyof typeof PHASE_SCHEMAS]: z.infer<(typeof PHASE_SCHEMAS)[P]> }[keyof typeof PHASE_SCHEMAS];

/** The schema an event is parsed with: its phase's (an unknown phase is refused by the single form, strict), else the single form's — so errors name the fields, not a union. */
export function reportEventSchemaFor(event: unknown): z.ZodType<ReportEvent> {
  const phase = (event as { phase?: unknown } | null)?.phase;
  return typeof phase === 'string' && phase in PHASE_SCHEMAS ? PHASE_SCHEMAS[phase as keyof typeof PHASE_SCHEMAS] : SingleReportEventSchema;
}

export const REPORT_EVENT_FORM =
  '{ "cityCode": "440300", "period"?: "2025-06" | null } (one city), or a phase of the monthly run: { "phase": "assemble", "cityCode", "period"?, "runId" }, { "phase": "publish", "cityCode", "peers": [assembled] }, { "phase": "index", "peers": [assembled] }';
