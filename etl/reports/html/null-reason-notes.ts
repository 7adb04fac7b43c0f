/**
 * The "—" of a null figure, with a footnote marker that says why (report.json's null_reasons):
 * each reason gets a number the first time it is used on the page, and the footnotes list them
 * at the end. One instance per rendered page.
 */
import { MISSING_VALUE } from '../format/missing-value.ts';
import type { NullReason } from '../null-reasons.ts';
import { escapeHtml } from './html-escape.ts';
import type { ReportLabels } from './report-labels.ts';

export class NullReasonNotes {
  private readonly used: NullReason[] = [];

  constructor(private readonly labels: Pick<ReportLabels, 'nullReasons' | 'nullReasonsHeading'>) {}

  /** "—" followed by the marker of `reason` (HTML); a plain "—" when no reason is known. */
  missing(reason: NullReason | undefined | null): string {
    return `${MISSING_VALUE}${this.marker(reason)}`;
  }

  /** The footnote marker of `reason` alone (HTML), numbered by first use; '' when no reason is known. */
  marker(reason: NullReason | undefined | null): string {
    if (reason === undefined || reason === null) return '';
    let index = this.used.indexOf(reason);
    if (index < 0) index = this.used.push(reason) - 1;
    const text = escapeHtml(this.labels.nullReasons[reason]);
    return `<sup class="why"><a href="#why-${index + 1}" title="${text}">${index + 1}</a></sup>`;
  }

  /** The footnotes of every reason used so far, numbered as their markers; empty when none was. */
  footnotes(): string {
    if (this.used.length === 0) return '';
    const items = this.used.map((reason, index) => `<li id="why-${index + 1}" data-reason="${reason}">${escapeHtml(this.labels.nullReasons[reason])}</li>`);
    return `<section class="null-reasons">\n<h2>${escapeHtml(this.labels.nullReasonsHeading)}</h2>\n<ol>\n${items.join('\n')}\n</ol>\n</section>`;
  }
}
