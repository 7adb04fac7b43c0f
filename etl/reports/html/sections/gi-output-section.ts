/** GI products: the year-to-date totals, a bar per product and the product table. */
import { formatCount } from '../../format/count.ts';
import { amountIn } from '../../format/money.ts';
import { displayAmount, displayMoney, moneyDisplayScale } from '../../format/display-unit.ts';
import { trimmedNumber } from '../../format/grouped-number.ts';
import type { NullReason } from '../../null-reasons.ts';
import { describeBars } from '../chart-description.ts';
import { chartFigure } from '../chart-figure.ts';
import { COLORS } from '../chart-style.ts';
import { renderHorizontalBarChart } from '../horizontal-bar-chart.ts';
import { escapeHtml } from '../html-escape.ts';
import { tableHead } from '../table-head.ts';
import type { RenderContext } from './render-context.ts';

export function giOutputSection({ report, language, labels, notes }: RenderContext): string {
  const gi = report.gi_output;
  const g = labels.gi;
  const money = (yuan: number | null, reason: NullReason | undefined) => (yuan === null ? notes.missing(reason) : escapeHtml(displayMoney(yuan, language)));
  const totals = `<dl class="figures">
<div><dt>${escapeHtml(`${gi.year} ${g.totalPromotion}`)}</dt><dd>${money(gi.ytd_promotion_project_cny, gi.null_reasons.ytd_promotion_project_cny)}</dd></div>
<div><dt>${escapeHtml(`${gi.year} ${g.totalAll}`)}</dt><dd>${money(gi.ytd_all_cny, gi.null_reasons.ytd_all_cny)}</dd></div>
</dl>`;
  if (gi.by_product.length === 0) {
    // Not covered: the totals say why; covered: a true zero, said as such.
    const note = gi.ytd_all_cny === null ? g.notCovered : g.none;
    return `<section class="gi-output">\n<h2>${escapeHtml(labels.sections.giOutput)}</h2>\n${totals}\n<p class="note missing">${escapeHtml(note)}</p>\n</section>`;
  }
  // 万元 like every amount of the page, so the chart, the table and the tiles compare by eye.
  const scale = moneyDisplayScale(language);
  const products = gi.by_product.map((product) => product.name);
  const caption = labels.charts.titleWithUnit(g.ytd, scale.unit);
  const tableCaption = labels.charts.giTableCaption(gi.year);
  const chart = chartFigure({
    name: 'gi-output-by-product',
    chartId: 'gi-output-by-product',
    caption,
    render: (layout) =>
      renderHorizontalBarChart(
        {
          chartId: 'gi-output-by-product',
          // The caption names the unit (万元); "10,000 yuan" at the axis end would not fit a phone.
          axisName: '',
          labels: products,
          series: [
            {
              name: g.ytd,
              color: COLORS.primary,
              values: gi.by_product.map((product) => product.ytd_cny / scale.divisor),
              texts: gi.by_product.map((product) => amountIn(product.ytd_cny, scale, 2)),
              itemColors: gi.by_product.map((product) => (product.in_promotion_project ? COLORS.primary : COLORS.primaryLight)),
            },
          ],
          formatTick: (value) => trimmedNumber(value, 2),
        },
        layout,
      ),
    description: describeBars({
      title: caption,
      categories: products,
      series: [{ name: g.ytd, values: gi.by_product.map((product) => product.ytd_cny), texts: gi.by_product.map((product) => displayMoney(product.ytd_cny, language)) }],
      labels,
    }),
    table: { id: 'gi-output-table', caption: tableCaption, lead: labels.charts.dataInTable },
  });
  const rows = gi.by_product.map(
    (product) =>
      `<tr><th scope="row">${escapeHtml(product.name)}</th><td>${escapeHtml(product.gi_id)}</td><td>${escapeHtml(product.in_promotion_project ? g.yes : g.no)}</td><td class="num">${escapeHtml(displayAmount(product.ytd_cny, 'cny', language))}</td><td class="num">${escapeHtml(formatCount(product.users))}</td></tr>`,
  );
  return `<section class="gi-output">
<h2>${escapeHtml(labels.sections.giOutput)}</h2>
${totals}
${chart}
<table id="gi-output-table">
<caption>${escapeHtml(tableCaption)}</caption>
${tableHead([{ text: g.product }, { text: g.giId }, { text: g.inPromotionProject }, { text: labels.charts.titleWithUnit(g.ytd, scale.unit), numeric: true }, { text: g.users, numeric: true }])}
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`;
}
