/**
 * The stylesheet inlined into report.html and index.html: readable on screen, and on A4 paper
 * (print CSS: margins, no backgrounds lost, tables and charts not split across pages).
 */
import { COLORS } from './chart-style.ts';

export const REPORT_CSS = `
*{box-sizing:border-box}
html{font-family:'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif;color:${COLORS.ink};background:#f5f7fa;font-size:14px;line-height:1.5}
body{margin:0}
main{max-width:820px;margin:24px auto;background:#fff;padding:32px 40px;box-shadow:0 1px 4px rgba(0,0,0,.08)}
h1{font-size:22px;margin:4px 0 12px;line-height:1.3}
h2{font-size:16px;margin:28px 0 10px;padding-bottom:4px;border-bottom:2px solid ${COLORS.primary};color:${COLORS.primary}}
.subtitle{margin:0;color:${COLORS.muted};font-size:12px;letter-spacing:.05em}
.meta,.figures{display:flex;flex-wrap:wrap;gap:4px 24px;margin:0;font-size:12px;color:${COLORS.muted}}
.meta div,.figures div{display:flex;gap:6px}
.meta dt,.figures dt{font-weight:normal}
.meta dd,.figures dd{margin:0;color:${COLORS.ink};font-weight:600}
.figures{margin:6px 0 10px;font-size:13px}
.tiles{display:grid;grid-template-columns:repeat(4,1fr);gap:10px;margin:20px 0 4px}
.tile{border:1px solid ${COLORS.grid};border-top:4px solid ${COLORS.noData};border-radius:4px;padding:8px 10px}
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
table{width:100%;border-collapse:collapse;font-size:12.5px;margin:6px 0}
th,td{padding:5px 6px;border-bottom:1px solid ${COLORS.grid};text-align:left;vertical-align:top}
thead th{background:#eef2f6;font-weight:600;border-bottom:1px solid ${COLORS.muted}}
tbody th{font-weight:normal}
tfoot th,tfoot td{font-weight:600;border-top:1px solid ${COLORS.muted}}
th.num{text-align:right;white-space:nowrap}
td.target{white-space:nowrap}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.mark{display:inline-block;padding:1px 6px;border-radius:3px;font-size:12px;white-space:nowrap;color:#fff;background:${COLORS.noData}}
.mark-met{background:${COLORS.met}}
.mark-on_track{background:${COLORS.onTrack}}
.mark-behind{background:${COLORS.behind}}
.note{font-size:12px;color:${COLORS.muted};margin:4px 0}
.note.missing{color:${COLORS.accent}}
.files-rejected-whole{border:1px solid ${COLORS.behind};border-left:4px solid ${COLORS.behind};border-radius:4px;background:#fff;padding:6px 10px;margin:8px 0;font-size:12.5px}
.files-rejected-whole p{margin:0 0 4px}
.files-rejected-whole ul{margin:0;padding-left:20px}
figure.chart{margin:10px 0 14px}
figure.chart svg{display:block;width:100%;height:auto}
code{font-size:12px}
h3{font-size:13.5px;margin:16px 0 6px;color:${COLORS.ink}}
.table-scroll{overflow-x:auto}
td.nowrap,.run{white-space:nowrap}
table.city-quality{font-size:12px}
table.city-quality td.reasons{min-width:8em;font-size:11.5px}
table.self-evaluation-grid th,table.self-evaluation-grid td{border:1px solid ${COLORS.grid}}
table.self-evaluation-grid thead th{text-align:center;vertical-align:middle}
table.self-evaluation-grid td.deviation{min-width:12em;font-size:11.5px}
.flag{font-weight:600}
.flag-behind_target{color:${COLORS.behind}}
sup.why{font-size:10px;margin-left:1px}
sup.why a{text-decoration:none}
.null-reasons ol{font-size:12px;color:${COLORS.muted};padding-left:20px;margin:4px 0}
.footnote{margin-top:28px;font-size:11.5px;color:${COLORS.muted}}
.footnote h2{font-size:13px;color:${COLORS.muted};border-bottom:1px solid ${COLORS.grid}}
.footnote ol{padding-left:20px;margin:4px 0}
a{color:${COLORS.primary}}
section.method{margin:0 0 12px}
section.method h3{margin:14px 0 4px}
section.method dl{display:grid;grid-template-columns:5.5em 1fr;gap:2px 10px;margin:0;font-size:12.5px}
section.method dt{color:${COLORS.muted}}
section.method dd{margin:0}
section.method ol{margin:0;padding-left:20px}
@page{size:A4;margin:14mm 12mm}
@media print{
  html{background:#fff;font-size:12px}
  main{max-width:none;margin:0;padding:0;box-shadow:none}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  h2{break-after:avoid}
  figure.chart,table,.tiles,tr{break-inside:avoid}
  section.trends{break-before:page}
  section.methods{break-before:page}
  section.method{break-inside:avoid}
  a{color:inherit;text-decoration:none}
}
`.trim();
