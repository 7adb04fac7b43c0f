import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  indicatorMethodsMarkdown,
  METHODS_SECTION_END,
  METHODS_SECTION_START,
  methodsSectionOf,
  withMethodsSection,
} from '../../../../etl/reports/methods/indicator-methods-markdown.ts';
import type { IndicatorMethod } from '../../../../etl/reports/methods/method-entry.ts';

const DOC = readFileSync(new URL('../../../../docs/indicators.md', import.meta.url), 'utf8');

const ENTRY: IndicatorMethod = {
  id: 'pledge_project_count',
  nameZh: '知识产权质押融资项目数',
  definition: '定义文字。',
  sourceDatasets: ['pledges'],
  formula: '公式文字。',
  countingRules: ['规则一。', '规则二。'],
  unit: '项',
};

describe('docs/indicators.md 指标解释 (generated)', () => {
  it('is exactly what etl/reports/methods/indicator-methods.ts generates (run scripts/write-indicator-methods-doc.ts)', () => {
    expect(methodsSectionOf(DOC)).toBe(indicatorMethodsMarkdown());
  });

  it('writes one entry as a heading and a list of the six fields', () => {
    const section = indicatorMethodsMarkdown([ENTRY]);
    expect(section.startsWith(`${METHODS_SECTION_START}\n## 指标解释 (generated)\n`)).toBe(true);
    expect(section.endsWith(
      [
        '### 知识产权质押融资项目数（`pledge_project_count`）',
        '',
        '- **定义**：定义文字。',
        '- **数据来源**：知识产权质押登记（pledges）',
        '- **计算公式**：公式文字。',
        '- **计数规则**：',
        '  1. 规则一。',
        '  2. 规则二。',
        '- **计量单位**：项',
        METHODS_SECTION_END,
      ].join('\n'),
    )).toBe(true);
  });

  it('replaces only what lies between the markers', () => {
    const document = `# Title\n\nbefore\n${METHODS_SECTION_START}\nold\n${METHODS_SECTION_END}\nafter\n`;
    expect(withMethodsSection(document, 'NEW')).toBe('# Title\n\nbefore\nNEW\nafter\n');
  });

  it('refuses a document without the markers, or with them twice', () => {
    const message = `docs/indicators.md: expected the markers "${METHODS_SECTION_START}" and "${METHODS_SECTION_END}" once each, in that order`;
    expect(() => withMethodsSection('# no markers\n', 'NEW')).toThrow(message);
    expect(() => withMethodsSection(`${METHODS_SECTION_END}\n${METHODS_SECTION_START}\n`, 'NEW')).toThrow(message);
    expect(() => withMethodsSection(`${METHODS_SECTION_START}${METHODS_SECTION_END}${METHODS_SECTION_START}${METHODS_SECTION_END}`, 'NEW')).toThrow(message);
  });
});
