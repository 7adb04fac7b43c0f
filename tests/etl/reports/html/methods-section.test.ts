import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../../../etl/reports/html/render-report-html.ts';
import { escapeHtml } from '../../../../etl/reports/html/html-escape.ts';
import { dataSourceText } from '../../../../etl/reports/methods/dataset-references.ts';
import { INDICATOR_METHODS } from '../../../../etl/reports/methods/indicator-methods.ts';
import { FIXTURE_NATIONAL_MIX, FIXTURE_REPORT } from './report-fixture.ts';

const zh = renderReportHtml(FIXTURE_REPORT, { nationalMix: FIXTURE_NATIONAL_MIX });
const en = renderReportHtml(FIXTURE_REPORT, { nationalMix: FIXTURE_NATIONAL_MIX, language: 'en' });

function appendix(page: string): string {
  const start = page.indexOf('<section class="methods" lang="zh-CN">');
  if (start < 0) throw new Error('no 指标解释 appendix');
  return page.slice(start, page.indexOf('\n</section>', page.lastIndexOf('<section class="method" ')) + '\n</section>'.length);
}

describe('report.html appendix 指标解释', () => {
  it('comes after the last section of figures and before the footnotes', () => {
    const at = zh.indexOf('<section class="methods"');
    expect(at).toBeGreaterThan(zh.indexOf('<h2>七、修订说明</h2>'));
    expect(at).toBeLessThan(zh.indexOf('<section class="null-reasons">'));
    expect(at).toBeLessThan(zh.indexOf('<footer class="footnote">'));
    expect(appendix(zh)).toContain('<h2>附录：指标解释</h2>');
  });

  it('gives every entry its definition, data sources, formula, numbered counting rules and unit', () => {
    const section = appendix(zh);
    expect(section.match(/<section class="method" id="method-/g)).toHaveLength(INDICATOR_METHODS.length);
    for (const method of INDICATOR_METHODS) {
      const start = section.indexOf(`<section class="method" id="method-${method.id}">`);
      expect(start, method.id).toBeGreaterThan(0);
      const block = section.slice(start, section.indexOf('</section>', start));
      expect(block).toContain(`<h3>${escapeHtml(method.nameZh)}</h3>`);
      expect(block).toContain(`<dt>定义</dt><dd>${escapeHtml(method.definition)}</dd>`);
      expect(block).toContain(`<dt>数据来源</dt><dd>${escapeHtml(dataSourceText(method.sourceDatasets))}</dd>`);
      expect(block).toContain(`<dt>计算公式</dt><dd>${escapeHtml(method.formula)}</dd>`);
      expect(block).toContain(`<dt>计数规则</dt><dd><ol>${method.countingRules.map((rule) => `<li>${escapeHtml(rule)}</li>`).join('')}</ol></dd>`);
      expect(block).toContain(`<dt>计量单位</dt><dd>${escapeHtml(method.unit)}</dd>`);
    }
    expect(section).toContain('<dt>数据来源</dt><dd>知识产权质押登记（pledges）</dd>');
  });

  it('stays in Chinese in the English report, under an English heading', () => {
    const section = appendix(en);
    expect(section).toContain('<h2>Methods (in Chinese)</h2>');
    expect(section).toBe(appendix(zh).replace('<h2>附录：指标解释</h2>', '<h2>Methods (in Chinese)</h2>'));
    expect(en.indexOf('<section class="methods"')).toBeLessThan(en.indexOf('<footer class="footnote">'));
  });

  it('prints on a page of its own, each entry kept whole', () => {
    expect(zh).toContain('section.methods{break-before:page}');
    expect(zh).toContain('section.method{break-inside:avoid}');
  });
});
