/** The counting rules in a short footnote, and the classification version. */
import { classificationLabel } from '../classification-label.ts';
import { escapeHtml } from '../html-escape.ts';
import type { RenderContext } from './render-context.ts';

export function footnoteSection({ report, labels }: RenderContext): string {
  const rules = labels.countingRules.map((rule) => `<li>${escapeHtml(rule)}</li>`).join('\n');
  const classification = classificationLabel(report, labels);
  return `<footer class="footnote">
<h2>${escapeHtml(labels.sections.countingRules)}</h2>
<ol>
${rules}
</ol>
<p>${escapeHtml(labels.classificationVersion)}: ${escapeHtml(classification)} · ipstats report.json schema ${report.schema_version}</p>
</footer>`;
}
