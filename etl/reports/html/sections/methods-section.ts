/**
 * The appendix 指标解释: every indicator's definition, data sources, formula, counting rules and
 * unit, from the one source etl/reports/methods/indicator-methods.ts. Chinese in every language
 * (the English report gets an English heading), one definition list per entry, kept whole in print.
 */
import { dataSourceText } from '../../methods/dataset-references.ts';
import { INDICATOR_METHODS } from '../../methods/indicator-methods.ts';
import { METHOD_FIELD_NAMES_ZH as FIELD, type IndicatorMethod } from '../../methods/method-entry.ts';
import { escapeHtml } from '../html-escape.ts';
import type { RenderContext } from './render-context.ts';

function field(name: string, content: string): string {
  return `<dt>${escapeHtml(name)}</dt><dd>${content}</dd>`;
}

function methodEntry(entry: IndicatorMethod): string {
  const rules = entry.countingRules.map((rule) => `<li>${escapeHtml(rule)}</li>`).join('');
  return `<section class="method" id="method-${escapeHtml(entry.id)}">
<h3>${escapeHtml(entry.nameZh)}</h3>
<dl>
${field(FIELD.definition, escapeHtml(entry.definition))}
${field(FIELD.sourceDatasets, escapeHtml(dataSourceText(entry.sourceDatasets)))}
${field(FIELD.formula, escapeHtml(entry.formula))}
${field(FIELD.countingRules, `<ol>${rules}</ol>`)}
${field(FIELD.unit, escapeHtml(entry.unit))}
</dl>
</section>`;
}

export function methodsSection({ labels }: RenderContext): string {
  return `<section class="methods" lang="zh-CN">
<h2>${escapeHtml(labels.sections.methods)}</h2>
${INDICATOR_METHODS.map(methodEntry).join('\n')}
</section>`;
}
