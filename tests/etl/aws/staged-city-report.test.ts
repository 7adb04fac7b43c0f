/**
 * The monthly run's second pass (publishStagedCityReport): a city's staged report ranked among the
 * headline figures every city's first pass returned, hand-computed; configured cities the run did
 * not assemble are missing; cities of different months are refused. Then the index step writes
 * the month's index files and removes the staged copies.
 */
import { describe, expect, it } from 'vitest';
import { assembledReportKey, publishStagedCityReport } from '../../../etl/aws/city-report.ts';
import { writePeriodIndex } from '../../../etl/aws/period-index.ts';
import { reportEventSchemaFor, type AssembledCity } from '../../../etl/aws/report-event.ts';
import { parseCityConfig } from '../../../etl/config/city-config.ts';
import { LocalObjectStore } from '../../../etl/lake/local-object-store.ts';
import { assembleReport } from '../../../etl/reports/assemble-report.ts';
import { headlinesOf } from '../../../etl/reports/peers/peer-headlines.ts';
import type { Report } from '../../../etl/reports/report-schema.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { FIXTURE_INPUT } from '../reports/html/report-fixture.ts';

const config = parseCityConfig(
  JSON.stringify({
    cities: [
      { code: '440300', name: '深圳市', programme_start_year: 2024 },
      { code: '310000', name: '上海市', programme_start_year: 2024 },
      { code: '320500', name: '苏州市', programme_start_year: 2024 },
    ],
  }),
  'cities.json',
);
const SHENZHEN = assembleReport(FIXTURE_INPUT);
const RUN = 'run-2025-07-05';
/** Shanghai as its first pass returned it: 2,000 transfers against Shenzhen's 1,237; no report staged (not needed for Shenzhen's pass). */
const SHANGHAI_HEADLINES: AssembledCity = {
  city: '310000',
  period: '2025-06',
  stagedKey: assembledReportKey(RUN, '310000'),
  headlines: { ...headlinesOf(SHENZHEN).figures, ip_transfer_licence_count: { value: 2000 } },
};

async function stagedShenzhen(): Promise<{ out: LocalObjectStore; own: AssembledCity }> {
  const out = new LocalObjectStore(await tempDir('staged-city-report'));
  const stagedKey = assembledReportKey(RUN, '440300');
  await out.put(stagedKey, JSON.stringify(SHENZHEN));
  return { out, own: { city: '440300', period: '2025-06', stagedKey, headlines: headlinesOf(SHENZHEN).figures } };
}

describe('the monthly run’s second pass', () => {
  it('stages under the staging prefix no city can read', () => {
    expect(assembledReportKey(RUN, '440300')).toBe('reports/.ipstats-staging/run-run-2025-07-05/city=440300/report.json');
  });

  it('ranks the staged report among every assembled city, lists the configured ones not assembled, and publishes it', async () => {
    const { out, own } = await stagedShenzhen();
    const written = await publishStagedCityReport({ out, config, cityCode: '440300', peers: [own, SHANGHAI_HEADLINES] });
    expect(written.files.map((file) => file.key)).toEqual(['json', 'html', 'xlsx'].map((ext) => `reports/city=440300/period=2025-06/report.${ext}`));
    const published = JSON.parse(await out.getText('reports/city=440300/period=2025-06/report.json')) as Report;
    expect(published.peer_ranks.cities).toEqual(['310000', '440300']);
    expect(published.peer_ranks.missing).toEqual(['320500']);
    expect(published.peer_ranks.by_indicator.ip_transfer_licence_count).toEqual({ rank: 2, of: 2, value_field: 'ytd' });
    // The same pledge financing: a tie, both first.
    expect(published.peer_ranks.by_indicator.pledge_amount_cny).toEqual({ rank: 1, of: 2, value_field: 'ytd' });
    // Kept for a retry of the step; the index step removes it.
    expect(await out.exists(own.stagedKey)).toBe(true);
  });

  it('refuses cities of different months, naming them', async () => {
    const { out, own } = await stagedShenzhen();
    await expect(publishStagedCityReport({ out, config, cityCode: '440300', peers: [own, { ...SHANGHAI_HEADLINES, period: '2025-05' }] })).rejects.toThrow(
      'the cities of one run must report one month: 2025-06 for 440300, but 2025-05 for 310000',
    );
  });

  it('then writes the index of the month from the published reports and removes the staged copies', async () => {
    const { out, own } = await stagedShenzhen();
    await publishStagedCityReport({ out, config, cityCode: '440300', peers: [own] });
    const index = await writePeriodIndex({ out, config, assembled: [own] });
    expect(index.keys).toEqual(['index.html', 'index.xlsx', 'index.json'].map((file) => `index/period=2025-06/${file}`));
    const json = JSON.parse(await out.getText('index/period=2025-06/index.json')) as { cities: { code: string; status: string }[] };
    expect(json.cities.map((city) => [city.code, city.status])).toEqual([
      ['310000', 'missing'],
      ['320500', 'missing'],
      ['440300', 'reported'],
    ]);
    expect(await out.list('reports/.ipstats-staging/')).toEqual([]);
  });

  it('parses each phase’s event with its own schema, so errors name the fields', () => {
    expect(() => reportEventSchemaFor({ phase: 'publish', cityCode: '440300', peers: [] }).parse({ phase: 'publish', cityCode: '440300', peers: [] })).toThrow(/peers/);
    // An unknown phase falls to the single form, which is strict: refused, not run as a single report.
    const unknownPhase = { cityCode: '440300', phase: 'rank' };
    expect(reportEventSchemaFor(unknownPhase).safeParse(unknownPhase).success).toBe(false);
  });
});
