/**
 * report.schema.json: generated from ReportSchema, committed as docs/report.schema.json, and
 * checked by a real JSON Schema validator (ajv): valid reports pass, broken ones fail with the
 * error a consumer would see.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import {
  generateReportJsonSchema,
  REPORT_SCHEMA_ID,
  reportJsonSchemaText,
  RULES_NOT_IN_JSON_SCHEMA,
  UnlistedRefinementError,
} from '../../../etl/reports/report-json-schema.ts';
import { ReportSchema, validateReport, type Report } from '../../../etl/reports/report-schema.ts';
import { compileReportSchema } from '../../support/report-schema-validator.ts';
import { FIXTURE_REPORT, FIXTURE_REPORT_WITH_PATENT_INTENSIVE } from './html/report-fixture.ts';

const DOCS_SCHEMA_TEXT = readFileSync(new URL('../../../docs/report.schema.json', import.meta.url), 'utf8');
const validate = compileReportSchema(DOCS_SCHEMA_TEXT);

/** A deep copy to break by hand. */
const copyOf = (report: Report): Record<string, any> => structuredClone(report) as Record<string, any>;

describe('docs/report.schema.json', () => {
  it('is exactly what report-json-schema.ts generates (run: node --import tsx scripts/write-report-schema.ts)', () => {
    expect(DOCS_SCHEMA_TEXT).toBe(reportJsonSchemaText());
  });

  it('is the same bytes every time it is generated', () => {
    expect(`${JSON.stringify(generateReportJsonSchema(), null, 2)}\n`).toBe(reportJsonSchemaText());
  });

  it('is a draft 2020-12 schema with its $id and title, and requires every top-level field of report.json, nothing else', () => {
    const schema = JSON.parse(DOCS_SCHEMA_TEXT) as Record<string, unknown>;
    expect(Object.keys(schema).slice(0, 4)).toEqual(['$schema', '$id', 'title', 'description']);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('urn:ipstats:report-schema:v1');
    expect(REPORT_SCHEMA_ID).toBe('urn:ipstats:report-schema:v1');
    expect(schema.title).toBe('ipstats report.json, schema_version 1');
    expect(schema.required).toEqual(Object.keys(ReportSchema.shape));
    expect(schema.additionalProperties).toBe(false);
  });

  it('lists in its description every rule it cannot check', () => {
    const description = (JSON.parse(DOCS_SCHEMA_TEXT) as { description: string }).description;
    expect(description).toContain('Checked by ipstats before writing, but not by this JSON Schema:\n1. Decimal places: money (yuan) has at most 2 decimals (the fen), ratios at most 6');
    expect(description).toContain('\n2. A reason for every null and a null for every reason');
    expect(description).toContain('\n3. A peer rank is a null rank with a null_reason, or a rank with none; a rank is at most of');
    expect(RULES_NOT_IN_JSON_SCHEMA).toHaveLength(3);
  });

  it('names its shared parts once, under $defs', () => {
    const defs = (JSON.parse(DOCS_SCHEMA_TEXT) as { $defs: Record<string, { description?: string }> }).$defs;
    expect(Object.keys(defs).sort()).toEqual(
      ['count', 'count_indicator', 'money_by_category', 'money_cny', 'money_indicator', 'month', 'null_reason', 'peer_rank', 'ratio', 'ratio_by_category', 'trend_null_reasons', 'trend_values'].sort(),
    );
    expect(defs.money_cny).toEqual({ type: 'number', description: 'Yuan (元), rounded to the fen: at most 2 decimals.' });
  });
});

describe('ajv with docs/report.schema.json', () => {
  it('accepts the fixture reports, as zod does', () => {
    for (const report of [FIXTURE_REPORT, FIXTURE_REPORT_WITH_PATENT_INTENSIVE]) {
      expect(validateReport(report)).toEqual(report);
      expect(validate(report)).toEqual({ valid: true, errors: [] });
    }
  });

  it('refuses a report without an indicator', () => {
    const broken = copyOf(FIXTURE_REPORT);
    delete broken.indicators.pledge_amount_cny;
    expect(validate(broken)).toEqual({ valid: false, errors: ["/indicators: must have required property 'pledge_amount_cny'"] });
  });

  it('refuses a figure of the wrong type: money as a string', () => {
    const broken = copyOf(FIXTURE_REPORT);
    broken.indicators.pledge_amount_cny.ytd = '123456789.50';
    const { valid, errors } = validate(broken);
    expect(valid).toBe(false);
    expect(errors).toContain('/indicators/pledge_amount_cny/ytd: must be number');
    expect(errors).toContain('/indicators/pledge_amount_cny/ytd: must match a schema in anyOf');
  });

  it('refuses a count that is not whole, a period that is not a month, and an unknown null reason', () => {
    const broken = copyOf(FIXTURE_REPORT);
    broken.indicators.pledge_project_count.month = 1.5;
    broken.period = '2025-13';
    broken.indicators.pledge_amount_cny.null_reasons.cumulative = 'unknown_reason';
    const { errors } = validate(broken);
    expect(errors).toContain('/indicators/pledge_project_count/month: must be integer');
    expect(errors).toContain('/period: must match pattern "^\\d{4}-(0[1-9]|1[0-2])$"');
    expect(errors).toContain('/indicators/pledge_amount_cny/null_reasons/cumulative: must be equal to one of the allowed values');
  });

  it('refuses an extra property, at the top and inside an indicator', () => {
    const broken = copyOf(FIXTURE_REPORT);
    broken.remarks = 'not in the contract';
    broken.indicators.ip_transfer_licence_count.month_total = 3;
    expect(validate(broken)).toEqual({
      valid: false,
      errors: ['(root): must NOT have additional properties (remarks)', '/indicators/ip_transfer_licence_count: must NOT have additional properties (month_total)'],
    });
  });

  it('refuses a generated_at without its UTC offset (format date-time)', () => {
    const broken = copyOf(FIXTURE_REPORT);
    broken.generated_at = '2025-07-05T02:00:00';
    expect(validate(broken).errors).toContain('/generated_at: must match format "date-time"');
  });

  it('does not check decimal places or null reasons: ipstats refuses such a report before writing it (the listed rules)', () => {
    const thirdDecimal = copyOf(FIXTURE_REPORT);
    thirdDecimal.indicators.pledge_amount_cny.ytd = 123456789.505;
    expect(validate(thirdDecimal).valid).toBe(true);
    expect(() => validateReport(thirdDecimal)).toThrow('indicators.pledge_amount_cny.ytd: money must be rounded to 2 decimals');

    const nullWithoutReason = copyOf(FIXTURE_REPORT);
    nullWithoutReason.indicators.pledge_amount_cny.ytd = null;
    expect(validate(nullWithoutReason).valid).toBe(true);
    expect(() => validateReport(nullWithoutReason)).toThrow('indicators.pledge_amount_cny.null_reasons.ytd: ytd is null without a reason');
  });
});

describe('generating the schema', () => {
  it('refuses a refinement that no rule of RULES_NOT_IN_JSON_SCHEMA names, so the description cannot fall behind', () => {
    const withNewRule = ReportSchema.extend({ city: z.strictObject({ code: z.string(), name: z.string() }).refine((city) => city.name !== city.code, { error: 'a name is not a code' }) });
    const failure = (() => {
      try {
        generateReportJsonSchema(withNewRule);
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(UnlistedRefinementError);
    expect((failure as Error).message).toBe(
      'report.schema.json cannot express 1 refinement(s) of ReportSchema that RULES_NOT_IN_JSON_SCHEMA does not name: properties/city: a name is not a code. ' +
        'Add a rule for each in etl/reports/report-json-schema.ts and in docs/report-contract.md',
    );
  });
});
