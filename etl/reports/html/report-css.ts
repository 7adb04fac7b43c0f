/**
 * The stylesheet inlined into report.html and index.html: readable on a desktop screen, on a
 * phone (one column below 600 px, tables scrolling inside their card) and on A4 paper (print CSS:
 * headings kept with what follows, charts and tables not split, no scroll container clipping).
 * Every text colour keeps WCAG AA contrast (4.5:1) on the background it is drawn on
 * (tests/e2e/report-page-chromium.test.ts measures it). The running header and page numbers of
 * print are per page: print-page-rules.ts.
 */
import { COLORS } from './chart-style.ts';
import { PAGE_FONT_FAMILY } from './page-font.ts';

/** The accent darkened for text: COLORS.accent (#c8553d, a chart highlight) is 4.3:1 on white, below AA. */
const MISSING_TEXT = '#a8432e';
const BANNER = { text: '#8a1c15', background: '#fdecea' } as const;

export const REPORT_CSS = `
/* Page and type */
*{box-sizing:border-box}
html{font-family:${PAGE_FONT_FAMILY};color:${COLORS.ink};background:#f5f7fa;font-size:14px;line-height:1.5;-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0}
main{max-width:820px;margin:24px auto;background:#fff;padding:32px 40px;box-shadow:0 1px 4px rgba(0,0,0,.08)}
h1{font-size:22px;margin:4px 0 12px;line-height:1.3}
h2{font-size:16px;margin:28px 0 10px;padding-bottom:4px;border-bottom:2px solid ${COLORS.primary};color:${COLORS.primary}}
h3{font-size:13.5px;margin:16px 0 6px;color:${COLORS.ink}}
a{color:${COLORS.primary}}
code{font-size:12px;overflow-wrap:anywhere}

/* Header, demonstration banner, links */
.subtitle{margin:0;color:${COLORS.muted};font-size:12px;letter-spacing:.05em}
.meta,.figures{display:flex;flex-wrap:wrap;gap:4px 24px;margin:0;font-size:12px;color:${COLORS.muted}}
.meta div,.figures div{display:flex;gap:6px}
.meta dt,.figures dt{font-weight:normal}
.meta dd,.figures dd{margin:0;color:${COLORS.ink};font-weight:600}
.figures{margin:6px 0 10px;font-size:13px}
.demonstration-banner{margin:0 0 16px;padding:10px 14px;border:2px solid ${COLORS.behind};border-left-width:8px;border-radius:4px;background:${BANNER.background};color:${BANNER.text};font-size:15px;font-weight:700;line-height:1.5}
nav.report-links ul{display:flex;flex-wrap:wrap;gap:4px 18px;list-style:none;margin:10px 0 0;padding:8px 0 0;border-top:1px solid ${COLORS.grid};font-size:12.5px}

/* Headline tiles */
.tiles{display:grid;grid-template-columns:repeat(4,1fr);gap:10px;margin:20px 0 4px}
.tile{border:1px solid ${COLORS.grid};border-top:4px solid ${COLORS.noData};border-radius:4px;padding:8px 10px;min-width:0}
.tile.status-met{border-top-color:${COLORS.met}}
.tile.status-on_track{border-top-color:${COLORS.onTrack}}
.tile.status-behind{border-top-color:${COLORS.behind}}
.tile-name{font-size:12px;color:${COLORS.muted};min-height:36px;line-height:1.4}
.tile-value{font-size:18px;font-weight:700;white-space:nowrap}
.tile-growth{font-size:11px;color:${COLORS.muted}}
/* Tiles and scorecard (lead): the tile's colour is its status's; growth is plain ink with its sign. */
.tile-value .tile-unit{font-size:12px;font-weight:normal;margin-left:4px;color:${COLORS.muted}}
.tile-status{margin-top:4px}
.status-reason{font-size:11.5px;color:${COLORS.muted};margin-top:2px;line-height:1.4}
td.status{min-width:14em}
td.unit{white-space:nowrap}
td.completion .sub{font-size:11px;color:${COLORS.muted}}

/* Tables: each scrolls inside its card (render-report-html.ts wraps them) */
.table-scroll{overflow-x:auto;max-width:100%;margin:6px 0}
.table-scroll:focus-visible{outline:2px solid ${COLORS.primary};outline-offset:2px}
table{width:100%;border-collapse:collapse;font-size:12.5px;margin:6px 0}
.table-scroll>table{margin:0}
th,td{padding:5px 6px;border-bottom:1px solid ${COLORS.grid};text-align:left;vertical-align:top}
thead th{background:#eef2f6;font-weight:600;border-bottom:1px solid ${COLORS.muted}}
tbody th{font-weight:normal}
/* A header never wraps one character a line when its table is squeezed: a column header keeps its CJK words whole (breaking at punctuation), a row header keeps six characters a line. */
thead th{word-break:keep-all}
tbody th{min-width:6em}
tfoot th,tfoot td{font-weight:600;border-top:1px solid ${COLORS.muted}}
th.num{text-align:right;white-space:nowrap}
td.target{white-space:nowrap}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td.nowrap,.run{white-space:nowrap}
table.city-quality{font-size:12px}
table.city-quality td.reasons{min-width:8em;font-size:11.5px}
table.self-evaluation-grid th,table.self-evaluation-grid td{border:1px solid ${COLORS.grid}}
table.self-evaluation-grid thead th{text-align:center;vertical-align:middle}
table.self-evaluation-grid td.deviation{min-width:12em;font-size:11.5px}

/* Status marks: white on the status colour, each ≥ 4.5:1, and each with its sign (✔ ▲ ✖), never colour alone */
.mark{display:inline-block;padding:1px 6px;border-radius:3px;font-size:12px;white-space:nowrap;color:#fff;background:${COLORS.noData}}
.mark-met{background:${COLORS.met}}
.mark-on_track{background:${COLORS.onTrack}}
.mark-behind{background:${COLORS.behind}}
.flag{font-weight:600}
.flag-behind_target{color:${COLORS.behind}}

/* Notes and footnotes */
.note{font-size:12px;color:${COLORS.muted};margin:4px 0}
.note.missing{color:${MISSING_TEXT}}
.files-rejected-whole{border:1px solid ${COLORS.behind};border-left:4px solid ${COLORS.behind};border-radius:4px;background:#fff;padding:6px 10px;margin:8px 0;font-size:12.5px}
.files-rejected-whole p{margin:0 0 4px}
.files-rejected-whole ul{margin:0;padding-left:20px}
sup.why{font-size:10px;margin-left:1px}
sup.why a{text-decoration:none}
.null-reasons ol{font-size:12px;color:${COLORS.muted};padding-left:20px;margin:4px 0}
.footnote{margin-top:28px;font-size:11.5px;color:${COLORS.muted}}
.footnote h2{font-size:13px;color:${COLORS.muted};border-bottom:1px solid ${COLORS.grid}}
.footnote ol{padding-left:20px;margin:4px 0}

/* Charts (their own rules are the chart code's) */
figure.chart{margin:10px 0 14px}
figure.chart svg{display:block;width:100%;height:auto}

/* Appendix 指标解释 */
section.method{margin:0 0 12px}
section.method h3{margin:14px 0 4px}
section.method dl{display:grid;grid-template-columns:5.5em 1fr;gap:2px 10px;margin:0;font-size:12.5px}
section.method dt{color:${COLORS.muted}}
section.method dd{margin:0}
section.method ol{margin:0;padding-left:20px}

/* Wide screens: a wider card, so the twelve columns of the scorecard fit without scrolling */
@media (min-width:1240px){
  main{max-width:1120px}
}
/* Narrow screens: the card fills the window below 860 px; one column below 600 px */
@media (max-width:859px){
  main{max-width:none;margin:0;padding:24px 20px;box-shadow:none}
  .tiles{grid-template-columns:repeat(2,1fr)}
}
@media (max-width:599px){
  html{background:#fff}
  main{padding:14px 12px}
  h1{font-size:19px}
  h2{font-size:15px}
  .meta,.figures{flex-direction:column;gap:2px}
  .tile-name{min-height:0}
  section.method dl{grid-template-columns:1fr;gap:0}
  section.method dd{margin:0 0 6px}
  .demonstration-banner{font-size:14px;padding:8px 10px;border-left-width:6px}
}
@media (max-width:359px){
  .tiles{grid-template-columns:1fr}
}

/* Print (A4): the @page rule with its running header and page numbers is each page's own */
@media print{
  html{background:#fff;font-size:12px}
  main{max-width:none;margin:0;padding:0;box-shadow:none}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  h2,h3{break-after:avoid}
  h2+*,h3+*,h2+p.note+*,h3+p.note+*{break-before:avoid}
  figure.chart,table,.tiles,tr,.demonstration-banner,.files-rejected-whole{break-inside:avoid}
  thead{display:table-header-group}
  tfoot{display:table-footer-group}
  .table-scroll{overflow:visible;max-width:none}
  /* Every table fits the width of the page: smaller type, and numeric headers may wrap. */
  table,table.city-quality{font-size:10.5px}
  th,td{padding:3px 4px}
  th.num{white-space:normal}
  tbody th{min-width:5em}
  table.city-quality td.reasons,table.self-evaluation-grid td.deviation{min-width:7em;font-size:10px}
  /* The scorecard has twelve columns: smaller type, and the status reason wraps in its own column. */
  table.scorecard-table{font-size:9.5px}
  table.scorecard-table td.status{min-width:10em}
  table.scorecard-table .status-reason,table.scorecard-table td.completion .sub{font-size:9px}
  table.scorecard-table th.num,table.scorecard-table td.target{white-space:normal}
  nav.report-links{display:none}
  section.trends{break-before:page}
  section.methods{break-before:page}
  section.method{break-inside:avoid}
  a{color:inherit;text-decoration:none}
}
`.trim();
