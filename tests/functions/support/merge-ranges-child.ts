/**
 * Runs the merge step of a large source (etl/aws/merge-ranges.ts, what the merge-ranges Lambda
 * runs) alone in this process, on a local lake whose ranges are already ingested, and prints one
 * JSON line: the summary's counts and this process's peak RSS. The parent sets the memory
 * environment (AWS_LAMBDA_FUNCTION_MEMORY_SIZE, the Node heap limit) as the function has it.
 *
 * Usage: node --import tsx merge-ranges-child.ts <lake folder> <plan.json>
 */
import { readFile } from 'node:fs/promises';
import { mergeRanges } from '../../../etl/aws/merge-ranges.ts';
import type { RangePlan } from '../../../etl/aws/range-plan.ts';
import { duckDbResources } from '../../../etl/engines/duckdb-resources.ts';
import { LocalObjectStore } from '../../../etl/lake/local-object-store.ts';
import { getDataset } from '../../../etl/schemas/index.ts';

const [lakeDir, planPath] = process.argv.slice(2);
if (lakeDir === undefined || planPath === undefined) throw new Error('usage: merge-ranges-child.ts <lake folder> <plan.json>');
const plan = JSON.parse(await readFile(planPath, 'utf8')) as RangePlan;
const started = performance.now();
const summary = await mergeRanges({ lake: new LocalObjectStore(lakeDir), dataset: getDataset(plan.dataset), plan });
console.log(
  JSON.stringify({
    status: summary.status,
    rowsAccepted: summary.rowsAccepted,
    seconds: Math.round(performance.now() - started) / 1000,
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    duckDbMemoryLimit: duckDbResources().memoryLimit ?? null,
  }),
);
