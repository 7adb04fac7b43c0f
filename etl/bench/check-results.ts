/**
 * What the bench refuses to report as a measurement: a step that counted other rows than the
 * file holds, or an ingestion (or the checks alone) that rejected other rows than those the bench
 * broke (none on a clean file, exactly the broken ones on bad5). A --file has nothing to check against.
 */
import type { BenchFile } from './bench-files.ts';
import { STEP_LABELS, type StepResult } from './step-result.ts';

export function resultProblems(file: BenchFile, results: readonly StepResult[]): string[] {
  const problems: string[] = [];
  for (const result of results) {
    if (file.rows !== undefined && result.rows !== file.rows) {
      problems.push(`${file.name}: ${STEP_LABELS[result.step]} counted ${result.rows} rows, the file has ${file.rows}`);
    }
    if ((result.step === 'ingest' || result.step === 'ingest-duckdb' || result.step === 'duckdb-checks') && file.rejected !== undefined && result.rejected !== file.rejected) {
      problems.push(`${file.name}: ${STEP_LABELS[result.step]} rejected ${result.rejected ?? '?'} rows, the bench broke ${file.rejected}`);
    }
  }
  return problems;
}
