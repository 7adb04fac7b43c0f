import { describe, expect, it } from 'vitest';
import { cssString } from '../../../../etl/reports/html/css-string.ts';

describe('cssString', () => {
  it('quotes plain text, Chinese included, unchanged', () => {
    expect(cssString('深圳市 · 2025年6月')).toBe('"深圳市 · 2025年6月"');
  });

  it('backslashes a double quote and a backslash', () => {
    expect(cssString('a"b\\c')).toBe('"a\\"b\\\\c"');
  });

  it('escapes a line break, a tab and other control characters by code point, and NUL as U+FFFD', () => {
    expect(cssString('a\nb\tc\u007fd\u0000e')).toBe('"a\\a b\\9 c\\7f d\uFFFDe"');
  });

  it('escapes < so the text can never close the inline <style> element', () => {
    const escaped = cssString('x</style><script>alert(1)</script>');
    expect(escaped).toBe('"x\\3c /style>\\3c script>alert(1)\\3c /script>"');
    expect(escaped).not.toContain('</');
  });
});
