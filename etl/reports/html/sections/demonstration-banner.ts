/**
 * The banner over a report whose patent-intensive figures were computed with a demonstration
 * classification (the sample's): on screen and on paper, so a printed page is never mistaken for
 * official statistics (its running header says it too: render-report-html.ts).
 */
import { escapeHtml } from '../html-escape.ts';
import type { Report } from '../../report-schema.ts';
import type { RenderContext } from './render-context.ts';

export function usesDemonstrationClassification(report: Report): boolean {
  return report.patent_intensive.classification_is_demonstration === true;
}

export function demonstrationBanner({ report, labels }: RenderContext): string {
  if (!usesDemonstrationClassification(report)) return '';
  return `<p class="demonstration-banner" role="note">${escapeHtml(labels.page.demonstrationBanner)}</p>`;
}
