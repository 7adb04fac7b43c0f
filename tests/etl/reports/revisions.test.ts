import { describe, expect, it } from 'vitest';
import { assembleReport } from '../../../etl/reports/assemble-report.ts';
import { PublishedReportSchema, revisionsSection, type RevisionSourceFacts } from '../../../etl/reports/revisions.ts';
import { FIXTURE_INPUT, FIXTURE_REPORT } from './html/report-fixture.ts';

// The fixture's report for 2025-06 plays last month's report (published before a correction);
// this month's report (2025-07) is assembled from the corrected series.
const previous = PublishedReportSchema.parse(JSON.parse(JSON.stringify({ ...FIXTURE_REPORT, period: '2025-06' })));

const correction: RevisionSourceFacts = {
  dataset: 'pledges',
  file: 'pledges_correction.csv',
  sha256: 'c'.repeat(64),
  ingestSeq: 3,
  ingestedAt: '2025-07-20T01:00:00.000Z',
  periods: ['2025-06'],
  supersededByPeriod: { '2024-06': 1, '2025-06': 1 },
};
const unrelated: RevisionSourceFacts = { ...correction, dataset: 'tech_contracts', file: 'contracts.csv', sha256: 'd'.repeat(64), periods: ['2024-06'], supersededByPeriod: {} };
const alreadyIncluded: RevisionSourceFacts = { ...correction, file: 'pledges.csv', sha256: 'e'.repeat(64), ingestSeq: 1 };

describe('revisionsSection', () => {
  const coverage = { runs: [{ first: '2023-01', last: '2025-07', basis: 'inferred' as const }] };
  const current = assembleReport({
    ...FIXTURE_INPUT,
    period: '2025-07',
    coverage: { ...FIXTURE_INPUT.coverage, pledges: coverage, patent_events: coverage, trademark_events: coverage },
    series: {
      ...FIXTURE_INPUT.series,
      // 2024-06 corrected from 250,000,000.00 to 240,000,000.00; 2025-06 from 123,456,789.50 to 0 (moved to July)
      pledge_amount_cny: [
        { month: '2024-06', value: '240000000.00' },
        { month: '2025-07', value: '123456789.50' },
      ],
    },
  });

  it('lists changed monthly and annual values with the deliveries since the previous report that touched them', () => {
    const section = revisionsSection({ current, previous: previous, sources: [alreadyIncluded, correction, unrelated] });
    expect(section.compared_with).toEqual({ period: '2025-06', generated_at: '2025-07-05T02:00:00+08:00' });
    const source = { dataset: 'pledges', file: 'pledges_correction.csv', sha256: 'c'.repeat(64), ingest_seq: 3, ingested_at: '2025-07-20T01:00:00.000Z' };
    expect(section.changes).toEqual([
      { indicator: 'pledge_amount_cny', period: '2024-06', figure: 'month', unit: 'cny', old: 250000000, new: 240000000, sources: [{ ...source, superseded_rows: 1 }] },
      { indicator: 'pledge_amount_cny', period: '2025-06', figure: 'month', unit: 'cny', old: 123456789.5, new: 0, sources: [{ ...source, superseded_rows: 1 }] },
      { indicator: 'pledge_amount_cny', period: '2024', figure: 'annual', unit: 'cny', old: 250000000, new: 240000000, sources: [{ ...source, superseded_rows: 1 }] },
    ]);
  });

  it('a figure that was null and now has a value is late data, not a revision; no previous report, no section', () => {
    expect(revisionsSection({ current: FIXTURE_REPORT, previous: null, sources: [correction] })).toEqual({ compared_with: null, changes: [] });
    const unchanged = revisionsSection({ current: FIXTURE_REPORT, previous: PublishedReportSchema.parse(JSON.parse(JSON.stringify(FIXTURE_REPORT))), sources: [correction] });
    expect(unchanged.changes).toEqual([]);
  });

  it('a change no delivery explains has no source (a rule or configuration change)', () => {
    const section = revisionsSection({ current, previous, sources: [alreadyIncluded] });
    expect(section.changes.map((change) => change.sources)).toEqual([[], [], []]);
  });

  it('a report published before ingestion sequences were recorded counts every delivery as new', () => {
    const { data_quality: _dropped, ...rest } = JSON.parse(JSON.stringify(previous)) as Record<string, unknown>;
    const old = PublishedReportSchema.parse({ ...rest, data_quality: {} });
    const section = revisionsSection({ current, previous: old, sources: [alreadyIncluded] });
    expect(section.changes[0]!.sources.map((source) => source.file)).toEqual(['pledges.csv']);
  });
});
