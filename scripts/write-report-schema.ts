/**
 * Writes docs/report.schema.json, the JSON Schema of report.json, from etl/reports/report-schema.ts
 * (through etl/reports/report-json-schema.ts). Run after changing the report schema:
 *   node --import tsx scripts/write-report-schema.ts
 * tests/etl/reports/report-json-schema.test.ts fails while the committed file is out of step.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { reportJsonSchemaText } from '../etl/reports/report-json-schema.ts';

const docPath = fileURLToPath(new URL('../docs/report.schema.json', import.meta.url));
const before = existsSync(docPath) ? readFileSync(docPath, 'utf8') : null;
const after = reportJsonSchemaText();
if (after === before) {
  console.log('docs/report.schema.json: already up to date');
} else {
  writeFileSync(docPath, after);
  console.log('docs/report.schema.json: rewritten');
}
