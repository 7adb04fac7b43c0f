import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../../../etl/reports/html/render-report-html.ts';
import { FIXTURE_REPORT } from './report-fixture.ts';

const html = renderReportHtml(FIXTURE_REPORT);
const section = html.slice(html.indexOf('<section class="self-evaluation">'), html.indexOf('</section>', html.indexOf('<section class="self-evaluation">')));

/** The text of the grid's row of `key`, tags stripped. */
function gridRow(page: string, key: string): string {
  const start = page.indexOf(`<tr data-row="${key}">`);
  if (start < 0) throw new Error(`no row ${key}`);
  return page.slice(start, page.indexOf('</tr>', start)).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

describe('report.html: the self-evaluation grid (绩效自评表)', () => {
  it('is a section after the revisions, titled with the city, the year and the month the year runs to', () => {
    expect(html.indexOf('<h2>八、绩效自评表</h2>')).toBeGreaterThan(html.indexOf('<h2>七、修订说明</h2>'));
    expect(section).toContain('深圳市知识产权运营服务体系建设项目支出绩效自评表（2025年，截至6月） · 分值：默认权重');
  });

  it('has the form\'s two-row header: 指标值 merged over the annual and to-date targets, the other headers spanning both rows', () => {
    expect(section).toContain('<th scope="col" rowspan="2">一级指标</th><th scope="col" rowspan="2">二级指标</th><th scope="col" rowspan="2">三级指标</th><th scope="col" rowspan="2">单位</th><th scope="colgroup" colspan="2">指标值</th>');
    expect(section).toContain('<tr><th scope="col" class="num">年度指标值</th><th scope="col" class="num">序时目标（截至6月）</th></tr>');
    expect(section).toContain('<th scope="col" rowspan="2">偏差原因分析及改进措施</th>');
  });

  it('merges 一级 and 二级 cells over their rows: 8 output rows, 4 benefit rows', () => {
    expect(section).toContain('<th scope="rowgroup" rowspan="8">产出指标</th>\n<th scope="rowgroup" rowspan="8">数量指标</th>');
    expect(section).toContain('<th scope="rowgroup" rowspan="4">效益指标</th>\n<th scope="rowgroup" rowspan="4">经济效益指标</th>');
    expect(section.match(/scope="rowgroup"/g)).toHaveLength(8);
  });

  it('prints each row\'s figures; a row behind its target says so in words, not by colour alone', () => {
    expect(gridRow(section, 'ip_transfer_licence_count')).toBe('产出指标 数量指标 知识产权转让、许可次数 次 5.76 2.88 1,237 42,951.4% 6.25 6.25');
    expect(gridRow(section, 'ip_custody_sme_count')).toBe('知识产权托管中小企业数 家 666.67 500 0 0.0% 6.25 0.00 ✖ 未达序时进度，请填写偏差原因及改进措施');
    expect(gridRow(section, 'pledge_amount_cny')).toBe('效益指标 经济效益指标 知识产权质押融资金额 万元 0.00 0.00 12,345.68 — 3 7.50 — 3');
    expect(gridRow(section, 'gi_output_value_cny')).toBe('地理标志运用促进工程产品产值 万元 — 5 — 5 0.02 — 5 7.50 — 5 — 数据缺失，无法计算完成率，请说明情况');
    expect(gridRow(section, 'satisfaction')).toBe('满意度指标 服务对象满意度指标 服务对象满意度 % — 7 — 7 — 7 — 7 10.00 — 7 ✎ 由城市填报');
  });

  it('totals the scores and shows the points still to be filled by the city apart', () => {
    expect(section).toContain('<tfoot>\n<tr><th scope="row" colspan="8">总分</th><td class="num">100.00</td><td class="num">12.50</td><td>待城市填报分值 20.00；因数据缺失或目标为零未评分 36.25</td></tr>');
  });

  it('has English labels', () => {
    const english = renderReportHtml(FIXTURE_REPORT, { language: 'en' });
    expect(english).toContain('<h2>8. Performance self-evaluation</h2>');
    expect(english).toContain('<th scope="colgroup" colspan="2">Target</th>');
    expect(gridRow(english, 'ip_custody_sme_count')).toContain('Behind the target to date: the city states why and what it will do');
  });
});
