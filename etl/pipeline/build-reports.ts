/** Reports of configured cities for one month, from the lake: views → inputs → report.json. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CityConfig, ConfiguredCity } from '../config/city-config.ts';
import type { ObjectStore } from '../lake/object-store.ts';
import { lakeKeys } from '../lake/lake-keys.ts';
import { assembleReport } from '../reports/assemble-report.ts';
import { fetchDatasetCoverage, fetchReportInputs } from '../reports/report-queries.ts';
import { reportJsonText, type Report } from '../reports/report-schema.ts';
import { readAllManifests, rowCountsByDataset } from './data-quality.ts';
import { defaultPeriod } from './default-period.ts';
import { openLakeEngine } from './lake-engine.ts';
import { shanghaiTimestamp } from './shanghai-time.ts';

export interface BuildReportsOptions {
  readonly lake: ObjectStore;
  /** Where reports are written (`reports/city=…/period=…/report.json`). */
  readonly out: ObjectStore;
  readonly config: CityConfig;
  readonly cities: readonly ConfiguredCity[];
  /** 'YYYY-MM'; by default the latest month every flow source has reported. */
  readonly period?: string;
  readonly now?: () => Date;
}

export interface WrittenReport {
  readonly city: ConfiguredCity;
  readonly key: string;
  readonly report: Report;
}

export class NoDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoDataError';
  }
}

export async function buildReports(options: BuildReportsOptions): Promise<{ period: string; reports: WrittenReport[] }> {
  const cacheDir = await mkdtemp(path.join(tmpdir(), 'ipstats-lake-cache-'));
  const engine = await openLakeEngine(options.lake, cacheDir);
  try {
    const period = options.period ?? defaultPeriod(await fetchDatasetCoverage(engine));
    if (period === null) throw new NoDataError('the lake holds no monthly data yet, so there is no report month: ingest sources first or give --period');
    const rowCounts = rowCountsByDataset(await readAllManifests(options.lake));
    const generatedAt = shanghaiTimestamp((options.now ?? (() => new Date()))());
    // Assemble every report before writing any, so a failure leaves no partial set behind.
    const reports: WrittenReport[] = [];
    for (const city of options.cities) {
      const inputs = await fetchReportInputs(engine, { city, period, generatedAt, classificationVersion: null, rowCounts });
      reports.push({ city, key: lakeKeys.report(city.code, period, 'report.json'), report: assembleReport(inputs) });
    }
    for (const { key, report } of reports) await options.out.put(key, reportJsonText(report), { contentType: 'application/json' });
    return { period, reports };
  } finally {
    await engine.close();
    await rm(cacheDir, { recursive: true, force: true });
  }
}
