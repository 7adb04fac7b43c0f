/**
 * report.schema.json: the JSON Schema (draft 2020-12) of report.json, generated from ReportSchema
 * with zod's `z.toJSONSchema`, so the published contract cannot drift from the validation every
 * report passes before it is written (docs/report-contract.md "The JSON Schema"). It is
 * published beside every report.json (published-reports.ts) and committed as
 * docs/report.schema.json (scripts/write-report-schema.ts; a test fails while the two differ).
 *
 * zod refinements (decimal places, a reason for every null…) have no JSON Schema form and are
 * left out by zod without a word. Each one is matched here against RULES_NOT_IN_JSON_SCHEMA,
 * which the schema's description lists for its readers; generating throws on a refinement that
 * no rule names, so a new one cannot be left out of that list silently.
 */
import { z } from 'zod';
import { ReportSchema, REPORT_SCHEMA_VERSION } from './report-schema.ts';

/** The file's name, beside each report.json and in docs/. */
export const REPORT_SCHEMA_FILE_NAME = 'report.schema.json';
/** As report.json is served: every browser shows application/json as JSON; application/schema+json is only proposed by the JSON Schema drafts. */
export const REPORT_SCHEMA_CONTENT_TYPE = 'application/json';

/**
 * A URN, not a URL: nothing is published at an address, so no validator should try to fetch one.
 * It names the contract version (schema_version), not the bytes: fields added within a version
 * keep the $id (docs/report-contract.md "Compatibility").
 */
export const REPORT_SCHEMA_ID = `urn:ipstats:report-schema:v${REPORT_SCHEMA_VERSION}`;

interface RuleNotInJsonSchema {
  /** What ipstats checks before writing a report, in words, for the schema's description. */
  readonly rule: string;
  /** The refinements it covers: by their fixed error message (a `.refine`), or by where they sit in the generated schema (a `.superRefine`). */
  readonly covers: (refinement: { readonly message: string | undefined; readonly path: string }) => boolean;
}

const DECIMAL_MESSAGES = new Set([
  'money must be rounded to 2 decimals',
  'a ratio must be rounded to 6 decimals',
  'per_10k_residents must be rounded to 2 decimals',
  'must be rounded to 2 decimals',
  'trend values have at most 2 decimals',
]);

export const RULES_NOT_IN_JSON_SCHEMA: readonly RuleNotInJsonSchema[] = [
  {
    rule:
      'Decimal places: money (yuan) has at most 2 decimals (the fen), ratios at most 6, per_10k_residents, the self_evaluation figures and the monthly_trend values at most 2. ' +
      '(multipleOf 0.01 is not used: binary floating point makes validators reject valid amounts such as 0.07.)',
    covers: ({ message }) => message !== undefined && DECIMAL_MESSAGES.has(message),
  },
  {
    rule:
      'A reason for every null and a null for every reason: in each indicator (each figure, each year of annual, and status no_data), ' +
      'in high_value_patents, in each self_evaluation row, in monthly_trend (value by value) and in each peer rank; null_reasons.annual names only years that annual lists.',
    covers: ({ message, path }) =>
      message === undefined &&
      [/^properties\/indicators\/properties\/[a-z0-9_]+$/, /^properties\/high_value_patents$/, /^properties\/self_evaluation\/properties\/rows\/items$/, /^properties\/monthly_trend$/].some((where) =>
        where.test(path),
      ),
  },
  {
    rule: 'A peer rank is a null rank with a null_reason, or a rank with none; a rank is at most of (the cities ranked).',
    covers: ({ message, path }) => message === undefined && /^properties\/peer_ranks\/properties\/by_indicator\/properties\/[a-z0-9_]+$/.test(path),
  },
];

/** Thrown when ReportSchema has a refinement that RULES_NOT_IN_JSON_SCHEMA does not name. */
export class UnlistedRefinementError extends Error {
  constructor(readonly refinements: readonly string[]) {
    super(
      `report.schema.json cannot express ${refinements.length} refinement(s) of ReportSchema that RULES_NOT_IN_JSON_SCHEMA does not name: ${refinements.join('; ')}. ` +
        'Add a rule for each in etl/reports/report-json-schema.ts and in docs/report-contract.md',
    );
    this.name = 'UnlistedRefinementError';
  }
}

function description(): string {
  return [
    `The contract of report.json, schema_version ${REPORT_SCHEMA_VERSION}, generated from the zod schema ipstats validates every report with before writing it (etl/reports/report-schema.ts). ` +
      'Money is in yuan (cny), ratios are fractions (0.2 = 20 %), counts are whole numbers; a figure that cannot be computed is null, never 0, with its reason in the nearest null_reasons. ' +
      'Validate a report against the report.schema.json published beside it. Fields: docs/report-contract.md.',
    'Checked by ipstats before writing, but not by this JSON Schema:',
    ...RULES_NOT_IN_JSON_SCHEMA.map(({ rule }, index) => `${index + 1}. ${rule}`),
  ].join('\n');
}

/** The refinements (custom checks) of one zod schema: their static message, if any. */
function refinementMessages(schema: z.core.$ZodType): (string | undefined)[] {
  const checks = (schema._zod.def as { checks?: z.core.$ZodCheck[] }).checks ?? [];
  return checks
    .filter((check) => check._zod.def.check === 'custom')
    .map((check) => {
      // A `.refine(…, { error: 'text' })` keeps its message as a function of no issue; a `.superRefine` has none, and a
      // message built from the issue has no fixed text (it may throw without one): both are matched by where they sit.
      const error = (check._zod.def as { error?: unknown }).error;
      if (typeof error !== 'function') return undefined;
      let message: unknown;
      try {
        message = (error as () => unknown)();
      } catch {
        return undefined;
      }
      return typeof message === 'string' ? message : undefined;
    });
}

/** The JSON Schema object, generated afresh (same code → same object); `schema` is ReportSchema but in tests. */
export function generateReportJsonSchema(schema: z.ZodType = ReportSchema): Record<string, unknown> {
  const unlisted: string[] = [];
  const generated = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    // What ipstats writes: the parsed report (ReportSchema has no transforms or defaults, so input and output agree).
    io: 'output',
    // A type with no JSON Schema form (a Date, a bigint…) must fail here, not become `{}` (anything).
    unrepresentable: 'throw',
    // Only schemas given an id (report-schema.ts `.meta({ id })`) become named $defs; the rest stay inline, readable in place.
    reused: 'inline',
    override: ({ zodSchema, jsonSchema, path }) => {
      const where = path.join('/');
      // A number schema narrowed from a named one (`MoneySchema.min(0)`) comes out as `{ $ref, minimum }`: valid, but
      // ajv's strict mode (strictTypes) wants the type beside `minimum`, so a consumer's validator does not warn.
      if (zodSchema._zod.def.type === 'number' && jsonSchema.$ref !== undefined && jsonSchema.type === undefined) jsonSchema.type = 'number';
      for (const message of refinementMessages(zodSchema)) {
        if (!RULES_NOT_IN_JSON_SCHEMA.some((rule) => rule.covers({ message, path: where }))) unlisted.push(`${where || '(root)'}: ${message ?? 'a refinement without a fixed message'}`);
      }
    },
  });
  if (unlisted.length > 0) throw new UnlistedRefinementError(unlisted);
  const { $schema, ...rest } = generated as Record<string, unknown>;
  return { $schema, $id: REPORT_SCHEMA_ID, title: `ipstats report.json, schema_version ${REPORT_SCHEMA_VERSION}`, description: description(), ...rest };
}

let cachedText: string | undefined;

/** The bytes of report.schema.json: 2-space indented, ending with a newline (deterministic); generated once per process. */
export function reportJsonSchemaText(): string {
  cachedText ??= `${JSON.stringify(generateReportJsonSchema(), null, 2)}\n`;
  return cachedText;
}
