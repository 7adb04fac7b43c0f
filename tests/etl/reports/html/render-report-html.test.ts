import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../../../etl/reports/html/render-report-html.ts';
import { nationalMixFor, readNationalBulletinRows, type NationalBulletinRow } from '../../../../etl/reports/html/national-mix.ts';
import { assembleReport } from '../../../../etl/reports/assemble-report.ts';
import { rankedReports } from '../../../support/ranked-reports.ts';
import { FIXTURE_INPUT, FIXTURE_NATIONAL_MIX, FIXTURE_REPORT, FIXTURE_REPORT_WITH_PATENT_INTENSIVE } from './report-fixture.ts';

const html = renderReportHtml(FIXTURE_REPORT, { nationalMix: FIXTURE_NATIONAL_MIX });

/** The text of the table row whose header cell holds `name`, tags stripped. */
function rowText(page: string, name: string): string {
  const row = page.split('<tr>').find((part) => part.includes(`<th scope="row">${name}`));
  if (row === undefined) throw new Error(`no row ${name}`);
  return row.slice(0, row.includes('</tr>') ? row.indexOf('</tr>') : undefined).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

describe('renderReportHtml', () => {
  it('is one self-contained Chinese page: inline style, no script, no external resource', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<title>深圳市知识产权运营服务体系建设月度统计报告（2025年6月）</title>');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).not.toMatch(/@import|url\(/);
  });

  it('puts every indicator in the scorecard with its figures, target and status mark', () => {
    // A "—" carries the number of its footnote: 1 zero base, 2 not applicable, 3 zero target, 4 no classification.
    // Columns: unit, month, 本月同比, ytd, 同比, CAGR, cumulative, target, 完成率 over 序时目标, status with its reason, rank.
    // 本月同比 1,234 ÷ 9 (2024-06) − 1; 完成率 1,237 ÷ 2.88 (the grid's target to date).
    expect(rowText(html, '知识产权转让、许可次数')).toBe(
      '知识产权转让、许可次数 次 1,234 +13,611.1% 1,237 +13,644.4% +125.0% — 2 年均增长 20% 42,951.4% 序时目标 2.88 ✔ 已达标 较基期年均增长 +125.0% ≥ 目标 20% → 已达标；本年同比 +13,644.4% 第 1 / 1',
    );
    // Money in 万元 whatever its size: 123,456,789.50 元 = 12,345.68 万元; a target to date of 0 has no completion rate.
    expect(rowText(html, '知识产权质押融资金额')).toBe(
      '知识产权质押融资金额 万元 12,345.68 -50.6% 12,345.68 -50.6% — 1 — 2 年均增长 30% — 3 序时目标 0.00 ✖ 落后 较基期年均增长：基数为零，增长率无法计算；本年同比 -50.6% &lt; 目标 30% → 落后 第 1 / 1',
    );
    // 3 centres against a line of 3 × 18/36 = 1.5: 200 %; the level target itself is reached.
    expect(rowText(html, '产业知识产权运营中心数')).toBe('产业知识产权运营中心数 个 0 — 1 0 — 1 — 2 3 累计 3 200.0% 序时目标 1.5 ✔ 已达标 建设期累计 3 个 ≥ 目标 3 个 → 已达标 第 1 / 1');
    expect(rowText(html, '知识产权证券化产品数')).toBe('知识产权证券化产品数 个 0 — 1 0 — 1 — 2 0 累计 1 0.0% 序时目标 0.5 ✖ 落后 建设期累计 0 个 &lt; 序时进度 0.5（18/36 个月） → 落后 第 1 / 1');
    // GI output: 150.25 元 is 0.02 万元; no CAGR (2023 not covered), so the YTD growth decides (target 0: above 0).
    expect(rowText(html, '地理标志运用促进工程产品产值')).toBe('地理标志运用促进工程产品产值 万元 0.00 — 1 0.02 +50.3% — 5 — 2 明显提升 — 5 ▲ 进度正常 较基期年均增长：数据未覆盖该时段；本年同比 +50.3% &gt; 0 → 进度正常 第 1 / 1');
    expect(rowText(html, '专利密集型产业增加值')).toContain('明显提升');
    // Twelve in the scorecard, four on the headline tiles.
    expect(html.match(/<span class="mark mark-/g)).toHaveLength(16);
  });

  it('colours each headline tile by its status, says the status in words with its reason, and shows growth without colour', () => {
    const tiles = html.slice(html.indexOf('<section class="tiles">'), html.indexOf('</section>', html.indexOf('<section class="tiles">')));
    const tile = (id: string) => `<div class="tile status-${tiles.split('<div class="tile status-').find((part) => part.includes(`data-indicator="${id}"`))}`;
    const pledges = tile('pledge_amount_cny');
    expect(pledges).toContain('<div class="tile status-behind"');
    expect(pledges).toContain('<span class="mark mark-behind">✖ 落后</span>');
    expect(pledges).toContain('12,345.68<span class="tile-unit">万元</span>');
    expect(pledges).toContain('本年同比 -50.6% &lt; 目标 30% → 落后');
    const gi = tile('gi_output_value_cny');
    expect(gi).toContain('<div class="tile status-on_track"');
    expect(gi).toContain('<span class="mark mark-on_track">▲ 进度正常</span>');
    // The growth line has no up/down colour class: the tile's one colour is its status.
    expect(tiles).not.toMatch(/tile-growth (up|down)/);
  });

  it('says why each "—" is empty, in footnotes numbered as their markers; a status that cannot be judged is not "no data"', () => {
    // 0 transfers a year earlier: growth from nothing cannot be judged — the counts are true zeros.
    expect(rowText(html, '知识产权质押融资项目数')).toBe('知识产权质押融资项目数 项 0 — 1 0 — 1 — 1 — 2 年均增长 30% — 3 序时目标 0 — 暂无法评价 1 无法评价：基数为零，增长率无法计算 第 1 / 1');
    expect(rowText(html, '专利密集型产业增加值')).toBe('专利密集型产业增加值 万元 — 2 — 2 — 2 — 4 — 4 — 2 明显提升 — 4 — 无数据 4 无法评价：未载入专利密集型产业分类 — 4');
    expect(html).toContain('<sup class="why"><a href="#why-1" title="基数为零，增长率无法计算">1</a></sup>');
    const notes = html.slice(html.indexOf('<section class="null-reasons">'), html.indexOf('</section>', html.indexOf('<section class="null-reasons">')));
    expect([...notes.matchAll(/<li id="why-(\d)" data-reason="([a-z_]+)">([^<]+)<\/li>/g)].map((match) => match.slice(1))).toEqual([
      ['1', 'zero_base', '基数为零，增长率无法计算'],
      ['2', 'not_applicable', '不适用'],
      // the scorecard's completion rates: the grid's target to date is 0
      ['3', 'zero_target', '目标值为零，完成率无法计算'],
      ['4', 'no_classification', '未载入专利密集型产业分类'],
      ['5', 'not_covered', '数据未覆盖该时段'],
      // the fixture has no patents: the high-value patent figures
      ['6', 'no_data', '尚无该项数据'],
      // From the self-evaluation grid, the last section with figures.
      ['7', 'filled_by_city', '由城市填报'],
    ]);
  });

  it('draws the four trend charts, the category mix and the GI products as inline SVG', () => {
    const charts = [...html.matchAll(/<figure class="chart" data-chart="([^"]+)">/g)].map((match) => match[1]);
    expect(charts).toEqual([
      'ip_transfer_licence_count',
      'pledge_amount_cny',
      'patent_contract_turnover_cny',
      'gi_output_value_cny',
      'patent-intensive-mix',
      'gi-output-by-product',
    ]);
    expect(html).toContain('<figcaption id="trend-pledge-amount-cny-title">知识产权质押融资金额（万元）</figcaption>');
    expect(html).toContain('<figcaption id="trend-patent-contract-turnover-cny-title">专利技术合同成交额（万元）</figcaption>');
    // Each chart twice, wide and narrow, in one image a screen reader reads once.
    expect(html.match(/<div class="chart-wide" aria-hidden="true"><svg width="720" /g)).toHaveLength(6);
    expect(html.match(/<div class="chart-narrow" aria-hidden="true"><svg width="320" /g)).toHaveLength(6);
    expect(html).toContain('<div class="chart-image" role="img" aria-labelledby="trend-pledge-amount-cny-title" aria-describedby="trend-pledge-amount-cny-description">');
  });

  it('states what each chart shows, with the data behind it: a table of the months, or a link to the section table', () => {
    const figure = (name: string) => html.slice(html.indexOf(`data-chart="${name}"`), html.indexOf('</figure>', html.indexOf(`data-chart="${name}"`)));
    expect(figure('pledge_amount_cny')).toContain(
      '<p class="chart-description" id="trend-pledge-amount-cny-description">2023年7月至2025年6月每月知识产权质押融资金额（万元）。报告月2025年6月为 12,345.68 万元；最近12个月合计 12,345.68 万元；最高为2024年6月 25,000.00 万元。</p>',
    );
    // GI output is covered from 2024-01: the six months before are "—" with their reason.
    const gi = figure('gi_output_value_cny');
    expect(gi).toContain('<details class="chart-data"><summary>查看数据</summary>');
    expect(gi).toContain('<caption>地理标志运用促进工程产品产值（万元），2023年7月至2025年6月</caption>');
    expect(gi.match(/<tr><th scope="row">/g)).toHaveLength(24);
    expect(rowText(gi, '2023年12月')).toBe('2023年12月 — 数据未覆盖该时段');
    expect(rowText(gi, '2025年3月')).toBe('2025年3月 0.02');
    expect(rowText(gi, '2025年6月')).toBe('2025年6月 0.00 报告月');
    expect(figure('gi-output-by-product')).toContain('本年累计产值（万元），共2项：最高为南山荔枝（0.02 万元）。 各项数据见表：<a href="#gi-output-table">2025年各地理标志产品本年累计产值及用标主体数</a></p>');
    expect(html).toContain('<table id="gi-output-table">\n<caption>2025年各地理标志产品本年累计产值及用标主体数</caption>');
    expect(figure('patent-intensive-mix')).toContain('<a href="#patent-intensive-table">专利密集型产业增加值及构成（按产业类别）</a>');
    expect(html).toContain('<table id="patent-intensive-table">\n<caption>专利密集型产业增加值及构成（按产业类别）</caption>');
  });

  it('names SVG ids and classes after the chart, so they neither collide nor depend on render order', () => {
    expect(html).not.toMatch(/zr\d+-/);
    expect(html).toContain('class="trend-pledge-amount-cny-cls-0"');
    expect(renderReportHtml(FIXTURE_REPORT, { nationalMix: FIXTURE_NATIONAL_MIX })).toBe(html);
  });

  it('escapes names from the data', () => {
    expect(html).toContain('沙井蚝&lt;b&gt;');
    expect(html).not.toContain('沙井蚝<b>');
  });

  it('says the patent-intensive figures are not computed yet and shows the national mix alone', () => {
    expect(html).toContain('本市专利密集型产业增加值尚未核算');
    expect(rowText(html, '03 新装备制造业')).toBe('03 新装备制造业 — — 28.9%');
  });

  it("shows the city's category mix beside the national one when the figures exist", () => {
    const page = renderReportHtml(FIXTURE_REPORT_WITH_PATENT_INTENSIVE, { nationalMix: FIXTURE_NATIONAL_MIX });
    expect(page).not.toContain('尚未核算');
    expect(rowText(page, '01 信息通信技术制造业')).toBe('01 信息通信技术制造业 40,000.00 40.0% 19.0%');
    expect(page).toMatch(/占地区生产总值比重<\/dt><dd>12.34%/);
    // Beside it, the national share of the latest bulletin at or before the city's year (2024: share only).
    expect(page).toMatch(/占地区生产总值比重<\/dt><dd>12.34%<\/dd><\/div><div><dt>全国占国内生产总值比重（2024年）<\/dt><dd>13.38%<\/dd>/);
    expect(page).toMatch(/核算方法<\/dt><dd>企业法/);
  });

  it("prints the city's shares from report.json's exact category_mix, the same in the table and on the bars", () => {
    const section = FIXTURE_REPORT_WITH_PATENT_INTENSIVE.patent_intensive;
    const report = {
      ...FIXTURE_REPORT_WITH_PATENT_INTENSIVE,
      patent_intensive: {
        ...section,
        by_category: { '01': 123500000, '02': 876500000, '03': 0, '04': 0, '05': 0, '06': 0, '07': 0 },
        category_mix: { '01': 0.1235, '02': 0.8765, '03': 0, '04': 0, '05': 0, '06': 0, '07': 0 },
      },
    };
    const page = renderReportHtml(report, { nationalMix: FIXTURE_NATIONAL_MIX });
    // 0.1235 is exactly 12.35 %: half away from zero it is 12.4 % (0.1235 * 100 is 12.3499… as a double).
    expect(rowText(page, '01 信息通信技术制造业')).toBe('01 信息通信技术制造业 12,350.00 12.4% 19.0%');
    expect(rowText(page, '02 信息通信技术服务业')).toBe('02 信息通信技术服务业 87,650.00 87.7% 23.3%');
    const chart = page.slice(page.indexOf('data-chart="patent-intensive-mix"'), page.indexOf('</figure>', page.indexOf('data-chart="patent-intensive-mix"')));
    expect(chart).toContain('>12.4%<');
    expect(chart).not.toContain('>12.3%<');
  });

  it('prints the values on chart bars from the exact figures, not from the bar lengths', () => {
    const trend = FIXTURE_REPORT.monthly_trend;
    const pledges = [...trend.values.pledge_amount_cny.slice(0, -1), 10050];
    const gi = FIXTURE_REPORT.gi_output;
    const report = {
      ...FIXTURE_REPORT,
      monthly_trend: { ...trend, values: { ...trend.values, pledge_amount_cny: pledges } },
      gi_output: { ...gi, by_product: [{ ...gi.by_product[0]!, ytd_cny: 10050 }, gi.by_product[1]!] },
    };
    const page = renderReportHtml(report, { nationalMix: FIXTURE_NATIONAL_MIX });
    const figure = (name: string) => page.slice(page.indexOf(`data-chart="${name}"`), page.indexOf('</figure>', page.indexOf(`data-chart="${name}"`)));
    // 10,050 元 is exactly 1.005 万元 (10050 / 1e4 is 1.00499… as a double, which printed 1.00).
    expect(figure('pledge_amount_cny')).toContain('>1.01<');
    // 10,050 元 and 150.25 元 in 万元: 1.005 → 1.01 and 0.015025 → 0.02.
    expect(figure('gi-output-by-product')).toContain('>1.01<');
    expect(figure('gi-output-by-product')).toContain('>0.02<');
    expect(figure('gi-output-by-product')).not.toContain('>1.00<');
  });

  it('divides rejected by read rows exactly, rounded half away from zero', () => {
    const lake = FIXTURE_REPORT.data_quality.lake;
    const report = {
      ...FIXTURE_REPORT,
      data_quality: { ...FIXTURE_REPORT.data_quality, lake: { ...lake, by_dataset: { ...lake.by_dataset, pledges: { ...lake.by_dataset['pledges']!, rows_read: 20000, rows_rejected: 29 } } } },
    };
    const page = renderReportHtml(report, { nationalMix: FIXTURE_NATIONAL_MIX });
    // 29 ÷ 20000 is exactly 0.145 %; 29 / 20000 * 100 is 0.14499… as a double.
    expect(rowText(page.slice(page.indexOf('<table class="lake-totals">')), '知识产权质押登记')).toBe('知识产权质押登记 pledges 2 20,000 29 0.15% 2025-06');
  });

  it('lists data quality per dataset with its Chinese title and the counting rules in a footnote', () => {
    // The city's rows and rejects, the coverage and how it is known; the lake's totals apart.
    expect(rowText(html, '知识产权质押登记')).toBe('知识产权质押登记 pledges 2023-01至2025-06（推断） 40 40 0 3 required ×3');
    expect(html).toContain('以下为深圳市截至2025年6月的数据');
    const lake = html.slice(html.indexOf('<table class="lake-totals">'));
    expect(rowText(lake, '知识产权质押登记')).toBe('知识产权质押登记 pledges 2 1,200 3 0.25% 2025-06');
    // A later delivery that could not be read is named above the tables, escaped, with when and why.
    expect(html).toContain(
      '<div class="warning files-rejected-whole" role="alert"><p><strong>以下报送文件整体无法读取，其数据未计入本报告；该数据集的数据止于这些文件之前，修正后重新报送即可：</strong></p><ul>\n' +
        '<li>知识产权质押登记 <code>pledges</code>：02-pledges-&lt;2025-07&gt;.csv（2025-07-06 02:00:00 UTC 拒收；原因：line 3: CSV syntax: the quoted field that starts on this line is never closed）</li>\n</ul></div>',
    );
    expect(html).toContain('<h2>七、修订说明</h2>\n<p class="note">本市尚无更早月份的报告，无需列示修订。</p>');
    expect(html).toContain('<h2>统计口径说明</h2>');
    expect(html).toContain('专利密集型产业分类版本: 未载入');
  });

  it('writes the same report in English with --lang en', () => {
    const english = renderReportHtml(FIXTURE_REPORT, { language: 'en', nationalMix: FIXTURE_NATIONAL_MIX });
    expect(english.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(rowText(english, 'IP pledge financing amount')).toBe(
      'IP pledge financing amount 10,000 yuan 12,345.68 -50.6% 12,345.68 -50.6% — 1 — 2 30% a year — 3 target to date 0.00 ✖ behind CAGR since base year: growth from zero cannot be computed; YTD year on year -50.6% &lt; target 30% → behind 1 of 1',
    );
    expect(english).toContain('<li id="why-1" data-reason="zero_base">growth from zero cannot be computed</li>');
    expect(english).toContain('IP pledge financing (10,000 yuan)');
  });

  it('refuses a report that breaks the contract', () => {
    expect(() => renderReportHtml({ ...FIXTURE_REPORT, period: '2025-13' })).toThrow(/breaks the report contract: period: expected a month YYYY-MM/);
  });
});

describe('nationalMixFor', () => {
  const rows: NationalBulletinRow[] = [
    ...['01', '02', '03', '04', '05', '06', '07'].map((categoryCode) => ({ year: 2019, categoryCode, shareOfTotalPct: 10 })),
    ...['01', '02', '03', '06'].map((categoryCode) => ({ year: 2020, categoryCode, shareOfTotalPct: 20 })),
    ...['01', '02', '03', '04', '05', '06', '07'].map((categoryCode) => ({ year: 2022, categoryCode, shareOfTotalPct: 30 })),
  ];

  it('takes the latest bulletin year at or before the report year that gives all seven categories', () => {
    expect(nationalMixFor(2021, rows)?.year).toBe(2019);
    expect(nationalMixFor(2025, rows)?.year).toBe(2022);
    expect(nationalMixFor(null, rows)?.shares['07']).toBe(0.3);
    expect(nationalMixFor(2018, rows)).toBeNull();
  });

  it('turns the bulletin percentages into fractions exactly', () => {
    const mix = nationalMixFor(2019, readNationalBulletinRows())!;
    expect(19.9 / 100).toBe(0.19899999999999998);
    expect(mix.shares).toEqual({ '01': 0.201, '02': 0.199, '03': 0.297, '04': 0.122, '05': 0.087, '06': 0.023, '07': 0.072 });
    expect(nationalMixFor(2019, [{ year: 2019, categoryCode: '01', shareOfTotalPct: '26.9' }, ...rows.filter((row) => row.year === 2019 && row.categoryCode !== '01')])!.shares['01']).toBe(0.269);
  });
});

describe('the scorecard’s ranks', () => {
  it('shows the rank among the configured cities beside each indicator, and which cities were compared', () => {
    const shenzhen = assembleReport(FIXTURE_INPUT);
    // Shanghai: more pledge financing (2 亿元 > 1.23 亿元), the same transfers (1,237: a tie), no operation centre (0 < 3).
    const i = shenzhen.indicators;
    const shanghai = {
      ...shenzhen,
      city: { code: '310000', name: '上海市' },
      indicators: { ...i, pledge_amount_cny: { ...i.pledge_amount_cny, ytd: 200000000 }, operation_centre_count: { ...i.operation_centre_count, cumulative: 0 } },
    };
    const [ranked] = rankedReports([shenzhen, shanghai], ['320500']);
    const page = renderReportHtml(ranked!, { nationalMix: null });
    const rank = (name: string) => rowText(page, name).split(' ').slice(-4).join(' ');
    expect(rank('知识产权质押融资金额')).toBe('第 2 / 2');
    expect(rank('知识产权转让、许可次数')).toBe('第 1 / 2');
    expect(rank('产业知识产权运营中心数')).toBe('第 1 / 2');
    // Not ranked: its figure is null (no classification), the same footnote as the figure.
    expect(rowText(page, '专利密集型产业增加值').endsWith('— 无数据 4 无法评价：未载入专利密集型产业分类 — 4')).toBe(true);
    expect(page).toContain('城市排名：在本月有报告的配置城市（310000、440300）中');
    expect(page).toContain('本月无报告、未参与比较：320500。');
    expect(page).toContain('<th scope="col" class="num">城市排名</th>');
  });
});

describe('renderReportHtml: high-value invention patents', () => {
  const report = {
    ...FIXTURE_REPORT,
    high_value_patents: {
      as_of: '2025-06-30',
      invention_in_force: 60_000,
      high_value_in_force: 24_000,
      per_10k_residents: 13.49,
      resident_population: 17_790_000,
      population_year: 2024,
      pledge_threshold_cny: 10_000_000,
      by_criterion: { strategic_emerging: 18_000, overseas_family: null, maintained_over_10_years: 3_000, high_pledge: 120, award: 15 },
      missing_columns: ['overseas_family' as const],
      null_reasons: { by_criterion: { overseas_family: 'unknown_values' as const } },
    },
  };

  it('shows the figures with 件 and 件/万人, each criterion, and a marked — for an unknown one (zh)', () => {
    const page = renderReportHtml(report);
    const section = page.slice(page.indexOf('<section class="high-value-patents">'), page.indexOf('</section>', page.indexOf('<section class="high-value-patents">')));
    expect(section).toContain('<h2>五、每万人口高价值发明专利拥有量</h2>');
    expect(section).toContain('<dt>有效发明专利拥有量</dt><dd>60,000 件</dd>');
    expect(section).toContain('<dt>高价值发明专利拥有量</dt><dd>24,000 件</dd>');
    expect(section).toContain('<dt>每万人口高价值发明专利拥有量</dt><dd>13.49 件/万人</dd>');
    expect(section).toContain('<dt>常住人口（2024年）</dt><dd>17,790,000</dd>');
    expect(rowText(section, '战略性新兴产业的发明专利')).toBe('战略性新兴产业的发明专利 18,000');
    expect(rowText(section, '在海外有同族专利权的发明专利')).toMatch(/^在海外有同族专利权的发明专利 — \d+$/);
    expect(section).toContain('截至2025-06-30有效。');
    expect(page).toContain('部分专利的可选字段为空（未知）');
  });

  it('has English labels', () => {
    const page = renderReportHtml(report, { language: 'en' });
    expect(page).toContain('<dt>High-value invention patents per 10,000 residents</dt><dd>13.49 per 10,000 residents</dd>');
    expect(page).toContain('Maintained more than 10 years');
  });
});
