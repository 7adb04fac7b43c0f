/** The wording of one language. */
import type { ReportLanguage } from '../format/report-language.ts';
import { LABELS_EN } from './labels-en.ts';
import { LABELS_ZH } from './labels-zh.ts';
import type { LabelsByLanguage, ReportLabels } from './report-labels.ts';

const LABELS: LabelsByLanguage = { zh: LABELS_ZH, en: LABELS_EN };

export function labelsFor(language: ReportLanguage): ReportLabels {
  return LABELS[language];
}
