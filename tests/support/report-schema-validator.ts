/**
 * report.json checked by a real JSON Schema validator (ajv, draft 2020-12, with the string
 * formats of ajv-formats), against a report.schema.json as published: what a consumer of the
 * reports would run. ajv's strict mode is on, so a schema ajv would only half understand (an
 * unknown keyword, a type mix-up) fails to compile instead of passing everything.
 */
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';

// ajv-formats is CommonJS: its default import is module.exports, whose `default` is the plugin (itself), for TypeScript too.
const addFormats = ajvFormats.default;

export interface SchemaCheck {
  readonly valid: boolean;
  /** One line per error: `<instance path>: <message>`, empty when valid. */
  readonly errors: readonly string[];
}

export type ReportSchemaValidator = (report: unknown) => SchemaCheck;

/** Compiles a report.schema.json (its text, as read from a file); each call its own ajv, so two versions of one $id never meet. */
export function compileReportSchema(schemaText: string): ReportSchemaValidator {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(schemaText) as object);
  return (report) => {
    const valid = validate(report);
    return { valid, errors: valid ? [] : (validate.errors ?? []).map(describeError) };
  };
}

function describeError(error: ErrorObject): string {
  const extra = error.keyword === 'additionalProperties' ? ` (${String((error.params as { additionalProperty?: unknown }).additionalProperty)})` : '';
  return `${error.instancePath || '(root)'}: ${error.message ?? error.keyword}${extra}`;
}
