/**
 * The text of each page of a PDF, read with Mozilla's PDF.js (pure JavaScript, no browser).
 *
 * Chromium embeds a subset of Noto CJK whose ToUnicode map names some shared glyphs by their
 * radical code points (月 as U+2F49 ⽉, 页 as U+2EDA ⻚): NFKC folds the Kangxi radicals back, and
 * the CJK Radicals Supplement one met in the page numbers (页) is mapped here. White space is
 * collapsed to single spaces.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const RADICALS_SUPPLEMENT: Readonly<Record<string, string>> = { '\u2EDA': '页' };

export function normalisedPdfText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2E80-\u2EFF]/g, (radical) => RADICALS_SUPPLEMENT[radical] ?? radical)
    .replace(/\s+/g, ' ')
    .trim();
}

export async function pdfPageTexts(pdf: Uint8Array): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const content = await (await document.getPage(number)).getTextContent();
      pages.push(normalisedPdfText(content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? ' ' : ''}` : '')).join('')));
    }
    return pages;
  } finally {
    await document.destroy();
  }
}
