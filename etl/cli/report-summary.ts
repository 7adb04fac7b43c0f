/** The table `ipstats run` prints: headline figures per city, and where each report is. */
import type { WrittenReport } from '../pipeline/build-reports.ts';
import { reportLocation } from '../pipeline/run-pipeline.ts';
import { formatTable } from './text-table.ts';

const YI = 100_000_000;

function yi(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : (value / YI).toFixed(2);
}

function count(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toLocaleString('en-US');
}

function growth(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`;
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
      `${statuses.filter((status) => status === 'met').length}/${statuses.filter((status) => status === 'on_track').length}/${statuses.filter((status) => status === 'behind').length}`,
    ];
  });
  return formatTable(
    ['city', 'transfers+licences YTD', 'YoY', 'pledges YTD (亿元)', 'patent contracts YTD (亿元)', 'GI output YTD (亿元)', 'met/on track/behind'],
    rows,
    [false, true, true, true, true, true, true],
  );
}

export function reportPaths(outLocation: string, reports: readonly WrittenReport[]): string {
  return reports.map(({ city, key }) => `  ${city.code} ${city.name}: ${reportLocation(outLocation, key)}`).join('\n');
}
