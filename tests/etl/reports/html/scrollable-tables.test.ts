import { describe, expect, it } from 'vitest';
import { withScrollableTables } from '../../../../etl/reports/html/scrollable-tables.ts';

const wrapped = (name: string, table: string) => `<div class="table-scroll" role="region" tabindex="0" aria-label="${name}">\n${table}\n</div>`;

describe('withScrollableTables', () => {
  it('wraps a table in a focusable region named after the heading above it', () => {
    const table = '<table><tr><td>1</td></tr></table>';
    expect(withScrollableTables(`<h2>一、总览 <small>x</small></h2>\n<p>p</p>\n${table}`, '表格')).toBe(`<h2>一、总览 <small>x</small></h2>\n<p>p</p>\n${wrapped('一、总览 x', table)}`);
  });

  it('names it after its caption when it has one, and after the fallback when nothing precedes it', () => {
    const captioned = '<table><caption>分产品 &amp; 产值</caption><tr><td>1</td></tr></table>';
    const bare = '<table class="x"><tr><td>2</td></tr></table>';
    expect(withScrollableTables(`${bare}<h3>A &quot;B&quot;</h3>${captioned}`, 'Table "1"')).toBe(`${wrapped('Table &quot;1&quot;', bare)}<h3>A &quot;B&quot;</h3>${wrapped('分产品 &amp; 产值', captioned)}`);
  });

  it('replaces a section\'s own scroll container instead of nesting one in it', () => {
    const table = '<table class="city-quality"><tr><td>1</td></tr></table>';
    expect(withScrollableTables(`<h2>六</h2>\n<div class="table-scroll">\n${table}\n</div>\n<p>after</p>`, '表格')).toBe(`<h2>六</h2>\n${wrapped('六', table)}\n<p>after</p>`);
  });

  it('leaves a </div> after an unwrapped table to the element it closes', () => {
    const table = '<table><tr><td>1</td></tr></table>';
    expect(withScrollableTables(`<div class="card"><h3>H</h3>${table}</div>`, '表格')).toBe(`<div class="card"><h3>H</h3>${wrapped('H', table)}</div>`);
  });

  it('refuses a scroll container that holds more than its table', () => {
    expect(() => withScrollableTables('<div class="table-scroll"><table><tr><td>1</td></tr></table><p>more</p></div>', '表格')).toThrow(/a <div class="table-scroll"> holds more than its table/);
  });
});
