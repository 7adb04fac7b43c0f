/**
 * The table `ipstats run` prints: headline figures per city, and where each report is. Figures
 * are rounded like the reports', half away from zero on the exact decimal (format/decimal-text.ts).
 */
import type { WrittenReport } from '../pipeline/build-reports.ts';
import { reportLocation } from '../pipeline/report-location.ts';
import { formatCount } from '../reports/format/count.ts';
import { amountIn } from '../reports/format/money.ts';
import { formatPercent } from '../reports/format/percent.ts';
import { MISSING_VALUE } from '../reports/format/missing-value.ts';
import { formatTable } from './text-table.ts';

const YI = { divisor: 100_000_000, unit: '亿元' } as const;

/** Yuan in 亿元, two decimals, from the exact quotient (not value / 1e8 as a double). */
function yi(value: number | null | undefined): string {
  return value === null || value === undefined ? MISSING_VALUE : amountIn(value, YI);
}

function count(value: number | null | undefined): string {
  return value === null || value === undefined ? MISSING_VALUE : formatCount(value);
}

function growth(value: number | null | undefined): string {
  return value === null || value === undefined ? MISSING_VALUE : formatPercent(value, 1);
}

export function reportSummaryTable(reports: readonly WrittenReport[]): string {
  const rows = reports.map(({ city, report }) => {
    const indicators = report.indicators;
    const statuses = Object.values(indicators).map((indicator) => indicator.status);
    return [
      `${city.code} ${city.name}`,
      count(indicators['ip_transfer_licence_count']?.ytd),
      growth(indicators['ip_transfer_licence_count']?.yoy_growth),
      yi(indicators['pledge_amount_cny']?.ytd),
      yi(indicators['patent_contract_turnover_cny']?.ytd),
      yi(indicators['gi_output_value_cny']?.ytd),
      patentIntensiveCell(report),
      share(report.patent_intensive.share_of_gdp),
      `${statuses.filter((status) => status === 'met').length}/${statuses.filter((status) => status === 'on_track').length}/${statuses.filter((status) => status === 'behind').length}`,
    ];
  });
  return formatTable(
    ['city', 'transfers+licences YTD', 'YoY', 'pledges YTD (亿元)', 'patent contracts YTD (亿元)', 'GI output YTD (亿元)', 'patent-intensive VA (亿元)', 'of GDP', 'met/on track/behind'],
    rows,
    [false, true, true, true, true, true, true, true, true],
  ) + patentIntensiveBreakdown(reports) + patentIntensiveFootnote(reports);
}

/** The 7-category breakdown of the headline figure, with its method and classification version. */
function patentIntensiveBreakdown(reports: readonly WrittenReport[]): string {
  const withFigures = reports.filter(({ report }) => report.patent_intensive.value_added_cny !== null);
  if (withFigures.length === 0) return '';
  const codes = ['01', '02', '03', '04', '05', '06', '07'] as const;
  const rows = withFigures.map(({ city, report }) => {
    const section = report.patent_intensive;
    return [`${city.code} ${city.name}`, String(section.year), section.method ?? '—', section.classification_version ?? '—', ...codes.map((code) => yi(section.by_category[code])), yi(section.value_added_cny)];
  });
  const table = formatTable(['patent-intensive VA (亿元)', 'year', 'method', 'classification', ...codes, 'total'], rows, [false, true, false, false, ...codes.map(() => true), true]);
  return `\n\n${table}`;
}

/** "45.73 (2025) *": value added of the headline method and its year; * = demonstration classification. */
function patentIntensiveCell(report: WrittenReport['report']): string {
  const section = report.patent_intensive;
  if (section.value_added_cny === null) return '—';
  return `${yi(section.value_added_cny)} (${section.year})${section.classification_is_demonstration ? ' *' : ''}`;
}

function share(value: number | null): string {
  return value === null ? MISSING_VALUE : formatPercent(value, 2);
}

/** Says on the face of the output when figures come from a demonstration classification. */
function patentIntensiveFootnote(reports: readonly WrittenReport[]): string {
  const demo = [...new Set(reports.filter(({ report }) => report.classification_is_demonstration).map(({ report }) => report.classification_version))];
  return demo.length === 0 ? '' : `\n* patent-intensive value added computed from the DEMONSTRATION classification ${demo.join(', ')}, not the official 2019 table: not for publication`;
}

export function reportPaths(outLocation: string, reports: readonly WrittenReport[]): string {
  return reports.map(({ city, key }) => `  ${city.code} ${city.name}: ${reportLocation(outLocation, key)}`).join('\n');
}
