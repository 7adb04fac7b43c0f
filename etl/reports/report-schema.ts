/**
 * The whole report.json (docs/report-contract.md), schema_version 1. Every report is validated
 * against it before it is written, so a report on disk always keeps the contract: every
 * indicator present, money to the fen, counts whole, ratios to 6 decimals, null (never 0) for
 * what cannot be computed. Objects are strict: extensions (such as the transfer `breakdown`)
 * are declared here, so a misspelt field in our own code fails instead of shipping.
 *
 * The `.meta()` descriptions and ids only shape docs/report.schema.json (report-json-schema.ts):
 * an id makes a shared schema one named entry of its `$defs`. They change no validation.
 */
import { z } from 'zod';
import { INDICATORS, INDICATOR_IDS, type IndicatorId } from './indicators.ts';
import { INDICATOR_STATUSES } from './indicator-status.ts';
import { MonthlyTrendSchema } from './monthly-trend.ts';
import { NullReasonSchema } from './null-reasons.ts';
import { COVERAGE_BASES } from './coverage.ts';
import { DATASET_NAMES } from '../schemas/dataset-spec.ts';
import { SelfEvaluationSchema } from './self-evaluation-schema.ts';
import { PeerRanksSchema } from './peers/peer-ranks-schema.ts';

export const REPORT_SCHEMA_VERSION = 1;

const hasAtMostDecimals = (decimals: number) => (value: number) => Number(value.toFixed(decimals)) === value;

/** Yuan, rounded to the fen. */
export const MoneySchema = z
  .number()
  .refine(hasAtMostDecimals(2), { error: 'money must be rounded to 2 decimals' })
  .meta({ id: 'money_cny', description: 'Yuan (元), rounded to the fen: at most 2 decimals.' });
export const CountSchema = z.number().int().min(0).meta({ id: 'count', description: 'A whole number of items (件, 项, 家, 个…), never negative.' });
/** A fraction (0.2 = 20 %), rounded to 6 decimals. */
export const RatioSchema = z
  .number()
  .refine(hasAtMostDecimals(6), { error: 'a ratio must be rounded to 6 decimals' })
  .meta({ id: 'ratio', description: 'A fraction (0.2 = 20 %), at most 6 decimals; a growth rate is negative for a decline.' });
const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'expected a month YYYY-MM' }).meta({ id: 'month', description: 'A calendar month, YYYY-MM.' });
const YearKeySchema = z.string().regex(/^\d{4}$/, { error: 'expected a year YYYY' });

export const TargetSchema = z
  .strictObject({ kind: z.enum(['growth', 'cumulative']), value: z.number().min(0) })
  .meta({ description: "The programme target. growth: a yearly growth rate as a fraction (0 = any growth); cumulative: the level, in the indicator's unit, to reach by the end of the programme." });

/** Why each null figure of an indicator is null (docs/indicators.md "Why a figure is null"); only null figures have an entry. */
export const IndicatorNullReasonsSchema = z.strictObject({
  month: NullReasonSchema.optional(),
  month_yoy_growth: NullReasonSchema.optional(),
  ytd: NullReasonSchema.optional(),
  ytd_prev: NullReasonSchema.optional(),
  yoy_growth: NullReasonSchema.optional(),
  cagr_since_base: NullReasonSchema.optional(),
  cumulative: NullReasonSchema.optional(),
  annual: z.record(YearKeySchema, NullReasonSchema).optional(),
  /** Why the status is no_data. */
  status: NullReasonSchema.optional(),
});

/** The figures of an indicator, for the descriptions of docs/report.schema.json. */
const INDICATOR_FIGURES = 'month: the report month alone; month_yoy_growth: month / the same month a year earlier − 1; ytd: January to the report month; ytd_prev: the same months a year earlier; yoy_growth: ytd / ytd_prev − 1; annual: complete calendar years, by year; cagr_since_base: yearly growth from the base year to the latest complete year; cumulative: since the programme start, for cumulative indicators. A figure that cannot be computed is null (never 0), and null_reasons gives its reason (status: why it is no_data).';

const FIGURE_FIELDS = ['month', 'month_yoy_growth', 'ytd', 'ytd_prev', 'yoy_growth', 'cagr_since_base', 'cumulative'] as const;

/** A reason for every null and a null for every reason: the report says why each cell is empty. */
function checkNullReasons(
  // month_yoy_growth is absent (undefined) only in a report published before it existed: nothing to check then.
  indicator: { readonly [K in (typeof FIGURE_FIELDS)[number]]?: number | null } & {
    readonly annual: Readonly<Record<string, number | null>>;
    readonly status: string;
    readonly null_reasons: z.infer<typeof IndicatorNullReasonsSchema>;
  },
  context: z.core.$RefinementCtx,
): void {
  const reasons = indicator.null_reasons;
  for (const field of FIGURE_FIELDS) {
    if (indicator[field] === undefined) continue;
    if ((indicator[field] === null) !== (reasons[field] !== undefined)) {
      context.addIssue({ code: 'custom', path: ['null_reasons', field], message: `${field} is ${indicator[field] === null ? 'null without a reason' : 'not null but has a reason'}` });
    }
  }
  const annualReasons = reasons.annual ?? {};
  for (const [year, value] of Object.entries(indicator.annual)) {
    if ((value === null) !== (annualReasons[year] !== undefined)) {
      context.addIssue({ code: 'custom', path: ['null_reasons', 'annual', year], message: `annual ${year} is ${value === null ? 'null without a reason' : 'not null but has a reason'}` });
    }
  }
  for (const year of Object.keys(annualReasons)) {
    if (!(year in indicator.annual)) context.addIssue({ code: 'custom', path: ['null_reasons', 'annual', year], message: `a reason for annual ${year}, which the indicator does not list` });
  }
  if ((indicator.status === 'no_data') !== (reasons.status !== undefined)) {
    context.addIssue({ code: 'custom', path: ['null_reasons', 'status'], message: 'a no_data status needs a reason, and only a no_data status has one' });
  }
}

function indicatorSchema<V extends z.ZodType<number>>(unit: 'count' | 'cny', value: V) {
  return z.strictObject({
    unit: z.literal(unit),
    month: value.nullable(),
    /** 本月同比: month ÷ the same month a year earlier − 1. */
    month_yoy_growth: RatioSchema.nullable(),
    ytd: value.nullable(),
    ytd_prev: value.nullable(),
    yoy_growth: RatioSchema.nullable(),
    annual: z.record(YearKeySchema, value.nullable()),
    cagr_since_base: RatioSchema.nullable(),
    cumulative: value.nullable(),
    target: TargetSchema,
    status: z.enum(INDICATOR_STATUSES),
    null_reasons: IndicatorNullReasonsSchema,
  });
}

export const CountIndicatorSchema = indicatorSchema('count', CountSchema);
export const MoneyIndicatorSchema = indicatorSchema('cny', MoneySchema);

const FlowCountsSchema = z.strictObject({ local: CountSchema, inflow: CountSchema, outflow: CountSchema });
/** Extension: the transfers and licences of the month and of the year to date, by direction. */
export const TransferBreakdownSchema = z.strictObject({ month: FlowCountsSchema.nullable(), ytd: FlowCountsSchema.nullable() });

const UncheckedTransferIndicatorSchema = CountIndicatorSchema.extend({ breakdown: TransferBreakdownSchema });
const TransferIndicatorSchema = UncheckedTransferIndicatorSchema.superRefine(checkNullReasons).meta({
  description: `A count indicator with the extension breakdown: local, inflow and outflow transfers and licences of the month and of the year to date. ${INDICATOR_FIGURES}`,
});
const CheckedCountIndicatorSchema = CountIndicatorSchema.superRefine(checkNullReasons).meta({ id: 'count_indicator', description: `An indicator counted in items (unit count). ${INDICATOR_FIGURES}` });
const CheckedMoneyIndicatorSchema = MoneyIndicatorSchema.superRefine(checkNullReasons).meta({ id: 'money_indicator', description: `An indicator in yuan (unit cny). ${INDICATOR_FIGURES}` });

const indicatorShape = Object.fromEntries(
  INDICATOR_IDS.map((id) => [
    id,
    id === 'ip_transfer_licence_count' ? TransferIndicatorSchema : INDICATORS[id].unit === 'cny' ? CheckedMoneyIndicatorSchema : CheckedCountIndicatorSchema,
  ]),
) as {
  ip_transfer_licence_count: typeof TransferIndicatorSchema;
} & Record<Exclude<IndicatorId, 'ip_transfer_licence_count'>, typeof CheckedCountIndicatorSchema | typeof CheckedMoneyIndicatorSchema>;

/** A published report.json of before `month_yoy_growth` existed has indicators without it. */
const publishedIndicatorShape = Object.fromEntries(
  INDICATOR_IDS.map((id) => {
    const unchecked = id === 'ip_transfer_licence_count' ? UncheckedTransferIndicatorSchema : INDICATORS[id].unit === 'cny' ? MoneyIndicatorSchema : CountIndicatorSchema;
    return [id, unchecked.extend({ month_yoy_growth: RatioSchema.nullable().optional() }).superRefine(checkNullReasons)];
  }),
) as unknown as { [K in keyof typeof indicatorShape]: z.ZodType<Omit<z.infer<(typeof indicatorShape)[K]>, 'month_yoy_growth'> & { month_yoy_growth?: number | null }> };

export const PATENT_INTENSIVE_CATEGORIES = ['01', '02', '03', '04', '05', '06', '07'] as const;

const CategoryMoneySchema = z.strictObject(
  Object.fromEntries(PATENT_INTENSIVE_CATEGORIES.map((code) => [code, MoneySchema.nullable()])) as Record<
    (typeof PATENT_INTENSIVE_CATEGORIES)[number],
    z.ZodNullable<typeof MoneySchema>
  >,
).meta({ id: 'money_by_category', description: 'Yuan by patent-intensive category 01–07; null where not computable.' });
const CategoryRatioSchema = z.strictObject(
  Object.fromEntries(PATENT_INTENSIVE_CATEGORIES.map((code) => [code, RatioSchema.nullable()])) as Record<
    (typeof PATENT_INTENSIVE_CATEGORIES)[number],
    z.ZodNullable<typeof RatioSchema>
  >,
).meta({ id: 'ratio_by_category', description: 'A fraction by patent-intensive category 01–07; null where not computable.' });
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
  /** Null for a year published as a share of GDP only (2024). */
  value_added_cny: MoneySchema.nullable(),
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
  /** Why a headline figure of the section is null (docs/indicators.md "Why a figure is null"). */
  null_reasons: z.strictObject({
    year: NullReasonSchema.optional(),
    method: NullReasonSchema.optional(),
    value_added_cny: NullReasonSchema.optional(),
    share_of_gdp: NullReasonSchema.optional(),
    growth: NullReasonSchema.optional(),
    cagr_since_base: NullReasonSchema.optional(),
  }),
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
  /** Why a total is null (the GI output does not cover January to the report month). */
  null_reasons: z.strictObject({ ytd_promotion_project_cny: NullReasonSchema.optional(), ytd_all_cny: NullReasonSchema.optional() }),
});

const HIGH_VALUE_CRITERION_NAMES = ['strategic_emerging', 'overseas_family', 'maintained_over_10_years', 'high_pledge', 'award'] as const;
const HIGH_VALUE_COLUMNS = ['strategic_emerging', 'overseas_family', 'award', 'patent_application_nos', 'resident_population'] as const;

/** Invention patents in force and the high-value ones per 10,000 residents (docs/high-value-patents.md). */
export const HighValuePatentsSchema = z
  .strictObject({
    /** The report month's last day: the figures count patents in force on it. */
    as_of: z.iso.date(),
    invention_in_force: CountSchema.nullable(),
    high_value_in_force: CountSchema.nullable(),
    /** 件/万人, two decimals. */
    per_10k_residents: z.number().min(0).refine(hasAtMostDecimals(2), { error: 'per_10k_residents must be rounded to 2 decimals' }).nullable(),
    resident_population: z.number().int().min(1).nullable(),
    /** The year of resident_population: the report year, or the latest earlier year known. */
    population_year: z.number().int().nullable(),
    pledge_threshold_cny: MoneySchema.min(0),
    /** Patents meeting each criterion; a patent meeting several appears under each, and once in high_value_in_force. */
    by_criterion: z.strictObject(Object.fromEntries(HIGH_VALUE_CRITERION_NAMES.map((name) => [name, CountSchema.nullable()])) as Record<(typeof HIGH_VALUE_CRITERION_NAMES)[number], z.ZodNullable<typeof CountSchema>>),
    /** The optional source columns whose blanks make a figure null (unknown_values). */
    missing_columns: z.array(z.enum(HIGH_VALUE_COLUMNS)),
    null_reasons: z.strictObject({
      invention_in_force: NullReasonSchema.optional(),
      high_value_in_force: NullReasonSchema.optional(),
      per_10k_residents: NullReasonSchema.optional(),
      resident_population: NullReasonSchema.optional(),
      by_criterion: z.strictObject(Object.fromEntries(HIGH_VALUE_CRITERION_NAMES.map((name) => [name, NullReasonSchema.optional()])) as Record<(typeof HIGH_VALUE_CRITERION_NAMES)[number], z.ZodOptional<typeof NullReasonSchema>>),
    }),
  })
  .superRefine((section, context) => {
    const check = (value: unknown, reason: unknown, path: (string | number)[]) => {
      if ((value === null) !== (reason !== undefined)) {
        context.addIssue({ code: 'custom', path: ['null_reasons', ...path], message: `${path.join('.')} is ${value === null ? 'null without a reason' : 'not null but has a reason'}` });
      }
    };
    for (const field of ['invention_in_force', 'high_value_in_force', 'per_10k_residents', 'resident_population'] as const) check(section[field], section.null_reasons[field], [field]);
    for (const name of HIGH_VALUE_CRITERION_NAMES) check(section.by_criterion[name], section.null_reasons.by_criterion[name], ['by_criterion', name]);
  });

const CoverageRunSchema = z.strictObject({
  first: MonthSchema,
  last: MonthSchema,
  basis: z.enum(COVERAGE_BASES),
  /** Where a declared or configured run was declared: an option, a coverage.json, object metadata, the city configuration. */
  declared_in: z.array(z.string()).optional(),
});

/** The months a dataset covers for this city (docs/indicators.md "Coverage"). */
export const DatasetCoverageSchema = z.strictObject({
  first: MonthSchema,
  last: MonthSchema,
  /** Sorted runs of consecutive months with how each is known; more than one run means gaps or mixed bases. */
  runs: z.array(CoverageRunSchema).min(1),
});

const RejectReasonCountSchema = z.strictObject({ rule: z.string().min(1), rows: CountSchema });

/** One dataset's quality for the report's city and month (extension fields besides the contract's three). */
const DatasetQualitySchema = z.strictObject({
  /** rows_counted + rows_rejected: the rows of this city the sources held up to the report month. */
  rows_read: CountSchema,
  /** Rejected rows that name this city, dated up to the report month or undated. */
  rows_rejected: CountSchema,
  /** The last month the dataset covers, at or before the report month. */
  latest_period: MonthSchema.nullable(),
  /** Current rows attributed to this city (counting rules), dated up to the report month. */
  rows_counted: CountSchema,
  /** Of those, rows in the report month; null for datasets without months. */
  rows_in_month: CountSchema.nullable(),
  /** Of rows_counted, rows in months the coverage leaves out (no figure spanning them is published). */
  rows_outside_coverage: CountSchema,
  /** Null for reference datasets (no period) and for a dataset with no data at all. */
  coverage: DatasetCoverageSchema.nullable(),
  /** The most frequent rejection rules among rows_rejected, most frequent first. */
  top_reject_reasons: z.array(RejectReasonCountSchema),
});

const LakeDatasetQualitySchema = z.strictObject({
  rows_read: CountSchema,
  rows_rejected: CountSchema,
  /** Source files ingested (rejected whole included). */
  files: CountSchema,
  /** The last month with current rows anywhere in the lake. */
  latest_period: MonthSchema.nullable(),
  /** The highest ingestion sequence number of the dataset when the report was made (revisions compare it). */
  last_ingest_seq: CountSchema,
  /**
   * Files rejected whole (unreadable: empty, CSV syntax, wrong encoding, a workbook…) that no
   * ingested file of the dataset has followed: the dataset's data stops before them. Oldest first.
   */
  files_rejected_whole: z.array(
    z.strictObject({
      /** The source file's name as delivered. */
      file: z.string().min(1),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      /** ISO-8601 UTC. */
      rejected_at: z.string().min(1),
      /** Why, as in its manifest's `error` (never a row's values). */
      reason: z.string().min(1),
    }),
  ),
});

export const DataQualitySchema = z.strictObject({
  /** Extension: data_quality is the city's and the report month's; the lake-wide totals are in `lake`. */
  scope: z.literal('city'),
  rows_read: CountSchema,
  rows_rejected: CountSchema,
  by_dataset: z.partialRecord(z.enum(DATASET_NAMES), DatasetQualitySchema),
  /** Extension: every source file of the lake, all cities, all months. */
  lake: z.strictObject({
    rows_read: CountSchema,
    rows_rejected: CountSchema,
    /** Rejected rows whose city could not be read (no city column, or a code that is not valid). */
    rows_rejected_without_city: CountSchema,
    by_dataset: z.partialRecord(z.enum(DATASET_NAMES), LakeDatasetQualitySchema),
  }),
});

const RevisionSourceSchema = z.strictObject({
  dataset: z.enum(DATASET_NAMES),
  /** The source file's name as delivered. */
  file: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  ingest_seq: z.number().int().positive(),
  ingested_at: z.string(),
  /** Rows of earlier files it superseded in the revised period. */
  superseded_rows: CountSchema,
});

/** Extension: figures of earlier periods that changed since the city's previous report (数据修订). */
export const RevisionsSchema = z.strictObject({
  /** The report compared with: the city's latest report for an earlier month, as published; null when there is none. */
  compared_with: z
    .strictObject({ period: MonthSchema, generated_at: z.iso.datetime({ offset: true }) })
    .nullable(),
  changes: z.array(
    z.strictObject({
      indicator: z.enum(INDICATOR_IDS),
      /** 'YYYY-MM' for a monthly value, 'YYYY' for an annual one. */
      period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/),
      figure: z.enum(['month', 'annual']),
      unit: z.enum(['count', 'cny']),
      old: z.number(),
      new: z.number().nullable(),
      /** Why `new` is null: the figure is no longer published. */
      null_reason: NullReasonSchema.optional(),
      /** Deliveries since the compared report that changed rows of the indicator's datasets in that period; empty when none did (a rule or configuration change). */
      sources: z.array(RevisionSourceSchema),
    }),
  ),
});

export const ReportSchema = z.strictObject({
  schema_version: z.literal(REPORT_SCHEMA_VERSION).meta({ description: 'The contract version (docs/report-contract.md). Fields may be added within a version; removing, renaming or retyping one, or changing a unit, makes a new version.' }),
  city: z.strictObject({ code: z.string().regex(/^\d{6}$/), name: z.string().min(1) }).meta({ description: 'The city: its 6-digit administrative division code (GB/T 2260) and its name.' }),
  period: MonthSchema.meta({ description: 'The report month, YYYY-MM.' }),
  generated_at: z.iso.datetime({ offset: true }).meta({ description: 'When the report was made: ISO 8601 with its UTC offset (+08:00 for reports made by ipstats).' }),
  classification_version: z.string().min(1).nullable().meta({ description: 'The classification of patent-intensive industries used; null when none is loaded.' }),
  /** Extension: true when classification_version is a demonstration table (its name starts with "demo"). */
  classification_is_demonstration: z.boolean().nullable().meta({ description: 'True when classification_version is a demonstration table (its name starts with demo): its figures are not official; null when none is loaded.' }),
  indicators: z.strictObject(indicatorShape).meta({ description: 'Every indicator of the programme, always present, by id (docs/indicators.md).' }),
  patent_intensive: PatentIntensiveSchema.meta({ description: '专利密集型产业增加值: the patent-intensive industries\' value added of the latest year with data, its share of GDP, by category (docs/patent-intensive.md).' }),
  gi_output: GiOutputSchema.meta({ description: '地理标志产品产值: geographical-indication output of the year to date, in total and by product.' }),
  /** Extension (issue 12 §3): 每万人口高价值发明专利拥有量. */
  high_value_patents: HighValuePatentsSchema.meta({ description: '每万人口高价值发明专利拥有量: invention patents in force, the high-value ones and per 10,000 residents (docs/high-value-patents.md).' }),
  data_quality: DataQualitySchema.meta({ description: 'Rows read, rejected and counted for this city and month, by dataset, with coverage; the lake-wide totals in lake.' }),
  /** Extension: monthly values of the last 24 months, for the charts of report.html (monthly-trend.ts). */
  monthly_trend: MonthlyTrendSchema.meta({ description: 'The monthly value of every indicator over the 24 months ending with the report month, with the reason of each null.' }),
  /** Extension: what changed since the previous report (revisions.ts). */
  revisions: RevisionsSchema.meta({ description: 'Figures of earlier periods that changed since the city\'s previous report (数据修订), with the deliveries that changed them.' }),
  /** Extension: the performance self-evaluation grid of the year to date (self-evaluation-section.ts). */
  self_evaluation: SelfEvaluationSchema.meta({ description: '绩效自评表: the performance self-evaluation grid of the year to date (docs/self-evaluation.md).' }),
  /** Extension: the city's rank among the configured cities of the month, per indicator (peers/rank-peers.ts). */
  peer_ranks: PeerRanksSchema.meta({ description: 'The city\'s rank among the configured cities of the month, per indicator.' }),
});

export type Report = z.infer<typeof ReportSchema>;
/** A report as assembled for one city, before the ranks that need every city's figures are added. */
export const UnrankedReportSchema = ReportSchema.omit({ peer_ranks: true });
export type UnrankedReport = z.infer<typeof UnrankedReportSchema>;
/**
 * A published report.json: one published before these fields existed has no `high_value_patents` /
 * `self_evaluation` / `peer_ranks`, and no `month_yoy_growth` in its indicators.
 */
export const PublishedFullReportSchema = ReportSchema.extend({
  indicators: z.strictObject(publishedIndicatorShape),
  high_value_patents: HighValuePatentsSchema.optional(),
  self_evaluation: SelfEvaluationSchema.optional(),
  peer_ranks: PeerRanksSchema.optional(),
});
export type PublishedFullReport = z.infer<typeof PublishedFullReportSchema>;
export type TransferBreakdown = z.infer<typeof TransferBreakdownSchema>;
export type GiOutputSection = z.infer<typeof GiOutputSchema>;
export type HighValuePatentsSection = z.infer<typeof HighValuePatentsSchema>;
export type DataQualitySection = z.infer<typeof DataQualitySchema>;
export type PatentIntensiveSection = z.infer<typeof PatentIntensiveSchema>;
export type RevisionsSection = z.infer<typeof RevisionsSchema>;
export type DatasetCoverageJson = z.infer<typeof DatasetCoverageSchema>;

export class ReportValidationError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ReportValidationError';
  }
}

/** Validates a report before it is written; the error lists every broken field with its path. */
export function validateReport(report: unknown): Report {
  return validateAgainst(ReportSchema, report);
}

/** Validates a report assembled for one city, before its ranks are added (assemble-report.ts). */
export function validateUnrankedReport(report: unknown): UnrankedReport {
  return validateAgainst(UnrankedReportSchema, report);
}

/** Validates a report.json read back from the output store (with or without ranks). */
export function validatePublishedReport(report: unknown): PublishedFullReport {
  return validateAgainst(PublishedFullReportSchema, report);
}

/** The assembled report with its ranks, validated: `peer_ranks` follows `revisions`. */
export function withPeerRanks(report: UnrankedReport, peerRanks: Report['peer_ranks']): Report {
  if (!peerRanks.cities.includes(report.city.code)) {
    throw new ReportValidationError(`the ranks given to the report of city ${report.city.code} for ${report.period} compare ${peerRanks.cities.join(', ')}, not this city`);
  }
  return validateReport({ ...report, peer_ranks: peerRanks });
}

function validateAgainst<S extends z.ZodType>(schema: S, report: unknown): z.infer<S> {
  const result = schema.safeParse(report);
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
