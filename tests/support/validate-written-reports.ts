/**
 * Every report.json a run wrote under an output folder, checked by ajv against the
 * report.schema.json published beside it and against the committed docs/report.schema.json:
 * what a consumer of the reports would do. For the e2e tests that already run the CLI (no extra
 * runs). Staged copies (reports/.ipstats-staging/) are not published reports and are skipped.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { REPORT_SCHEMA_FILE_NAME } from '../../etl/reports/report-json-schema.ts';
import { STAGING_PREFIX } from '../../etl/reports/delivery/staged-publication.ts';
import { compileReportSchema, type ReportSchemaValidator } from './report-schema-validator.ts';

export interface WrittenReportCheck {
  /** The report.json, relative to the output folder, with `/` separators. */
  readonly report: string;
  /** Empty when it is valid against both schemas. */
  readonly errors: readonly string[];
}

const DOCS_SCHEMA_PATH = new URL('../../docs/report.schema.json', import.meta.url);
const validators = new Map<string, ReportSchemaValidator>();

/** One compiled validator per distinct schema text (ajv compiles in about a tenth of a second). */
function validatorFor(schemaText: string): ReportSchemaValidator {
  let validator = validators.get(schemaText);
  if (validator === undefined) {
    validator = compileReportSchema(schemaText);
    validators.set(schemaText, validator);
  }
  return validator;
}

/** Each report.json under `outDir` (versions/ included), sorted by path, with what is wrong with it. */
export async function validateWrittenReports(outDir: string): Promise<WrittenReportCheck[]> {
  const docs = validatorFor(await readFile(DOCS_SCHEMA_PATH, 'utf8'));
  const reports = (await readdir(outDir, { recursive: true }))
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file.startsWith('reports/') && path.posix.basename(file) === 'report.json' && !file.startsWith(STAGING_PREFIX))
    .sort();
  const checks: WrittenReportCheck[] = [];
  for (const report of reports) {
    const json: unknown = JSON.parse(await readFile(path.join(outDir, report), 'utf8'));
    const errors: string[] = [];
    const besideText = await readFile(path.join(outDir, path.posix.dirname(report), REPORT_SCHEMA_FILE_NAME), 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (besideText === null) errors.push(`no ${REPORT_SCHEMA_FILE_NAME} beside it`);
    else errors.push(...validatorFor(besideText)(json).errors.map((error) => `${REPORT_SCHEMA_FILE_NAME} beside it: ${error}`));
    errors.push(...docs(json).errors.map((error) => `docs/report.schema.json: ${error}`));
    checks.push({ report, errors });
  }
  return checks;
}
