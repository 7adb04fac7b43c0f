/** Reports of configured cities for one month, from the lake: views → inputs → report.json. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CityConfig, ConfiguredCity } from '../config/city-config.ts';
import type { ObjectStore } from '../lake/object-store.ts';
import { lakeKeys } from '../lake/lake-keys.ts';
import { assembleReport } from '../reports/assemble-report.ts';
import { fetchDatasetCoverage, fetchReportInputs } from '../reports/report-queries.ts';
import type { Report } from '../reports/report-schema.ts';
import type { ReportFormat } from '../reports/format/report-format.ts';
import type { ReportLanguage } from '../reports/format/report-language.ts';
import { renderReportFiles, type ReportFile } from '../reports/delivery/report-files.ts';
import { nationalMixFor, readNationalBulletinRows } from '../reports/html/national-mix.ts';
import { writeIndexPage } from '../reports/index-page/write-index-page.ts';
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
  /** Files to write besides report.json (always written). @default ['json', 'html', 'xlsx'] */
  readonly formats?: readonly ReportFormat[];
  /** Language of report.html and index.html. @default 'zh' */
  readonly language?: ReportLanguage;
}

export const DEFAULT_REPORT_FORMATS: readonly ReportFormat[] = ['json', 'html', 'xlsx'];

export interface WrittenReport {
  readonly city: ConfiguredCity;
  /** The key of report.json. */
  readonly key: string;
  readonly report: Report;
  /** Every file written for the report (report.json first); absent means report.json alone (`key`). */
  readonly files?: readonly Pick<ReportFile, 'format' | 'key'>[];
}

export class NoDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoDataError';
  }
}

export async function buildReports(options: BuildReportsOptions): Promise<{ period: string; reports: WrittenReport[]; indexKey: string | null }> {
  const cacheDir = await mkdtemp(path.join(tmpdir(), 'ipstats-lake-cache-'));
  const engine = await openLakeEngine(options.lake, cacheDir, { materialize: options.cities.length > 1 });
  try {
    const period = options.period ?? defaultPeriod(await fetchDatasetCoverage(engine));
    if (period === null) throw new NoDataError('the lake holds no monthly data yet, so there is no report month: ingest sources first or give --period');
    const rowCounts = rowCountsByDataset(await readAllManifests(options.lake));
    const generatedAt = shanghaiTimestamp((options.now ?? (() => new Date()))());
    // Assemble every report before writing any, so a failure leaves no partial set behind.
    const formats = options.formats ?? DEFAULT_REPORT_FORMATS;
    const language = options.language ?? 'zh';
    const nationalBulletins = formats.some((format) => format !== 'json') ? readNationalBulletinRows() : [];
    const reports: (WrittenReport & { readonly rendered: readonly ReportFile[] })[] = [];
    for (const city of options.cities) {
      const inputs = await fetchReportInputs(engine, { city, period, generatedAt, classificationVersion: null, rowCounts });
      const report = assembleReport(inputs);
      const rendered = await renderReportFiles(report, { formats, language, nationalMix: nationalMixFor(report.patent_intensive.year, nationalBulletins) });
      reports.push({ city, key: lakeKeys.report(city.code, period, 'report.json'), report, files: rendered.map(({ format, key }) => ({ format, key })), rendered });
    }
    for (const { rendered } of reports) {
      for (const file of rendered) await options.out.put(file.key, file.body, { contentType: file.contentType });
    }
    const indexKey = formats.includes('html') ? await writeIndexPage(options.out, period, language) : null;
    return { period, reports: reports.map(({ rendered: _rendered, ...written }) => written), indexKey };
  } finally {
    await engine.close();
    await rm(cacheDir, { recursive: true, force: true });
  }
}
