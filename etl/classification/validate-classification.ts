/**
 * Whole-table validation of a patent_intensive_classification file (the dataset's
 * `checkWholeFile`). Each row was already checked alone (the class exists in GB/T 4754-2017, the
 * category is 01–07); this checks the rows together:
 * - a classification must be complete, so a file with any rejected row is rejected whole (a
 *   missing class would silently shrink every figure computed from it);
 * - a class may appear only once within a version (two categories for one class would count its
 *   value added twice);
 * - a version named `2019` is expected to hold the standard's 188 classes: another count is a
 *   warning (the operator may load a partial update on purpose).
 * The summary (classes per category and partial classes, per version) goes into the manifest.
 */
import type { NormalisedRow, WholeFileCheck, WholeFileInput } from '../schemas/dataset-spec.ts';
import { CATEGORY_CODES } from './categories.ts';
import { isDemonstrationVersion } from './demonstration.ts';

/** Classes of 《知识产权（专利）密集型产业统计分类（2019）》. */
export const STANDARD_2019_CLASS_COUNT = 188;

export interface VersionSummary {
  readonly classes: number;
  readonly partial_classes: number;
  readonly by_category: Readonly<Record<string, number>>;
  readonly demonstration: boolean;
}

interface ClassRow {
  readonly version: string;
  readonly industryCode: string;
  readonly categoryCode: string;
  readonly partial: boolean;
  readonly sourceRow: number;
}

function classRowOf(row: NormalisedRow): ClassRow {
  return {
    version: String(row['version']),
    industryCode: String(row['industry_code']),
    categoryCode: String(row['category_code']),
    partial: row['partial'] === true,
    sourceRow: Number(row['_source_row']),
  };
}

export function checkClassificationFile(input: WholeFileInput): WholeFileCheck {
  const rows = input.rows.map(classRowOf).sort((a, b) => a.sourceRow - b.sourceRow);
  const problems: string[] = [];
  if (input.rowsRejected > 0) {
    problems.push(
      `a classification must be complete, but ${input.rowsRejected} row(s) were rejected (${input.rejectExamples.join('; ')}): ` +
        'fix them and load the file again',
    );
  }
  problems.push(...duplicateClassProblems(rows));

  const versions = [...new Set(rows.map((row) => row.version))].sort();
  const summary: Record<string, VersionSummary> = {};
  const warnings: string[] = [];
  for (const version of versions) {
    const ofVersion = rows.filter((row) => row.version === version);
    const classes = new Set(ofVersion.map((row) => row.industryCode)).size;
    summary[version] = {
      classes,
      partial_classes: new Set(ofVersion.filter((row) => row.partial).map((row) => row.industryCode)).size,
      by_category: Object.fromEntries(CATEGORY_CODES.map((code) => [code, ofVersion.filter((row) => row.categoryCode === code).length])),
      demonstration: isDemonstrationVersion(version),
    };
    if (version === '2019' && classes !== STANDARD_2019_CLASS_COUNT) {
      warnings.push(`version 2019 has ${classes} classes; the 2019 standard has ${STANDARD_2019_CLASS_COUNT}: check that the whole table was loaded`);
    }
    if (isDemonstrationVersion(version)) {
      warnings.push(`version ${version} is a demonstration table (its name starts with "demo"): every figure computed from it is marked as such`);
    }
  }
  return {
    rejection: problems.length === 0 ? null : `patent_intensive_classification: ${problems.join('; ')}`,
    warnings,
    summary: { versions: summary },
  };
}

function duplicateClassProblems(rows: readonly ClassRow[]): string[] {
  const rowsOfClass = new Map<string, ClassRow[]>();
  for (const row of rows) {
    const key = `${row.version}\u0000${row.industryCode}`;
    rowsOfClass.set(key, [...(rowsOfClass.get(key) ?? []), row]);
  }
  return [...rowsOfClass.values()]
    .filter((group) => group.length > 1)
    .map((group) => {
      const first = group[0]!;
      const where = group.map((row) => `row ${row.sourceRow} category ${row.categoryCode}`).join(', ');
      return `class ${first.industryCode} appears ${group.length} times in version ${first.version} (${where}); a class may appear once per version`;
    });
}
