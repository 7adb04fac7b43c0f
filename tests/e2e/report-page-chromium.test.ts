/**
 * report.html (zh, and a demonstration variant in zh and en) and index.html as a reader gets
 * them, in real headless Chromium (one launch): no horizontal overflow on a phone (390 px) or a
 * desktop (1440 px), WCAG AA contrast of every text and badge, the demonstration banner, and
 * printed to A4 PDF: running header, 第 x 页 共 y 页, the index's every column on landscape pages.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalMixFor, readNationalBulletinRows } from '../../etl/reports/html/national-mix.ts';
import { renderReportHtml } from '../../etl/reports/html/render-report-html.ts';
import { renderIndexHtml } from '../../etl/reports/index-page/render-index-html.ts';
import { INDICATOR_IDS } from '../../etl/reports/indicators.ts';
import type { Report } from '../../etl/reports/report-schema.ts';
import { FIXTURE_REPORT, FIXTURE_REPORT_WITH_PATENT_INTENSIVE, fixtureIndexPeers } from '../etl/reports/html/report-fixture.ts';
import { tempDir } from '../support/temp-dir.ts';
import { launchChromium } from './support/headless-chromium.ts';
import { normalisedPdfText, pdfPageTexts } from './support/pdf-text.ts';
import { contrastRatio, over, parseCssColor } from './support/wcag-contrast.ts';

// The page-side callbacks below run in Chromium. This project compiles without the DOM library
// (Node code must not see browser globals), so the few they use are declared here, for this file
// only; playwright-core already types the elements it hands them loosely.
declare const window: { readonly innerWidth: number };
declare const document: any;
declare const getComputedStyle: (element: any) => { readonly color: string; readonly backgroundColor: string; readonly fontSize: string; readonly fontWeight: string; readonly visibility: string; readonly paddingLeft: string; readonly paddingRight: string };
declare const Node: { readonly TEXT_NODE: number };
type Element = any;

const WIDTHS = [390, 1440] as const;
/** A4 at 96 CSS px per inch, less the 12 mm side margins of print-page-rules.ts. */
const A4_CONTENT_WIDTH_PX = { portrait: Math.floor(((210 - 24) / 25.4) * 96), landscape: Math.floor(((297 - 24) / 25.4) * 96) };

/** The sample's kind of report: a demonstration classification, and an earlier report it is compared with. */
const DEMONSTRATION_REPORT: Report = {
  ...FIXTURE_REPORT_WITH_PATENT_INTENSIVE,
  classification_version: 'demo-2024',
  classification_is_demonstration: true,
  patent_intensive: { ...FIXTURE_REPORT_WITH_PATENT_INTENSIVE.patent_intensive, classification_version: 'demo-2024', classification_is_demonstration: true },
  revisions: { compared_with: { period: '2025-05', generated_at: '2025-06-05T02:00:00+08:00' }, changes: [] },
};

function indexPage(): string {
  return renderIndexHtml({ peers: fixtureIndexPeers(), files: ['report.html', 'report.xlsx', 'report.json'], previousPeriod: '2025-05' });
}

let browser: BrowserContext;
let work: string;
let pages: Record<'report' | 'english' | 'demonstration' | 'index', string>;

beforeAll(async () => {
  work = await tempDir('report-page');
  browser = await launchChromium();
  const nationalMix = nationalMixFor(null, readNationalBulletinRows());
  const files = {
    report: renderReportHtml(FIXTURE_REPORT, { nationalMix }),
    english: renderReportHtml(DEMONSTRATION_REPORT, { nationalMix, language: 'en' }),
    demonstration: renderReportHtml(DEMONSTRATION_REPORT, { nationalMix }),
    index: indexPage(),
  };
  pages = { report: '', english: '', demonstration: '', index: '' };
  for (const [name, html] of Object.entries(files) as [keyof typeof files, string][]) {
    pages[name] = path.join(work, `${name}.html`);
    await writeFile(pages[name], html);
  }
});

afterAll(async () => {
  await browser?.close();
});

async function open(name: keyof typeof pages, width: number): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`file://${pages[name]}`, { waitUntil: 'load' });
  return page;
}

/** The document's width, and every element outside a scroll container that reaches past the window's edges. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const inner = window.innerWidth;
    const wide = [...document.body.querySelectorAll('*')].flatMap((element) => {
      // Inside a scroll container an element may be as wide as it needs: the container scrolls.
      if ((element.parentElement?.closest('.table-scroll') ?? null) !== null) return [];
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) return [];
      return box.right > inner + 0.5 || box.left < -0.5 ? [`${element.tagName.toLowerCase()}.${element.className || ''} ${Math.round(box.left)}–${Math.round(box.right)}`] : [];
    });
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: inner, wide };
  });
}

interface TextColours {
  readonly text: string;
  readonly selector: string;
  readonly color: string;
  /** Background colours from the element up to the root, nearest first. */
  readonly backgrounds: string[];
  readonly fontSizePx: number;
  readonly fontWeight: number;
}

/** Every rendered element with text of its own (SVG charts aside: their text is the chart code's), with its colour and the backgrounds behind it. */
async function textColours(page: Page): Promise<TextColours[]> {
  return page.evaluate(() =>
    [...document.body.querySelectorAll('*')].flatMap((element) => {
      if (element.closest('svg') !== null) return [];
      const own = [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent ?? '').join('').trim();
      if (own === '' || element.getClientRects().length === 0) return [];
      const style = getComputedStyle(element);
      if (style.visibility !== 'visible') return [];
      const backgrounds: string[] = [];
      for (let at: Element | null = element; at !== null; at = at.parentElement) backgrounds.push(getComputedStyle(at).backgroundColor);
      return [{ text: own.slice(0, 40), selector: `${element.tagName.toLowerCase()}.${element.className}`, color: style.color, backgrounds, fontSizePx: Number.parseFloat(style.fontSize), fontWeight: Number(style.fontWeight) }];
    }),
  );
}

/** The texts below WCAG AA: 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold). */
function belowAa(texts: readonly TextColours[]): string[] {
  return texts.flatMap((one) => {
    // The canvas behind everything is white when no element paints one.
    const background = [...one.backgrounds].reverse().map(parseCssColor).reduce((below, layer) => over(layer, below), { r: 255, g: 255, b: 255, a: 1 });
    const ratio = contrastRatio(over(parseCssColor(one.color), background), background);
    const large = one.fontSizePx >= 24 || (one.fontSizePx >= 18.66 && one.fontWeight >= 700);
    return ratio < (large ? 3 : 4.5) ? [`${one.selector} "${one.text}": ${one.color} on ${one.backgrounds.find((colour) => parseCssColor(colour).a > 0) ?? 'white'} = ${ratio.toFixed(2)}:1`] : [];
  });
}

describe('the contrast arithmetic of this test', () => {
  it('gives the WCAG ratios of known pairs', () => {
    expect(contrastRatio(parseCssColor('rgb(0, 0, 0)'), parseCssColor('rgb(255, 255, 255)'))).toBeCloseTo(21, 5);
    // #777 on white: the classic just-below-AA grey.
    expect(contrastRatio(parseCssColor('rgb(119, 119, 119)'), parseCssColor('rgb(255, 255, 255)'))).toBeCloseTo(4.48, 2);
    expect(over(parseCssColor('rgba(0, 0, 0, 0.5)'), parseCssColor('rgb(255, 255, 255)'))).toEqual({ r: 127.5, g: 127.5, b: 127.5, a: 1 });
  });
});

describe.each(WIDTHS)('at %i px wide', (width) => {
  it.each(['report', 'english', 'demonstration', 'index'] as const)('%s: no page wider than the window, every text at WCAG AA contrast', async (name) => {
    const page = await open(name, width);
    const { scrollWidth, innerWidth, wide } = await overflow(page);
    expect(wide).toEqual([]);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    const texts = await textColours(page);
    expect(texts.length).toBeGreaterThan(50);
    expect(belowAa(texts)).toEqual([]);
    await page.close();
  });
});

describe('report.html on a phone', () => {
  it('lays the tiles two to a row, and a row header never wraps one character a line', async () => {
    const page = await open('report', 390);
    const tileLefts = await page.$$eval('.tiles .tile', (tiles) => [...new Set(tiles.map((tile) => Math.round(tile.getBoundingClientRect().left)))]);
    expect(tileLefts).toHaveLength(2);
    // Every header of two or more Chinese characters has room for two a line at least.
    const oneCharacterALine = await page.$$eval('th', (cells) =>
      cells
        .filter((cell) => /\p{Script=Han}{2}/u.test(cell.textContent ?? '') && cell.getBoundingClientRect().width < 2 * Number.parseFloat(getComputedStyle(cell).fontSize) + Number.parseFloat(getComputedStyle(cell).paddingLeft) + Number.parseFloat(getComputedStyle(cell).paddingRight))
        .map((cell) => cell.textContent),
    );
    expect(oneCharacterALine).toEqual([]);
    // Each table scrolls in its own named, focusable container.
    const containers = await page.$$eval('table', (tables) => tables.map((table) => {
      const parent = table.parentElement!;
      return { className: parent.className, role: parent.getAttribute('role'), tabindex: parent.getAttribute('tabindex'), label: parent.getAttribute('aria-label') ?? '' };
    }));
    expect(containers.length).toBeGreaterThan(5);
    for (const container of containers) expect(container).toMatchObject({ className: 'table-scroll', role: 'region', tabindex: '0', label: expect.stringMatching(/\S/) });
    await page.close();
  });
});

describe('badges', () => {
  it('keeps every status mark at 4.5:1, white on its colour, with its sign', async () => {
    const page = await open('report', 1440);
    // Every status the CSS colours, whether or not the fixture has a figure of each.
    await page.evaluate(() => {
      const probe = document.createElement('p');
      probe.id = 'probe';
      probe.innerHTML = ['met', 'on_track', 'behind', 'no_data'].map((status) => `<span class="mark mark-${status}">mark</span>`).join(' ');
      document.querySelector('main')!.append(probe);
    });
    const marks = (await textColours(page)).filter((one) => one.selector.startsWith('span.mark'));
    expect(marks.filter((one) => one.text === 'mark').map((one) => one.selector)).toEqual(['span.mark mark-met', 'span.mark mark-on_track', 'span.mark mark-behind', 'span.mark mark-no_data']);
    expect(belowAa(marks)).toEqual([]);
    // Status never by colour alone: each mark of the scorecard names its status in words.
    const scorecardMarks = await page.$$eval('section.scorecard .mark', (spans) => spans.map((span) => span.textContent ?? ''));
    expect(scorecardMarks.length).toBeGreaterThan(0);
    for (const text of scorecardMarks) expect(text).toMatch(/\p{Script=Han}{2,}/u);
    await page.close();
  });
});

describe('the demonstration banner', () => {
  it.each(WIDTHS)('stands at the top of the page at %i px, above the title', async (width) => {
    const page = await open('demonstration', width);
    const banner = page.locator('.demonstration-banner');
    expect(await banner.isVisible()).toBe(true);
    expect(await banner.getAttribute('role')).toBe('note');
    expect(await banner.textContent()).toBe('演示分类，非官方：本报告专利密集型产业数据按演示分类计算，不得作为正式统计数据使用。');
    const bannerBox = (await banner.boundingBox())!;
    expect(bannerBox.y + bannerBox.height).toBeLessThanOrEqual((await page.locator('h1').boundingBox())!.y);
    await page.close();
  });

  it('is absent from a report on the official classification', async () => {
    const page = await open('report', 1440);
    expect(await page.locator('.demonstration-banner').count()).toBe(0);
    await page.close();
  });
});

describe('printed to A4', () => {
  const headings: Partial<Record<keyof typeof pages, string[]>> = {};
  const printed = async (name: keyof typeof pages) => {
    const page = await open(name, 1440);
    headings[name] = (await page.$$eval('h2, h3', (elements) => elements.map((element) => element.textContent ?? ''))).map(normalisedPdfText);
    const pdf = await page.pdf({ format: 'A4', displayHeaderFooter: false, preferCSSPageSize: true });
    await page.close();
    return pdfPageTexts(pdf);
  };

  it('report.html: every page has the city and month above and 第 x 页 共 y 页 below', async () => {
    const texts = await printed('report');
    expect(texts.length).toBeGreaterThanOrEqual(2);
    expect(texts.length).toBeLessThanOrEqual(20);
    texts.forEach((text, index) => {
      expect(text).toContain(normalisedPdfText('深圳市 · 2025年6月 · 知识产权运营服务体系建设月度统计报告'));
      expect(text).toContain(`第 ${index + 1} 页 共 ${texts.length} 页`);
      expect(text).not.toContain('演示分类');
    });
    // A heading is never the last line of a page (the margin boxes come first in a page's text).
    expect(headings.report!.length).toBeGreaterThan(10);
    for (const heading of headings.report!) expect(texts.filter((text) => text.endsWith(heading))).toEqual([]);
    // The nav of links is for the screen.
    expect(texts.join(' ')).not.toContain(normalisedPdfText('数据文件（report.json）'));
  });

  it('a demonstration report: the banner on the first page and the warning on every page', async () => {
    const texts = await printed('demonstration');
    expect(texts[0]).toContain(normalisedPdfText('演示分类，非官方：本报告专利密集型产业数据按演示分类计算，不得作为正式统计数据使用。'));
    for (const text of texts) expect(text).toContain(normalisedPdfText('演示分类，非官方'));
  });

  it('an English report: "Page x of y" and the English running header and warning', async () => {
    const texts = await printed('english');
    expect(texts.length).toBeGreaterThanOrEqual(2);
    texts.forEach((text, index) => {
      expect(text).toContain('June 2025 · IP operation service system monthly report');
      expect(text).toContain('Demonstration classification, not official');
      expect(text).toContain(`Page ${index + 1} of ${texts.length}`);
    });
  });

  it('no table is cut at the right edge of a portrait page', async () => {
    const page = await open('report', A4_CONTENT_WIDTH_PX.portrait);
    await page.emulateMedia({ media: 'print' });
    const cut = await page.$$eval('table', (tables) => tables.filter((table) => table.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map((table) => table.className || table.querySelector('th')?.textContent));
    expect(cut).toEqual([]);
    await page.close();
  });

  it('index.html: landscape pages, every column header printed, no column cut', async () => {
    const page = await open('index', A4_CONTENT_WIDTH_PX.landscape);
    await page.emulateMedia({ media: 'print' });
    const headers = await page.$$eval('thead th', (cells) => cells.map((cell) => (cell.textContent ?? '').replace(/\s+/g, '')));
    expect(headers).toHaveLength(1 + INDICATOR_IDS.length + 2);
    const table = await page.$eval('table', (element) => ({ right: element.getBoundingClientRect().right, width: document.documentElement.clientWidth }));
    expect(table.right).toBeLessThanOrEqual(table.width + 0.5);
    await page.close();
    const texts = await printed('index');
    expect(texts[0]).toContain(`第 1 页 共 ${texts.length} 页`);
    const all = texts.join('').replace(/\s+/g, '');
    // The PDF's text is NFKC-folded (pdf-text.ts): full-width brackets （次） read as (次).
    for (const header of headers) expect(all).toContain(header.normalize('NFKC'));
  });
});
