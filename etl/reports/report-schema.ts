/**
 * The whole report.json (REPORT-CONTRACT.md), schema_version 1. Every report is validated
 * against it before it is written, so a report on disk always keeps the contract: every
 * indicator present, money to the fen, counts whole, ratios to 6 decimals, null (never 0) for
 * what cannot be computed. Objects are strict: extensions (such as the transfer `breakdown`)
 * are declared here, so a misspelt field in our own code fails instead of shipping.
 */
import { z } from 'zod';
import { INDICATORS, INDICATOR_IDS, type IndicatorId } from './indicators.ts';
import { INDICATOR_STATUSES } from './indicator-status.ts';
import { MonthlyTrendSchema } from './monthly-trend.ts';

export const REPORT_SCHEMA_VERSION = 1;

const hasAtMostDecimals = (decimals: number) => (value: number) => Number(value.toFixed(decimals)) === value;

/** Yuan, rounded to the fen. */
export const MoneySchema = z.number().refine(hasAtMostDecimals(2), { error: 'money must be rounded to 2 decimals' });
export const CountSchema = z.number().int().min(0);
/** A fraction (0.2 = 20 %), rounded to 6 decimals. */
export const RatioSchema = z.number().refine(hasAtMostDecimals(6), { error: 'a ratio must be rounded to 6 decimals' });
const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'expected a month YYYY-MM' });
const YearKeySchema = z.string().regex(/^\d{4}$/, { error: 'expected a year YYYY' });

export const TargetSchema = z.strictObject({ kind: z.enum(['growth', 'cumulative']), value: z.number().min(0) });

function indicatorSchema<V extends z.ZodType<number>>(unit: 'count' | 'cny', value: V) {
  return z.strictObject({
    unit: z.literal(unit),
    month: value.nullable(),
    ytd: value.nullable(),
    ytd_prev: value.nullable(),
    yoy_growth: RatioSchema.nullable(),
    annual: z.record(YearKeySchema, value.nullable()),
    cagr_since_base: RatioSchema.nullable(),
    cumulative: value.nullable(),
    target: TargetSchema,
    status: z.enum(INDICATOR_STATUSES),
  });
}

export const CountIndicatorSchema = indicatorSchema('count', CountSchema);
export const MoneyIndicatorSchema = indicatorSchema('cny', MoneySchema);

const FlowCountsSchema = z.strictObject({ local: CountSchema, inflow: CountSchema, outflow: CountSchema });
/** Extension: the transfers and licences of the month and of the year to date, by direction. */
export const TransferBreakdownSchema = z.strictObject({ month: FlowCountsSchema.nullable(), ytd: FlowCountsSchema.nullable() });

const TransferIndicatorSchema = CountIndicatorSchema.extend({ breakdown: TransferBreakdownSchema });

const indicatorShape = Object.fromEntries(
  INDICATOR_IDS.map((id) => [
    id,
    id === 'ip_transfer_licence_count' ? TransferIndicatorSchema : INDICATORS[id].unit === 'cny' ? MoneyIndicatorSchema : CountIndicatorSchema,
  ]),
) as {
  ip_transfer_licence_count: typeof TransferIndicatorSchema;
} & Record<Exclude<IndicatorId, 'ip_transfer_licence_count'>, typeof CountIndicatorSchema | typeof MoneyIndicatorSchema>;

export const PATENT_INTENSIVE_CATEGORIES = ['01', '02', '03', '04', '05', '06', '07'] as const;

const CategoryMoneySchema = z.strictObject(
  Object.fromEntries(PATENT_INTENSIVE_CATEGORIES.map((code) => [code, MoneySchema.nullable()])) as Record<
    (typeof PATENT_INTENSIVE_CATEGORIES)[number],
    z.ZodNullable<typeof MoneySchema>
  >,
);
const CategoryRatioSchema = z.strictObject(
  Object.fromEntries(PATENT_INTENSIVE_CATEGORIES.map((code) => [code, RatioSchema.nullable()])) as Record<
    (typeof PATENT_INTENSIVE_CATEGORIES)[number],
    z.ZodNullable<typeof RatioSchema>
  >,
);
const CategoryCodeSchema = z.enum(PATENT_INTENSIVE_CATEGORIES);
const IndustryCodeSchema = z.string().regex(/^\d{4}$/);

/** Extension: the enterprise method's figures for the section's year (also when it is not the headline). */
export const EnterpriseMethodSchema = z.strictObject({
  value_added_cny: MoneySchema,
  by_category: CategoryMoneySchema,
  counted_enterprises: CountSchema,
  /** Counted enterprises valued by the production approach because income components were absent. */
  production_approach_enterprises: CountSchema,
});

/** Extension: the industry method's figures, with how every partial class was weighted or why it was left out. */
export const IndustryMethodSchema = z.strictObject({
  value_added_cny: MoneySchema,
  by_category: CategoryMoneySchema,
  partial_classes: z.array(
    z.strictObject({
      industry_code: IndustryCodeSchema,
      category_code: CategoryCodeSchema,
      industry_value_added_cny: MoneySchema,
      share: RatioSchema,
      share_source: z.enum(['configured', 'derived']),
      value_added_cny: MoneySchema,
    }),
  ),
  excluded_partial_classes: z.array(
    z.strictObject({
      industry_code: IndustryCodeSchema,
      category_code: CategoryCodeSchema,
      industry_value_added_cny: MoneySchema,
      reason: z.string().min(1),
    }),
  ),
});

/** Extension: the national figures (NBS/CNIPA bulletin) beside the city's. */
export const NationalPatentIntensiveSchema = z.strictObject({
  year: z.number().int(),
  value_added_cny: MoneySchema,
  share_of_gdp: RatioSchema.nullable(),
  category_mix: CategoryRatioSchema,
  source: z.string(),
});

export const PatentIntensiveSchema = z.strictObject({
  year: z.number().int().nullable(),
  method: z.enum(['enterprise', 'industry']).nullable(),
  value_added_cny: MoneySchema.nullable(),
  share_of_gdp: RatioSchema.nullable(),
  growth: RatioSchema.nullable(),
  by_category: CategoryMoneySchema,
  // Extensions (docs/patent-intensive.md).
  classification_version: z.string().min(1).nullable(),
  classification_is_demonstration: z.boolean().nullable(),
  gdp_cny: MoneySchema.nullable(),
  base_year: z.number().int(),
  cagr_since_base: RatioSchema.nullable(),
  category_mix: CategoryRatioSchema,
  enterprise_method: EnterpriseMethodSchema.nullable(),
  industry_method: IndustryMethodSchema.nullable(),
  /** Enterprise method − industry method, when both exist for the year. */
  difference_cny: MoneySchema.nullable(),
  national: NationalPatentIntensiveSchema.nullable(),
  /** Why there is no figure, or what the reader must know (a demonstration classification). */
  notes: z.array(z.string()),
});

export const GiProductSchema = z.strictObject({
  gi_id: z.string().min(1),
  name: z.string(),
  /** Extension: whether the product is under the GI promotion project. */
  in_promotion_project: z.boolean(),
  ytd_cny: MoneySchema,
  /** Distinct authorised users (by USCC) reporting marked output in the year to date. */
  users: CountSchema,
});

export const GiOutputSchema = z.strictObject({
  year: z.number().int(),
  ytd_promotion_project_cny: MoneySchema.nullable(),
  ytd_all_cny: MoneySchema.nullable(),
  by_product: z.array(GiProductSchema),
});

const DatasetQualitySchema = z.strictObject({
  rows_read: CountSchema,
  rows_rejected: CountSchema,
  latest_period: MonthSchema.nullable(),
});

export const DataQualitySchema = z.strictObject({
  rows_read: CountSchema,
  rows_rejected: CountSchema,
  by_dataset: z.record(z.string(), DatasetQualitySchema),
});

export const ReportSchema = z.strictObject({
  schema_version: z.literal(REPORT_SCHEMA_VERSION),
  city: z.strictObject({ code: z.string().regex(/^\d{6}$/), name: z.string().min(1) }),
  period: MonthSchema,
  generated_at: z.iso.datetime({ offset: true }),
  classification_version: z.string().min(1).nullable(),
  /** Extension: true when classification_version is a demonstration table (its name starts with "demo"). */
  classification_is_demonstration: z.boolean().nullable(),
  indicators: z.strictObject(indicatorShape),
  patent_intensive: PatentIntensiveSchema,
  gi_output: GiOutputSchema,
  data_quality: DataQualitySchema,
  /** Extension: monthly values of the last 24 months, for the charts of report.html (monthly-trend.ts). */
  monthly_trend: MonthlyTrendSchema,
});

export type Report = z.infer<typeof ReportSchema>;
export type TransferBreakdown = z.infer<typeof TransferBreakdownSchema>;
export type GiOutputSection = z.infer<typeof GiOutputSchema>;
export type DataQualitySection = z.infer<typeof DataQualitySchema>;
export type PatentIntensiveSection = z.infer<typeof PatentIntensiveSchema>;

export class ReportValidationError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ReportValidationError';
  }
}

/** Validates a report before it is written; the error lists every broken field with its path. */
export function validateReport(report: unknown): Report {
  const result = ReportSchema.safeParse(report);
  if (result.success) return result.data;
  const where = (report as { city?: { code?: unknown }; period?: unknown } | null) ?? {};
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new ReportValidationError(
    `report of city ${String(where.city?.code)} period ${String(where.period)} breaks the report contract: ${problems.join('; ')}`,
    { cause: result.error },
  );
}

/** The bytes of report.json: validated, 2-space indented, ending with a newline (deterministic). */
export function reportJsonText(report: Report): string {
  return `${JSON.stringify(validateReport(report), null, 2)}\n`;
}
