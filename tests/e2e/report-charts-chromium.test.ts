/**
 * The charts of report.html as a phone, a desktop screen, a printer and a screen reader get them,
 * in headless Chromium: at 390 and 1440 px every visible chart is an image with a name and a
 * description, no chart text is drawn under 11 CSS px or in a colour under 4.5:1 on white, the
 * other rendering is not displayed, and nothing is wider than the viewport.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalMixFor, readNationalBulletinRows } from '../../etl/reports/html/national-mix.ts';
import { renderReportHtml } from '../../etl/reports/html/render-report-html.ts';
import { FIXTURE_REPORT } from '../etl/reports/html/report-fixture.ts';
import { tempDir } from '../support/temp-dir.ts';
import { launchChromium } from './support/headless-chromium.ts';

const CHARTS = ['ip_transfer_licence_count', 'pledge_amount_cny', 'patent_contract_turnover_cny', 'gi_output_value_cny', 'patent-intensive-mix', 'gi-output-by-product'];

let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  const file = path.join(await tempDir('report-charts'), 'report-zh.html');
  await writeFile(file, renderReportHtml(FIXTURE_REPORT, { nationalMix: nationalMixFor(null, readNationalBulletinRows()) }));
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`file://${file}`, { waitUntil: 'load' });
});

afterAll(async () => {
  await browser?.close();
});

/** Per chart: which rendering is displayed, and the smallest drawn size and lowest contrast of its visible text. */
async function drawnCharts() {
  return page.$$eval('figure.chart', (figures) => {
    // WCAG 2 relative luminance and contrast on white, of a computed `rgb(r, g, b)`.
    const luminance = (rgb: string) => {
      const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((channel) => {
        const c = Number(channel) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrastOnWhite = (rgb: string) => 1.05 / (luminance(rgb) + 0.05);
    return figures.map((figure) => {
      // The page's window, reached from an element: the tests are typed without the DOM globals.
      const { getComputedStyle } = figure.ownerDocument.defaultView!;
      const displayed = (selector: string) => getComputedStyle(figure.querySelector(selector)!).display !== 'none';
      const texts = [...figure.querySelectorAll('svg text')].filter((text) => (text.textContent ?? '').trim() !== '' && text.getClientRects().length > 0);
      const drawn = texts.map((text) => {
        const svg = text.ownerSVGElement!;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const style = getComputedStyle(text);
        return { text: text.textContent, px: parseFloat(style.fontSize) * scale, contrast: contrastOnWhite(style.fill) };
      });
      const smallest = drawn.reduce((min, one) => (one.px < min.px ? one : min), { text: 'none', px: Infinity, contrast: Infinity });
      const palest = drawn.reduce((min, one) => (one.contrast < min.contrast ? one : min), { text: 'none', px: Infinity, contrast: Infinity });
      const box = figure.getBoundingClientRect();
      return {
        chart: figure.getAttribute('data-chart'),
        wide: displayed('.chart-wide'),
        narrow: displayed('.chart-narrow'),
        textCount: drawn.length,
        smallestPx: smallest.px,
        smallestText: smallest.text,
        lowestContrast: palest.contrast,
        right: box.right,
      };
    });
  });
}

/** The images of the page as Chromium's accessibility tree holds them (what a screen reader is given). */
async function accessibleImages() {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes
    .filter((node) => !node.ignored && (node.role?.value === 'image' || node.role?.value === 'img'))
    .map((node) => ({ name: String(node.name?.value ?? ''), description: String(node.description?.value ?? '') }));
}

describe.each([
  { width: 390, shown: 'narrow' },
  { width: 1440, shown: 'wide' },
] as const)('report.html charts at $width px', ({ width, shown }) => {
  beforeAll(async () => {
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width, height: 900 });
  });

  it(`displays the ${shown} rendering of every chart and no text under 11 px or under 4.5:1`, async () => {
    const charts = await drawnCharts();
    expect(charts.map((chart) => chart.chart)).toEqual(CHARTS);
    for (const chart of charts) {
      expect({ chart: chart.chart, wide: chart.wide, narrow: chart.narrow }).toEqual({ chart: chart.chart, wide: shown === 'wide', narrow: shown === 'narrow' });
      expect(chart.textCount, `${chart.chart}: drawn labels`).toBeGreaterThan(3);
      expect(chart.smallestPx, `${chart.chart}: "${chart.smallestText}"`).toBeGreaterThanOrEqual(11);
      expect(chart.lowestContrast, `${chart.chart}: text contrast`).toBeGreaterThanOrEqual(4.5);
      expect(chart.right, `${chart.chart}: right edge`).toBeLessThanOrEqual(width);
    }
  });

  it('gives a screen reader one image per chart, named by its caption and described by what it shows', async () => {
    const images = await accessibleImages();
    expect(images).toHaveLength(CHARTS.length);
    expect(images[1]!.name).toBe('知识产权质押融资金额（万元）');
    expect(images[1]!.description).toContain('报告月2025年6月为 12,345.68 万元');
    for (const image of images) {
      expect(image.name).not.toBe('');
      expect(image.description.length, image.name).toBeGreaterThan(20);
    }
  });

  // The page as a whole (tables, tiles) is the page stylesheet's business; this holds the charts
  // to it: no chart, caption, description or opened data table reaches past the viewport.
  it('draws no part of a chart, opened data tables included, past the viewport', async () => {
    const overflowing = await page.$eval('html', (root) => {
      const viewportWidth = root.ownerDocument.defaultView!.innerWidth;
      const details = [...root.querySelectorAll('figure.chart details')];
      details.forEach((one) => one.setAttribute('open', ''));
      const past = [...root.querySelectorAll('figure.chart, figure.chart *')]
        .filter((element) => element.getClientRects().length > 0 && element.getBoundingClientRect().right > viewportWidth + 0.5)
        .map((element) => `${element.closest('figure')!.getAttribute('data-chart')} ${element.tagName.toLowerCase()}`);
      details.forEach((one) => one.removeAttribute('open'));
      return past;
    });
    expect(overflowing).toEqual([]);
  });
});

describe('report.html charts in print', () => {
  it('prints the wide rendering even on a narrow viewport, without the data tables folded in <details>', async () => {
    await page.setViewportSize({ width: 390, height: 900 });
    await page.emulateMedia({ media: 'print' });
    const shown = await page.$$eval('figure.chart', (figures) =>
      figures.map((figure) => {
        const { getComputedStyle } = figure.ownerDocument.defaultView!;
        return ['.chart-wide', '.chart-narrow', 'details.chart-data'].map((selector) => figure.querySelector(selector) && getComputedStyle(figure.querySelector(selector)!).display !== 'none');
      }),
    );
    expect(shown).toEqual(CHARTS.map((chart) => [true, false, chart.includes('-') ? null : false]));
    await page.emulateMedia({ media: 'screen' });
  });
});
