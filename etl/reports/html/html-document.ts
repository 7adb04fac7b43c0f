/** The shell every page ipstats writes shares: one self-contained document, styles inline, no scripts (index.html's sorting script aside: the page is complete without it). */
import { escapeHtml } from './html-escape.ts';
import { CHART_CSS } from './chart-css.ts';
import { REPORT_CSS } from './report-css.ts';

export interface HtmlDocumentParts {
  readonly lang: string;
  readonly title: string;
  /** Page-specific rules appended to the report stylesheet. @default '' */
  readonly extraCss?: string;
  /** The content of `<main>`, already escaped. */
  readonly main: string;
  /** An inline script that only enhances the complete page (index.html's sorting). @default none */
  readonly script?: string;
}

export function htmlDocument({ lang, title, extraCss = '', main, script }: HtmlDocumentParts): string {
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="ipstats">
<title>${escapeHtml(title)}</title>
<style>
${REPORT_CSS}
${CHART_CSS}${extraCss === '' ? '' : `\n${extraCss}`}
</style>
</head>
<body>
<main>
${main}
</main>${script === undefined ? '' : `\n<script>\n${script}\n</script>`}
</body>
</html>
`;
}
