/**
 * The index's own rules: the table takes the window's width (it scrolls inside its card on a
 * phone), its long indicator headers break anywhere (at least four characters a line, unlike the
 * report's short headers, kept whole); printed, on A4 landscape in a smaller type, so every
 * column fits the page width.
 */
export const INDEX_CSS = `main{max-width:none}
thead th,thead th.num{word-break:normal;white-space:normal;min-width:4.5em}
td.num .note{white-space:normal}
td.links{white-space:nowrap}
td.statuses{white-space:nowrap;font-size:12px}
th button.sort{font:inherit;color:inherit;background:none;border:0;padding:0;cursor:pointer;text-align:inherit}
th[aria-sort=ascending] button.sort::after{content:' ▲'}
th[aria-sort=descending] button.sort::after{content:' ▼'}
nav.months{display:flex;flex-wrap:wrap;gap:4px 24px;font-size:13px;margin:4px 0 10px}
@media print{
  html{font-size:10px}
  table{font-size:8.5px;table-layout:auto}
  th,td{padding:2px 3px}
  th.num,td.statuses,td.links{white-space:normal}
  td.statuses{font-size:8.5px}
  tbody th{min-width:0}
  thead th{min-width:0}
  th[aria-sort] button.sort::after{content:none}
  nav.months{display:none}
}`;
