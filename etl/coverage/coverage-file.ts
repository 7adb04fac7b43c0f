/**
 * `coverage.json`: the coverage of a dataset folder's deliveries, declared beside the files
 * (docs/data-contract.md "coverage.json"):
 *
 *   { "covers": "2019-01..2025-03", "files": { "pledges-2025-q1.csv": "2025-01..2025-03" } }
 *
 * `covers` applies to every file of the folder, an entry of `files` to that file only; both are
 * optional and any other key is an error. Errors are ConfigErrors (exit status 2) naming the
 * file, the JSON path and the bad value.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../config/config-error.ts';
import { configIssuesOf } from '../config/config-issues.ts';
import { parseConfigText } from '../config/config-text.ts';
import type { DatasetSpec } from '../schemas/dataset-spec.ts';
import { MONTH_RANGE_EXAMPLE, readMonthRange, type MonthRange } from './coverage-range.ts';
import { coverageNotDeclarableReason } from './declarable-dataset.ts';

export const COVERAGE_FILE_NAME = 'coverage.json';

const RangeText = z.string({ error: `expected a month range FROM..TO such as ${MONTH_RANGE_EXAMPLE}` }).superRefine((text, context) => {
  const reading = readMonthRange(text, { openEnded: false });
  if (!reading.ok) context.addIssue({ code: 'custom', message: reading.problem });
});

export const CoverageFileSchema = z.strictObject(
  {
    /** The months every file of the folder covers. */
    covers: RangeText.optional(),
    /** The months one file covers, by file name; wins over `covers`. */
    files: z.record(z.string(), RangeText, { error: 'expected an object { "<file name>": "FROM..TO" }' }).optional(),
  },
  { error: 'expected an object { "covers": "FROM..TO", "files": { "<file name>": "FROM..TO" } }' },
);
export type CoverageFile = z.infer<typeof CoverageFileSchema>;

/** The declarations of one folder's coverage.json. */
export interface FolderCoverage {
  /** `<folder name>/coverage.json`: the manifest's `coverage.declared_in`. */
  readonly declaredIn: string;
  readonly covers: MonthRange | null;
  /** By file name. */
  readonly files: ReadonlyMap<string, MonthRange>;
}

/** True when `folder` holds a coverage.json. */
export async function hasCoverageFile(folder: string): Promise<boolean> {
  return (await stat(path.join(folder, COVERAGE_FILE_NAME)).catch(() => undefined))?.isFile() === true;
}

/**
 * Reads and checks `<folder>/coverage.json` for `dataset`: the dataset must be one whose coverage
 * can be declared, and every entry of `files` must name one of `sourceFileNames` (the source
 * files in the folder).
 */
export async function readCoverageFile(folder: string, dataset: DatasetSpec, sourceFileNames: readonly string[]): Promise<FolderCoverage> {
  const sourceName = path.join(folder, COVERAGE_FILE_NAME);
  let text: string;
  try {
    text = await readFile(sourceName, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(sourceName, [{ path: '$', problem: `cannot read the coverage file: ${reason}` }], { cause: error });
  }
  return parseCoverageFile(text, sourceName, dataset, sourceFileNames);
}

/** `sourceName` is the coverage file's path: it prefixes every error, and its folder's name makes `declaredIn`. */
export function parseCoverageFile(text: string, sourceName: string, dataset: DatasetSpec, sourceFileNames: readonly string[]): FolderCoverage {
  const notDeclarable = coverageNotDeclarableReason(dataset);
  if (notDeclarable !== null) throw new ConfigError(sourceName, [{ path: '$', problem: notDeclarable }]);
  const data = parseConfigText(text, sourceName);
  const result = CoverageFileSchema.safeParse(data);
  if (!result.success) {
    throw new ConfigError(sourceName, configIssuesOf(result.error.issues, data, () => Object.keys(CoverageFileSchema.shape)), { cause: result.error });
  }
  const folder = path.dirname(sourceName);
  const files = Object.entries(result.data.files ?? {});
  const unknown = files.filter(([name]) => !sourceFileNames.includes(name));
  if (unknown.length > 0) {
    const there = sourceFileNames.length === 0 ? 'there are none' : `source files there: ${sourceFileNames.join(', ')}`;
    throw new ConfigError(
      sourceName,
      unknown.map(([name, range]) => ({ path: `$.files[${JSON.stringify(name)}]`, problem: `no source file of that name in ${folder}; ${there}`, value: range })),
    );
  }
  return {
    declaredIn: `${path.basename(path.resolve(folder))}/${COVERAGE_FILE_NAME}`,
    covers: result.data.covers === undefined ? null : closedRange(result.data.covers),
    files: new Map(files.map(([name, range]) => [name, closedRange(range)])),
  };
}

/** A range the schema has already checked. */
function closedRange(text: string): MonthRange {
  const reading = readMonthRange(text, { openEnded: false });
  if (!reading.ok || reading.range.last === null) throw new Error(`coverage range ${JSON.stringify(text)} passed the schema but does not read`);
  return { first: reading.range.first, last: reading.range.last };
}
