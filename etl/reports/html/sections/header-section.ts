/** Title, city, month, when it was generated and the classification version. */
import { formatMonthName } from '../../format/month-name.ts';
import { classificationLabel } from '../classification-label.ts';
import { escapeHtml } from '../html-escape.ts';
import type { RenderContext } from './render-context.ts';

export function headerSection({ report, language, labels }: RenderContext): string {
  const title = labels.reportTitle(report.city.name, formatMonthName(report.period, language));
  const classification = classificationLabel(report, labels);
  return `<header class="report-header">
<p class="subtitle">${escapeHtml(labels.subtitle)}</p>
<h1>${escapeHtml(title)}</h1>
<dl class="meta">
<div><dt>${language === 'zh' ? '城市代码' : 'City code'}</dt><dd>${escapeHtml(report.city.code)}</dd></div>
<div><dt>${escapeHtml(labels.generatedAt)}</dt><dd>${escapeHtml(report.generated_at.replace('T', ' ').slice(0, 16))}</dd></div>
<div><dt>${escapeHtml(labels.classificationVersion)}</dt><dd>${escapeHtml(classification)}</dd></div>
</dl>
</header>`;
}
