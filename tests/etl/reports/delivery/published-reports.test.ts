import { beforeEach, describe, expect, it } from 'vitest';
import { LocalObjectStore } from '../../../../etl/lake/local-object-store.ts';
import { previousPublishedReport, publishReportFiles, versionStamp } from '../../../../etl/reports/delivery/published-reports.ts';
import { renderReportFiles } from '../../../../etl/reports/delivery/report-files.ts';
import { reportJsonSchemaText } from '../../../../etl/reports/report-json-schema.ts';
import type { Report } from '../../../../etl/reports/report-schema.ts';
import { tempDir } from '../../../support/temp-dir.ts';
import { FIXTURE_REPORT } from '../html/report-fixture.ts';

describe('published reports', () => {
  let out: LocalObjectStore;
  beforeEach(async () => {
    out = new LocalObjectStore(await tempDir('published'));
  });

  const publish = async (report: Report) => publishReportFiles(out, report, await renderReportFiles(report, { formats: ['json', 'html'], language: 'zh', nationalMix: null }));

  it('keeps a replaced report with other figures under versions/, and not one with the same figures', async () => {
    expect(await publish(FIXTURE_REPORT)).toBeNull();
    // The same figures, made later: nothing to keep.
    expect(await publish({ ...FIXTURE_REPORT, generated_at: '2025-07-06T02:00:00+08:00' })).toBeNull();
    const revised = { ...FIXTURE_REPORT, generated_at: '2025-07-20T09:30:00+08:00', gi_output: { ...FIXTURE_REPORT.gi_output, year: FIXTURE_REPORT.gi_output.year } };
    revised.indicators = { ...revised.indicators, pledge_amount_cny: { ...revised.indicators.pledge_amount_cny, month: 1 } };
    expect(await publish(revised)).toBe('reports/city=440300/period=2025-06/versions/20250705T180000Z/report.json');
    const keys = (await out.list('reports/')).map((object) => object.key);
    expect(keys).toEqual([
      'reports/city=440300/period=2025-06/report.html',
      'reports/city=440300/period=2025-06/report.json',
      'reports/city=440300/period=2025-06/report.schema.json',
      'reports/city=440300/period=2025-06/versions/20250705T180000Z/report.html',
      'reports/city=440300/period=2025-06/versions/20250705T180000Z/report.json',
      'reports/city=440300/period=2025-06/versions/20250705T180000Z/report.schema.json',
    ]);
    const kept = JSON.parse(await out.getText('reports/city=440300/period=2025-06/versions/20250705T180000Z/report.json')) as Report;
    expect(kept.indicators.pledge_amount_cny.month).toBe(FIXTURE_REPORT.indicators.pledge_amount_cny.month);
    expect(kept.generated_at).toBe('2025-07-06T02:00:00+08:00');
  });

  it('publishes report.schema.json beside report.json, and keeps a version beside the schema it was written against', async () => {
    await publish(FIXTURE_REPORT);
    expect(await out.getText('reports/city=440300/period=2025-06/report.schema.json')).toBe(reportJsonSchemaText());
    // A report published before report.schema.json existed: its version has none, since there was none.
    await out.delete('reports/city=440300/period=2025-06/report.schema.json');
    const revised = { ...FIXTURE_REPORT, generated_at: '2025-07-20T09:30:00+08:00' };
    revised.indicators = { ...revised.indicators, pledge_project_count: { ...revised.indicators.pledge_project_count, month: 7 } };
    await publish(revised);
    expect((await out.list('reports/city=440300/period=2025-06/versions/')).map((object) => object.key)).toEqual([
      'reports/city=440300/period=2025-06/versions/20250704T180000Z/report.html',
      'reports/city=440300/period=2025-06/versions/20250704T180000Z/report.json',
    ]);
    expect(await out.getText('reports/city=440300/period=2025-06/report.schema.json')).toBe(reportJsonSchemaText());
  });

  it("finds the city's latest report for an earlier month, never a version or a later month", async () => {
    expect(await previousPublishedReport(out, '440300', '2025-07')).toBeNull();
    await publish(FIXTURE_REPORT);
    await publish({ ...FIXTURE_REPORT, period: '2025-04' });
    await publish({ ...FIXTURE_REPORT, period: '2025-09' });
    expect((await previousPublishedReport(out, '440300', '2025-07'))?.period).toBe('2025-06');
    expect((await previousPublishedReport(out, '440300', '2025-06'))?.period).toBe('2025-04');
    expect(await previousPublishedReport(out, '310000', '2025-07')).toBeNull();
  });

  it('says which previous report it cannot read', async () => {
    await out.put('reports/city=440300/period=2025-05/report.json', '{"period": 1}');
    await expect(previousPublishedReport(out, '440300', '2025-06')).rejects.toThrow(
      /^cannot read the previous report reports\/city=440300\/period=2025-05\/report\.json in .* to list revisions against: /,
    );
  });

  it('stamps versions in UTC', () => {
    expect(versionStamp('2025-12-05T02:00:00+08:00')).toBe('20251204T180000Z');
    expect(() => versionStamp('soon')).toThrow('a published report has generated_at "soon", which is not a time');
  });
});
