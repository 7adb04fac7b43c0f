import { describe, expect, it } from 'vitest';
import { printPageRules } from '../../../../etl/reports/html/print-page-rules.ts';

describe('printPageRules', () => {
  it('prints the running header top left and the page number at the foot of every A4 page', () => {
    const rules = printPageRules({ runningHeader: '深圳市 · 2025年6月', pageNumber: ['第 ', ' 页 共 ', ' 页'] });
    expect(rules).toMatch(/^@page\{size:A4;margin:16mm 12mm 14mm;@top-left\{content:"深圳市 · 2025年6月";/);
    expect(rules).toContain('@bottom-center{content:"第 " counter(page) " 页 共 " counter(pages) " 页";');
    expect(rules).not.toContain('@top-right');
  });

  it('adds the notice top right, and turns the page for landscape', () => {
    const rules = printPageRules({ runningHeader: 'Index', notice: 'Demonstration classification, not official', pageNumber: ['Page ', ' of ', ''], orientation: 'landscape' });
    expect(rules.startsWith('@page{size:A4 landscape;')).toBe(true);
    expect(rules).toMatch(/@top-right\{content:"Demonstration classification, not official";[^}]*font-weight:700/);
    expect(rules).toContain('@bottom-center{content:"Page " counter(page) " of " counter(pages) "";');
  });

  it('escapes the header text for CSS: a city name cannot break out of the string or the style element', () => {
    expect(printPageRules({ runningHeader: '市"</style>', pageNumber: ['', '/', ''] })).toContain('@top-left{content:"市\\"\\3c /style>";');
  });
});
