/**
 * The intensity analysis (`ipstats classify`): which industries are patent-intensive in the
 * city's own data, compared with the loaded classification. The idea of the EPO/EUIPO studies and
 * of CNIPA's 2016 work: an industry is patent-intensive when its patents per employee are above
 * the average of all industries. Here, per GB/T 4754-2017 class with enterprises in the data:
 *
 *   intensity = invention patents granted in the five years up to the year × 10,000 ÷ employees
 *
 * A class is a candidate when its intensity is above the all-industry average (total grants ×
 * 10,000 ÷ total employees, every class with enterprises) and it has a minimum scale, so that a
 * three-person firm with one patent does not make its class "intensive": by default at least
 * 1,000 employees and 10 invention patents. Comparisons are exact (integer cross-multiplication);
 * intensities are shown rounded to 2 decimals. Pure: no I/O.
 */
import { findIndustry } from '../reference/gbt4754.ts';

export const DEFAULT_MIN_EMPLOYEES = 1000;
export const DEFAULT_MIN_INVENTION_PATENTS = 10;

export interface ClassIntensityRow {
  readonly industryCode: string;
  readonly enterpriseCount: number;
  readonly employees: number;
  readonly enterprisesWithoutEmployees: number;
  readonly inventionGrants5y: number;
}

export interface OfficialClass {
  readonly industryCode: string;
  readonly categoryCode: string;
  readonly partial: boolean;
}

export type Comparison = 'both' | 'only_derived' | 'only_official' | 'neither';

export interface IntensityResultRow {
  readonly industry_code: string;
  readonly industry_name: string;
  readonly enterprises: number;
  readonly employees: number;
  readonly enterprises_without_employees: number;
  readonly invention_patents_5y: number;
  /** Per 10,000 employees, 2 decimals; null without employees. */
  readonly patents_per_10k_employees: number | null;
  readonly candidate: boolean;
  readonly official_category: string | null;
  readonly official_partial: boolean | null;
  readonly comparison: Comparison;
}

export interface IntensityAnalysis {
  readonly year: number;
  readonly windowFirstYear: number;
  readonly classificationVersion: string | null;
  readonly minEmployees: number;
  readonly minInventionPatents: number;
  readonly totalEmployees: number;
  readonly totalInventionPatents: number;
  /** All-industry average per 10,000 employees, 2 decimals; null without employees. */
  readonly averagePer10kEmployees: number | null;
  /** Classes with enterprises first (by industry code), then official classes without any enterprise. */
  readonly rows: readonly IntensityResultRow[];
  readonly counts: Readonly<Record<Comparison, number>>;
}

export interface IntensityAnalysisInput {
  readonly year: number;
  readonly classes: readonly ClassIntensityRow[];
  readonly classificationVersion: string | null;
  readonly official: readonly OfficialClass[];
  /** @default DEFAULT_MIN_EMPLOYEES */
  readonly minEmployees?: number;
  /** @default DEFAULT_MIN_INVENTION_PATENTS */
  readonly minInventionPatents?: number;
}

/** patents × 10,000 ÷ employees, rounded half up to 2 decimals. */
function per10k(patents: number, employees: number): number | null {
  if (employees <= 0) return null;
  const hundredths = (BigInt(patents) * 10_000n * 100n * 2n + BigInt(employees)) / (BigInt(employees) * 2n);
  return Number(hundredths) / 100;
}

const nameOf = (code: string): string => findIndustry(code)?.name ?? '';

export function analyseIntensity(input: IntensityAnalysisInput): IntensityAnalysis {
  const minEmployees = input.minEmployees ?? DEFAULT_MIN_EMPLOYEES;
  const minInventionPatents = input.minInventionPatents ?? DEFAULT_MIN_INVENTION_PATENTS;
  const totalEmployees = input.classes.reduce((sum, row) => sum + row.employees, 0);
  const totalPatents = input.classes.reduce((sum, row) => sum + row.inventionGrants5y, 0);
  const official = new Map(input.official.map((row) => [row.industryCode, row]));

  // grants_c / employees_c > totalGrants / totalEmployees, without division.
  const aboveAverage = (row: ClassIntensityRow): boolean =>
    row.employees > 0 && totalEmployees > 0 && BigInt(row.inventionGrants5y) * BigInt(totalEmployees) > BigInt(totalPatents) * BigInt(row.employees);

  const withEnterprises = [...input.classes]
    .sort((a, b) => (a.industryCode < b.industryCode ? -1 : 1))
    .map((row): IntensityResultRow => {
      const candidate = aboveAverage(row) && row.employees >= minEmployees && row.inventionGrants5y >= minInventionPatents;
      const officialClass = official.get(row.industryCode);
      return {
        industry_code: row.industryCode,
        industry_name: nameOf(row.industryCode),
        enterprises: row.enterpriseCount,
        employees: row.employees,
        enterprises_without_employees: row.enterprisesWithoutEmployees,
        invention_patents_5y: row.inventionGrants5y,
        patents_per_10k_employees: per10k(row.inventionGrants5y, row.employees),
        candidate,
        official_category: officialClass?.categoryCode ?? null,
        official_partial: officialClass?.partial ?? null,
        comparison: candidate ? (officialClass ? 'both' : 'only_derived') : officialClass ? 'only_official' : 'neither',
      };
    });
  const seen = new Set(input.classes.map((row) => row.industryCode));
  const officialOnly = [...input.official]
    .filter((row) => !seen.has(row.industryCode))
    .sort((a, b) => (a.industryCode < b.industryCode ? -1 : 1))
    .map(
      (row): IntensityResultRow => ({
        industry_code: row.industryCode,
        industry_name: nameOf(row.industryCode),
        enterprises: 0,
        employees: 0,
        enterprises_without_employees: 0,
        invention_patents_5y: 0,
        patents_per_10k_employees: null,
        candidate: false,
        official_category: row.categoryCode,
        official_partial: row.partial,
        comparison: 'only_official',
      }),
    );
  const rows = [...withEnterprises, ...officialOnly];
  const counts = { both: 0, only_derived: 0, only_official: 0, neither: 0 };
  for (const row of rows) counts[row.comparison] += 1;
  return {
    year: input.year,
    windowFirstYear: input.year - 4,
    classificationVersion: input.classificationVersion,
    minEmployees,
    minInventionPatents,
    totalEmployees,
    totalInventionPatents: totalPatents,
    averagePer10kEmployees: per10k(totalPatents, totalEmployees),
    rows,
    counts,
  };
}
