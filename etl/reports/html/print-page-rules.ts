/**
 * The `@page` rule of a printed page: A4, a running header (city and month, taken from the report)
 * at the top of every page, an optional notice at its right (the demonstration classification),
 * and "第 x 页 共 y 页" at the foot — CSS page-margin boxes, which Chromium prints (PDF and paper).
 * Margin boxes do not inherit the document's font, so they name it again.
 */
import { COLORS } from './chart-style.ts';
import { cssString } from './css-string.ts';
import { PAGE_FONT_FAMILY } from './page-font.ts';

export interface PrintPageRulesOptions {
  /** Plain text (not HTML): escaped here for CSS. */
  readonly runningHeader: string;
  /** Printed at the top right of every page, in the alert colour; null for none. @default null */
  readonly notice?: string | null;
  /** The text around counter(page) and counter(pages): [before, between, after]. */
  readonly pageNumber: readonly [string, string, string];
  /** @default 'portrait' */
  readonly orientation?: 'portrait' | 'landscape';
}

export function printPageRules({ runningHeader, notice = null, pageNumber, orientation = 'portrait' }: PrintPageRulesOptions): string {
  const [before, between, after] = pageNumber;
  const box = `font-family:${PAGE_FONT_FAMILY};font-size:8.5pt;color:${COLORS.muted}`;
  const declarations = `size:A4${orientation === 'landscape' ? ' landscape' : ''};margin:16mm 12mm 14mm;`;
  const marginBoxes = [
    `@top-left{content:${cssString(runningHeader)};${box};vertical-align:bottom}`,
    notice === null ? '' : `@top-right{content:${cssString(notice)};${box};color:${COLORS.behind};font-weight:700;vertical-align:bottom}`,
    `@bottom-center{content:${cssString(before)} counter(page) ${cssString(between)} counter(pages) ${cssString(after)};${box}}`,
  ];
  return `@page{${declarations}${marginBoxes.join('')}}`;
}
