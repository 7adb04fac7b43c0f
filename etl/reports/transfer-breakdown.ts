/**
 * The transfer / licence split by direction (local, inflow, outflow) for the report month and
 * the year to date — an extension of ip_transfer_licence_count. Same coverage rule as the
 * indicator: null when a month of the window is outside the coverage of patent_events and
 * trademark_events.
 */
import { covers, jointCoverage, type CoverageByDataset } from './coverage.ts';
import { INDICATORS } from './indicators.ts';
import { firstMonthOfYear, monthIndex, yearOf } from './period.ts';
import type { TransferBreakdown } from './report-schema.ts';
import type { TransferFlowRow } from './report-inputs.ts';

type FlowCounts = NonNullable<TransferBreakdown['month']>;

export function transferBreakdown(rows: readonly TransferFlowRow[], coverage: CoverageByDataset, period: string): TransferBreakdown {
  const covered = jointCoverage(INDICATORS.ip_transfer_licence_count.governingDatasets, coverage);
  const yearStart = firstMonthOfYear(yearOf(period));
  return {
    month: covers(covered, period, period) ? countFlows(rows, period, period) : null,
    ytd: covers(covered, yearStart, period) ? countFlows(rows, yearStart, period) : null,
  };
}

function countFlows(rows: readonly TransferFlowRow[], from: string, to: string): FlowCounts {
  const counts = { local: 0, inflow: 0, outflow: 0 };
  const first = monthIndex(from);
  const last = monthIndex(to);
  for (const row of rows) {
    const index = monthIndex(row.month);
    if (index >= first && index <= last) counts[row.flow] += row.eventCount;
  }
  return counts;
}
