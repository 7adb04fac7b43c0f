/**
 * report.html: one self-contained page per city and month — inline CSS, inline SVG charts
 * rendered here on the server, no script, no network. A pure function of the validated report
 * (report.json, including its monthly_trend) and the national mix reference: the same inputs
 * give the same bytes.
 */
import { REPORT_FORMATS, type ReportFormat } from '../format/report-format.ts';
import type { ReportLanguage } from '../format/report-language.ts';
import { formatMonthName } from '../format/month-name.ts';
import { validateReport, type Report } from '../report-schema.ts';
import { labelsFor } from './labels.ts';
import type { NationalMix } from './national-mix.ts';
import { printPageRules } from './print-page-rules.ts';
import { withScrollableTables } from './scrollable-tables.ts';
import { dataQualitySection } from './sections/data-quality-section.ts';
import { footnoteSection } from './sections/footnote-section.ts';
import { giOutputSection } from './sections/gi-output-section.ts';
import { highValuePatentsSection } from './sections/high-value-patents-section.ts';
import { headerSection } from './sections/header-section.ts';
import { demonstrationBanner, usesDemonstrationClassification } from './sections/demonstration-banner.ts';
import { headlineTiles } from './sections/headline-tiles.ts';
import { methodsSection } from './sections/methods-section.ts';
import { patentIntensiveSection } from './sections/patent-intensive-section.ts';
import type { RenderContext } from './sections/render-context.ts';
import { reportLinksNav } from './sections/report-links.ts';
import { scorecardSection } from './sections/scorecard-section.ts';
import { revisionsSection } from './sections/revisions-section.ts';
import { selfEvaluationSection } from './sections/self-evaluation-section.ts';
import { trendsSection } from './sections/trends-section.ts';
import { NullReasonNotes } from './null-reason-notes.ts';
import { htmlDocument } from './html-document.ts';

export interface RenderReportHtmlOptions {
  /** @default 'zh' */
  readonly language?: ReportLanguage;
  /** The national patent-intensive mix shown beside the city's; null shows the city alone. @default null */
  readonly nationalMix?: NationalMix | null;
  /** The formats written beside this page, which it links to (json and xlsx; html is the page itself). @default all of REPORT_FORMATS */
  readonly formats?: readonly ReportFormat[];
}

export function renderReportHtml(report: Report, options: RenderReportHtmlOptions = {}): string {
  const language = options.language ?? 'zh';
  const labels = labelsFor(language);
  // Render only what keeps the contract: a hand-edited or stale report.json fails here, not on the page.
  const notes = new NullReasonNotes(labels);
  const context: RenderContext = { report: validateReport(report), language, labels, nationalMix: options.nationalMix ?? null, notes };
  const monthName = formatMonthName(report.period, language);
  const title = labels.reportTitle(report.city.name, monthName);
  const demonstration = usesDemonstrationClassification(context.report);
  const main = [
    demonstrationBanner(context),
    headerSection(context),
    reportLinksNav(context, options.formats ?? REPORT_FORMATS),
    headlineTiles(context),
    scorecardSection(context),
    trendsSection(context),
    patentIntensiveSection(context),
    giOutputSection(context),
    highValuePatentsSection(context),
    dataQualitySection(context),
    revisionsSection(context),
    selfEvaluationSection(context),
    // The appendix 指标解释, after the figures and before the footnotes.
    methodsSection(context),
    // Last: it lists every reason a "—" above was marked with.
    notes.footnotes(),
    footnoteSection(context),
  ]
    .filter((part) => part !== '')
    .join('\n');
  const printPage = printPageRules({
    runningHeader: labels.page.runningHeader(report.city.name, monthName),
    notice: demonstration ? labels.page.demonstrationShort : null,
    pageNumber: labels.page.pageNumber,
  });
  return htmlDocument({ lang: labels.htmlLang, title, extraCss: printPage, main: withScrollableTables(main, labels.page.scrollTable) });
}
