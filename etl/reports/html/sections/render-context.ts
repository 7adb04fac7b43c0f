/** What every section renderer gets: the validated report, its language and wording. */
import type { ReportLanguage } from '../../format/report-language.ts';
import type { Report } from '../../report-schema.ts';
import type { NationalMix } from '../national-mix.ts';
import type { NullReasonNotes } from '../null-reason-notes.ts';
import type { ReportLabels } from '../report-labels.ts';

export interface RenderContext {
  readonly report: Report;
  readonly language: ReportLanguage;
  readonly labels: ReportLabels;
  readonly nationalMix: NationalMix | null;
  /** The "—" of null figures with their reasons, footnoted at the end of the page. */
  readonly notes: NullReasonNotes;
}
