/** The intensity analysis as a terminal table, CSV and JSON (`ipstats classify`). */
import { spreadsheetCsv } from '../csv-export/spreadsheet-csv.ts';
import { formatTable } from '../cli/text-table.ts';
import { isDemonstrationVersion } from './demonstration.ts';
import type { Comparison, IntensityAnalysis, IntensityResultRow } from './intensity-analysis.ts';

const COMPARISON_LABELS: Readonly<Record<Comparison, string>> = {
  both: 'both',
  only_derived: 'only derived',
  only_official: 'only official',
  neither: '—',
};

const COLUMNS: readonly (keyof IntensityResultRow)[] = [
  'industry_code',
  'industry_name',
  'enterprises',
  'employees',
  'enterprises_without_employees',
  'invention_patents_5y',
  'patents_per_10k_employees',
  'candidate',
  'official_category',
  'official_partial',
  'comparison',
];

/** What the analysis compared against, on one line; a demonstration classification is said so. */
export function classificationLine(analysis: IntensityAnalysis): string {
  const version = analysis.classificationVersion;
  if (version === null) return 'classification: none loaded (every class is compared with an empty table)';
  return isDemonstrationVersion(version)
    ? `classification: ${version} — a DEMONSTRATION table, not the official 2019 classification`
    : `classification: ${version}`;
}

export function intensityTable(analysis: IntensityAnalysis): string {
  const cell = (value: number | null) => (value === null ? '—' : value.toFixed(2));
  const rows = analysis.rows.map((row) => [
    row.industry_code,
    row.industry_name,
    String(row.enterprises),
    row.employees.toLocaleString('en-US'),
    String(row.invention_patents_5y),
    cell(row.patents_per_10k_employees),
    row.candidate ? 'yes' : '',
    row.official_category === null ? '' : `${row.official_category}${row.official_partial ? '*' : ''}`,
    COMPARISON_LABELS[row.comparison],
  ]);
  const table = formatTable(
    ['class', 'name', 'enterprises', 'employees', `inventions ${analysis.windowFirstYear}–${analysis.year}`, 'per 10k employees', 'candidate', 'official', 'comparison'],
    rows,
    [false, false, true, true, true, true, false, false, false],
  );
  return [
    `patent intensity of industries, invention patents granted ${analysis.windowFirstYear}–${analysis.year} per 10,000 employees`,
    classificationLine(analysis),
    `all-industry average: ${cell(analysis.averagePer10kEmployees)} (${analysis.totalInventionPatents} inventions, ${analysis.totalEmployees.toLocaleString('en-US')} employees); ` +
      `candidates: above the average, ≥ ${analysis.minEmployees.toLocaleString('en-US')} employees and ≥ ${analysis.minInventionPatents} inventions`,
    '',
    table,
    '',
    `both ${analysis.counts.both} · only derived ${analysis.counts.only_derived} · only official ${analysis.counts.only_official} · neither ${analysis.counts.neither}` +
      (analysis.rows.some((row) => row.official_partial) ? ' · * partial class in the classification' : ''),
  ].join('\n');
}

export function intensityCsv(analysis: IntensityAnalysis): string {
  const data = analysis.rows.map((row) => COLUMNS.map((column) => row[column]));
  return spreadsheetCsv(COLUMNS, data);
}

export function intensityJson(analysis: IntensityAnalysis): string {
  const version = analysis.classificationVersion;
  const document = {
    year: analysis.year,
    window_first_year: analysis.windowFirstYear,
    classification_version: version,
    classification_is_demonstration: version === null ? null : isDemonstrationVersion(version),
    min_employees: analysis.minEmployees,
    min_invention_patents: analysis.minInventionPatents,
    total_employees: analysis.totalEmployees,
    total_invention_patents: analysis.totalInventionPatents,
    average_per_10k_employees: analysis.averagePer10kEmployees,
    counts: analysis.counts,
    rows: analysis.rows,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
