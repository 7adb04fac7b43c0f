/**
 * Patent-intensive value added: the city's figures and its mix by category beside the national
 * mix. The city's shares are report.json's category_mix (each category over the headline total,
 * computed from exact cents), printed rounded half away from zero — never recomputed here from
 * doubles. While the accounting step has not produced figures, every city value is null: the
 * section says so and shows the national mix alone.
 */
import { trimmedNumber } from '../../format/grouped-number.ts';
import { displayAmount, displayMoney, moneyDisplayScale } from '../../format/display-unit.ts';
import { formatGrowth, formatPercent } from '../../format/percent.ts';
import type { NullReason } from '../../null-reasons.ts';
import { PATENT_INTENSIVE_CATEGORIES } from '../../report-schema.ts';
import { describeBars } from '../chart-description.ts';
import { chartFigure } from '../chart-figure.ts';
import { COLORS } from '../chart-style.ts';
import { renderHorizontalBarChart, type BarSeries } from '../horizontal-bar-chart.ts';
import { escapeHtml } from '../html-escape.ts';
import { tableHead } from '../table-head.ts';
import type { RenderContext } from './render-context.ts';

export function patentIntensiveSection({ report, language, labels, nationalMix, notes }: RenderContext): string {
  const section = report.patent_intensive;
  const p = labels.patentIntensive;
  const cityShares = section.category_mix;
  const hasCityFigures = Object.values(cityShares).some((share) => share !== null);
  const categoryNames = PATENT_INTENSIVE_CATEGORIES.map((code) => labels.categoryNames[code] ?? code);

  const cityFractions = PATENT_INTENSIVE_CATEGORIES.map((code) => cityShares[code]);
  const series: (BarSeries & { readonly fractions: readonly (number | null)[] })[] = [];
  if (hasCityFigures) series.push({ name: p.chartCity, color: COLORS.primary, fractions: cityFractions, ...shareBars(cityFractions) });
  if (nationalMix !== null) {
    const nationalFractions = PATENT_INTENSIVE_CATEGORIES.map((code) => nationalMix.shares[code] ?? null);
    series.push({ name: `${p.chartNation} ${nationalMix.year}`, color: COLORS.national, fractions: nationalFractions, ...shareBars(nationalFractions) });
  }
  const title = `${p.category} · ${hasCityFigures ? p.cityShare : ''}${hasCityFigures && nationalMix ? ' / ' : ''}${nationalMix ? p.nationalShare(nationalMix.year) : ''}`;
  const tableCaption = labels.charts.patentIntensiveTableCaption;
  const chart =
    series.length === 0
      ? ''
      : chartFigure({
          name: 'patent-intensive-mix',
          chartId: 'patent-intensive-mix',
          // The title names the unit already (构成: shares in %).
          caption: title,
          render: (layout) =>
            renderHorizontalBarChart({ chartId: 'patent-intensive-mix', axisName: '%', labels: categoryNames, series, formatTick: (value) => `${trimmedNumber(value, 1)}%` }, layout),
          description: describeBars({
            title,
            categories: categoryNames,
            // The shares as report.json holds them (exact fractions), printed as on the bars.
            series: series.map(({ name, fractions, texts }) => ({ name, values: fractions, texts })),
            labels,
          }),
          table: { id: 'patent-intensive-table', caption: tableCaption, lead: labels.charts.dataInTable },
        });

  const rows = PATENT_INTENSIVE_CATEGORIES.map(
    (code, index) => `<tr><th scope="row">${escapeHtml(`${code} ${categoryNames[index]}`)}</th><td class="num">${escapeHtml(displayAmount(section.by_category[code], 'cny', language))}</td><td class="num">${escapeHtml(formatPercent(cityShares[code] ?? null))}</td><td class="num">${escapeHtml(formatPercent(nationalMix?.shares[code] ?? null))}</td></tr>`,
  );
  const why = section.null_reasons;
  // Each value is HTML: escaped text, or "—" with the footnote of its reason.
  const shown = <T,>(value: T | null, text: (known: T) => string, reason: NullReason | undefined) => (value === null ? notes.missing(reason) : escapeHtml(text(value)));
  const summary = [
    [p.year, shown(section.year, String, why.year)],
    [p.method, shown(section.method, (method) => p.methods[method], why.method)],
    [p.valueAdded, shown(section.value_added_cny, (yuan) => displayMoney(yuan, language), why.value_added_cny)],
    [p.shareOfGdp, shown(section.share_of_gdp, (share) => formatPercent(share, 2), why.share_of_gdp)],
    // Beside the city's share: the national one of the latest bulletin at or before the city's year.
    ...(section.national === null || section.national.share_of_gdp === null
      ? []
      : [[p.nationalShareOfGdp(section.national.year), escapeHtml(formatPercent(section.national.share_of_gdp, 2))]]),
    [p.growth, shown(section.growth, formatGrowth, why.growth)],
  ]
    .map(([name, value]) => `<div><dt>${escapeHtml(name!)}</dt><dd>${value!}</dd></div>`)
    .join('');
  return `<section class="patent-intensive">
<h2>${escapeHtml(labels.sections.patentIntensive)}</h2>
${hasCityFigures ? '' : `<p class="note missing">${escapeHtml(p.notYetComputed)}</p>`}
<dl class="figures">${summary}</dl>
${chart}
<table id="patent-intensive-table">
<caption>${escapeHtml(tableCaption)}</caption>
${tableHead([{ text: p.category }, { text: labels.charts.titleWithUnit(p.cityValue, moneyDisplayScale(language).unit), numeric: true }, { text: p.cityShare, numeric: true }, { text: nationalMix ? p.nationalShare(nationalMix.year) : p.chartNation, numeric: true }])}
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`;
}

/** Bars in per cent: the length may be a double, the printed label is the exact share rounded. */
function shareBars(fractions: readonly (number | null)[]): Pick<BarSeries, 'values' | 'texts'> {
  return {
    values: fractions.map((fraction) => (fraction === null ? null : fraction * 100)),
    texts: fractions.map((fraction) => (fraction === null ? null : formatPercent(fraction))),
  };
}
