/**
 * The classification version as printed, marked when it is a demonstration table (the sample's),
 * so a sample figure is never mistaken for an official one. `classification_is_demonstration`
 * is read when report.json carries it (the patent-intensive step adds it).
 */
import type { Report } from '../report-schema.ts';
import type { ReportLabels } from './report-labels.ts';

export function classificationLabel(report: Report, labels: ReportLabels): string {
  const version = report.classification_version;
  if (version === null) return labels.classificationMissing;
  const demonstration = (report as Report & { readonly classification_is_demonstration?: boolean | null }).classification_is_demonstration === true;
  return demonstration ? `${version}${labels.demonstrationMark}` : version;
}
