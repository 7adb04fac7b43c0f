/** Reports of configured cities for one month, from the lake: views → inputs → report.json. */
import type { CityConfig, ConfiguredCity } from '../config/city-config.ts';
import type { ObjectStore } from '../lake/object-store.ts';
import { lakeKeys } from '../lake/lake-keys.ts';
import { requireIngestedLake } from '../lake/require-ingested-lake.ts';
import { publishReportSet } from '../reports/delivery/published-reports.ts';
import { assembleCityReport, startReportRun } from '../reports/report-run.ts';
import { withPeerRanks, type Report } from '../reports/report-schema.ts';
import type { ReportFormat } from '../reports/format/report-format.ts';
import type { ReportLanguage } from '../reports/format/report-language.ts';
import { renderReportFiles, type ReportFile } from '../reports/delivery/report-files.ts';
import { nationalMixFor, readNationalBulletinRows } from '../reports/html/national-mix.ts';
import { indexFiles } from '../reports/index-page/write-index-page.ts';
import { periodPeers } from '../reports/peers/period-peers.ts';
import type { Logger } from '../cli/logger.ts';
import { asDiskFullError, NOTHING_PUBLISHED } from '../lake/disk-full.ts';
import { makeWorkFolder, removeWorkFolder } from '../work-folders/work-folders.ts';
import { openLakeEngine } from './lake-engine.ts';
import { shanghaiTimestamp } from './shanghai-time.ts';

export interface BuildReportsOptions {
  readonly lake: ObjectStore;
  /** Where reports are written (`reports/city=…/period=…/report.json`). */
  readonly out: ObjectStore;
  readonly config: CityConfig;
  readonly cities: readonly ConfiguredCity[];
  /** 'YYYY-MM'; by default the latest month every flow source covers. */
  readonly period?: string;
  readonly now?: () => Date;
  /** Files to write besides report.json (always written). @default ['json', 'html', 'xlsx'] */
  readonly formats?: readonly ReportFormat[];
  /** Language of report.html and index.html. @default 'zh' */
  readonly language?: ReportLanguage;
  /** Told when a staging left by a killed publication is removed. @default silent */
  readonly logger?: Logger;
}

export const DEFAULT_REPORT_FORMATS: readonly ReportFormat[] = ['json', 'html', 'xlsx'];

export interface WrittenReport {
  readonly city: ConfiguredCity;
  /** The key of report.json. */
  readonly key: string;
  readonly report: Report;
  /** Every file written for the report (report.json first; report.schema.json beside it is not listed); absent means report.json alone (`key`). */
  readonly files?: readonly Pick<ReportFile, 'format' | 'key'>[];
}

/** The month a run with these options would report (the checks of startReportRun included), without writing anything. */
export async function reportPeriodOf(options: Pick<BuildReportsOptions, 'lake' | 'cities' | 'period'>): Promise<string> {
  await requireIngestedLake(options.lake);
  const cacheDir = await makeWorkFolder('lake-cache');
  const engine = await openLakeEngine(options.lake, cacheDir);
  try {
    const run = await startReportRun({ engine, lake: options.lake, cities: options.cities, period: options.period, generatedAt: shanghaiTimestamp(new Date()) });
    return run.period;
  } finally {
    await engine.close();
    await removeWorkFolder(cacheDir);
  }
}

export async function buildReports(options: BuildReportsOptions): Promise<{ period: string; reports: WrittenReport[]; indexKey: string | null }> {
  try {
    return await buildAndPublish(options);
  } catch (error) {
    // The lake cache is a temporary folder; the reports are staged in the output store.
    throw asDiskFullError(error, options.out.location, NOTHING_PUBLISHED);
  }
}

async function buildAndPublish(options: BuildReportsOptions): Promise<{ period: string; reports: WrittenReport[]; indexKey: string | null }> {
  // Before the engine opens (it creates curated/ in a local lake): a missing lake is refused, not created.
  await requireIngestedLake(options.lake);
  const cacheDir = await makeWorkFolder('lake-cache');
  const engine = await openLakeEngine(options.lake, cacheDir, { materialize: options.cities.length > 1 });
  try {
    const generatedAt = shanghaiTimestamp((options.now ?? (() => new Date()))());
    // Refuses (ReportPeriodError) before anything is written: no report is ever blank.
    const run = await startReportRun({ engine, lake: options.lake, cities: options.cities, period: options.period, generatedAt });
    const { period } = run;
    // Assemble every report before writing any, so a failure leaves no partial set behind.
    const formats = options.formats ?? DEFAULT_REPORT_FORMATS;
    const language = options.language ?? 'zh';
    const nationalBulletins = formats.some((format) => format !== 'json') ? readNationalBulletinRows() : [];
    const assembled = [];
    for (const city of options.cities) assembled.push({ city, report: await assembleCityReport(engine, options.out, run, city) });
    // Ranks need every configured city's figures: this run's reports over the published ones of the month.
    const peers = await periodPeers({ store: options.out, period, configured: options.config.cities, runReports: assembled.map(({ report }) => report) });
    const reports: (WrittenReport & { readonly rendered: readonly ReportFile[] })[] = [];
    for (const { city, report: unranked } of assembled) {
      const report = withPeerRanks(unranked, peers.ranks.get(city.code)!);
      const rendered = await renderReportFiles(report, { formats, language, nationalMix: nationalMixFor(report.patent_intensive.year, nationalBulletins) });
      reports.push({ city, key: lakeKeys.report(city.code, period, 'report.json'), report, files: rendered.map(({ format, key }) => ({ format, key })), rendered });
    }
    const pendingFormats = new Map(reports.map(({ city }) => [city.code, ['json', ...formats] as const]));
    // index.html, index.xlsx and index.json with every run that writes html (`--format json` writes report.json alone).
    const index = formats.includes('html') ? await indexFiles({ store: options.out, peers, language, pendingFormats }) : [];
    // All or nothing: the whole set is staged, then replaces the published files; a replaced report
    // with other figures is kept under versions/ first (published-reports.ts, staged-publication.ts).
    await publishReportSet(options.out, reports.map(({ report, rendered }) => ({ report, files: rendered })), index, {
      onLeftoverRemoved: (prefix) => options.logger?.warn('removed a staging folder left by an interrupted publication', { location: options.out.location, staging: prefix }),
    });
    // The page people open: index.html.
    const indexKey = index[0]?.key ?? null;
    return { period, reports: reports.map(({ rendered: _rendered, ...written }) => written), indexKey };
  } finally {
    await engine.close();
    await removeWorkFolder(cacheDir);
  }
}
