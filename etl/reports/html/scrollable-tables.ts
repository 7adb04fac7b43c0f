/**
 * Every table of a rendered page in its own scroll container, so a table wider than a phone
 * scrolls inside its card instead of widening the page: `role="region"`, `tabindex="0"` (a
 * keyboard user can scroll it) and a name — the table's caption, else the heading above it.
 *
 * Applied to the whole `<main>` the sections rendered (render-report-html.ts), so a table added
 * to any section is covered without each section remembering to wrap it; a section's own
 * `<div class="table-scroll">` is replaced, not nested. The page's own markup is the input:
 * tables are never nested in it.
 */
import { escapeHtml } from './html-escape.ts';

const HEADING_OR_TABLE = /<h([23])\b[^>]*>([\s\S]*?)<\/h\1>|(<div class="table-scroll"[^>]*>\s*)?(<table\b[\s\S]*?<\/table>)(\s*<\/div>)?/g;
const CAPTION = /<caption\b[^>]*>([\s\S]*?)<\/caption>/;

/** The text of escaped HTML, still escaped: tags dropped, white space collapsed. */
function textOfHtml(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
}

/** @param fallbackName plain text naming a table with neither caption nor heading above it. */
export function withScrollableTables(html: string, fallbackName: string): string {
  let heading = escapeHtml(fallbackName);
  return html.replace(HEADING_OR_TABLE, (match, _level: string | undefined, headingHtml: string | undefined, open: string | undefined, table: string | undefined, close: string | undefined) => {
    if (headingHtml !== undefined) {
      heading = textOfHtml(headingHtml) || heading;
      return match;
    }
    if (open !== undefined && close === undefined) {
      throw new Error(`a <div class="table-scroll"> holds more than its table: ${match.slice(0, 120)}…`);
    }
    const caption = CAPTION.exec(table!);
    const name = caption === null ? heading : textOfHtml(caption[1]!) || heading;
    // A `</div>` after an unwrapped table closes some other element: it stays.
    const after = open === undefined && close !== undefined ? close : '';
    return `<div class="table-scroll" role="region" tabindex="0" aria-label="${name}">\n${table}\n</div>${after}`;
  });
}
