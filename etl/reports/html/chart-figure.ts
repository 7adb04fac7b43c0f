/**
 * A chart on the page: `<figure class="chart">` with its title as the caption, the wide and the
 * narrow rendering inside one `role="img"` element named by the caption and described by a
 * visible sentence of what it shows, and the data behind it (a table in `<details>`, or a link to
 * the section's own table). Both renderings are `aria-hidden`: a screen reader reads the image's
 * name and description once, never the SVG's scattered labels; CSS (chart-css.ts) displays one.
 */
import type { ChartLayoutName } from './chart-layout.ts';
import { escapeHtml } from './html-escape.ts';

export interface ChartFigureInput {
  /** The figure's data-chart (an indicator id or a chart name). */
  readonly name: string;
  /** The chart's id (chart-svg.ts): the caption and description ids are made from it. */
  readonly chartId: string;
  readonly caption: string;
  /** Draws the chart in one layout (SVG). */
  readonly render: (layout: ChartLayoutName) => string;
  /** What the chart shows, plain text (chart-description.ts). */
  readonly description: string;
  /** The section's table holding the chart's data: linked from the description. @default none */
  readonly table?: { readonly id: string; readonly caption: string; readonly lead: string };
  /** HTML after the description, e.g. the chart's data table in `<details>`. @default '' */
  readonly data?: string;
}

export function chartFigure({ name, chartId, caption, render, description, table, data = '' }: ChartFigureInput): string {
  const titleId = `${chartId}-title`;
  const descriptionId = `${chartId}-description`;
  const tableLink = table === undefined ? '' : ` ${escapeHtml(table.lead)}<a href="#${table.id}">${escapeHtml(table.caption)}</a>`;
  return `<figure class="chart" data-chart="${escapeHtml(name)}">
<figcaption id="${titleId}">${escapeHtml(caption)}</figcaption>
<div class="chart-image" role="img" aria-labelledby="${titleId}" aria-describedby="${descriptionId}">
<div class="chart-wide" aria-hidden="true">${render('wide')}</div>
<div class="chart-narrow" aria-hidden="true">${render('narrow')}</div>
</div>
<p class="chart-description" id="${descriptionId}">${escapeHtml(description)}${tableLink}</p>${data === '' ? '' : `\n${data}`}
</figure>`;
}
