/**
 * report.html and index.html opened in real headless Chromium: no console error, no request
 * leaving the file, every chart drawn, Chinese text set in a CJK font (not tofu), and PNG
 * screenshots saved under tmp/report-render/ to look at.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../etl/reports/html/render-report-html.ts';
import { nationalMixFor, readNationalBulletinRows } from '../../etl/reports/html/national-mix.ts';
import { renderIndexHtml } from '../../etl/reports/index-page/render-index-html.ts';
import { tempDir } from '../support/temp-dir.ts';
import { FIXTURE_REPORT, FIXTURE_REPORT_WITH_PATENT_INTENSIVE, fixtureIndexPeers } from '../etl/reports/html/report-fixture.ts';
import { launchChromium } from './support/headless-chromium.ts';
import { PROJECT_ROOT } from './support/run-cli.ts';

const ARTIFACTS = path.join(PROJECT_ROOT, 'tmp', 'report-render');

let browser: BrowserContext;
let work: string;

interface OpenedPage {
  readonly page: Page;
  readonly consoleErrors: string[];
  readonly foreignRequests: string[];
}

async function open(fileName: string, html: string): Promise<OpenedPage> {
  const file = path.join(work, fileName);
  await writeFile(file, html);
  const page = await browser.newPage();
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('request', (request) => {
    if (!request.url().startsWith('file://')) foreignRequests.push(request.url());
  });
  await page.goto(`file://${file}`, { waitUntil: 'load' });
  return { page, consoleErrors, foreignRequests };
}

/** The font families Chromium actually used to draw the text of the first element matching `selector`. */
async function fontsUsedFor(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.map((font) => font.familyName);
}

async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file, fullPage: true });
  console.info(`screenshot: ${file}`);
  return file;
}

/** Per chart: its name, its drawn size and how many SVG paths with geometry it holds. */
async function chartSummary(page: Page) {
  return page.$$eval('figure.chart', (figures) =>
    figures.map((figure) => {
      // The wide rendering: the one a 900 px window shows (the narrow one is not displayed).
      const svg = figure.querySelector('.chart-wide svg');
      const box = svg?.getBoundingClientRect();
      return {
        chart: figure.getAttribute('data-chart'),
        width: Math.round(box?.width ?? 0),
        height: Math.round(box?.height ?? 0),
        paths: [...(svg?.querySelectorAll('path') ?? [])].filter((one) => (one.getAttribute('d') ?? '').length > 4).length,
      };
    }),
  );
}

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  work = await tempDir('report-render');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('report.html in headless Chromium', () => {
  const nationalMix = nationalMixFor(null, readNationalBulletinRows());

  it('renders the Chinese report: no console error, no network, every chart drawn, CJK font used', async () => {
    const { page, consoleErrors, foreignRequests } = await open('report-zh.html', renderReportHtml(FIXTURE_REPORT, { nationalMix }));
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    const charts = await chartSummary(page);
    expect(charts.map((chart) => chart.chart)).toEqual([
      'ip_transfer_licence_count',
      'pledge_amount_cny',
      'patent_contract_turnover_cny',
      'gi_output_value_cny',
      'patent-intensive-mix',
      'gi-output-by-product',
    ]);
    for (const chart of charts) {
      expect(chart.width, `${chart.chart} width`).toBeGreaterThan(600);
      // The title is the figure's caption, not drawn in the SVG: two GI products make a 107 px chart.
      expect(chart.height, `${chart.chart} height`).toBeGreaterThan(100);
      expect(chart.paths, `${chart.chart} paths`).toBeGreaterThan(5);
    }
    expect(await page.textContent('h1')).toBe('深圳市知识产权运营服务体系建设月度统计报告（2025年6月）');
    expect((await fontsUsedFor(page, 'h1')).some((family) => /CJK|Han Sans|PingFang|YaHei/i.test(family))).toBe(true);
    await screenshot(page, 'report-zh.png');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await writeFile(path.join(ARTIFACTS, 'report-zh.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });

  it('renders the English report with patent-intensive figures beside the national mix', async () => {
    const { page, consoleErrors } = await open('report-en.html', renderReportHtml(FIXTURE_REPORT_WITH_PATENT_INTENSIVE, { language: 'en', nationalMix }));
    expect(consoleErrors).toEqual([]);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    // Two series (city and nation): a legend and twice the bars of the national mix alone.
    expect(await page.$$eval('figure[data-chart="patent-intensive-mix"] .chart-wide svg text', (texts) => texts.map((text) => text.textContent).filter((text) => text === 'City' || text === 'China 2023'))).toEqual(['City', 'China 2023']);
    await screenshot(page, 'report-en.png');
    await page.close();
  });

  it('renders index.html with a row and links per city, sorted by a click on a column header', async () => {
    // Shanghai: more pledge financing than Shenzhen; Suzhou: configured, no report.
    const peers = fixtureIndexPeers();
    const { page, consoleErrors } = await open('index.html', renderIndexHtml({ peers, files: ['report.html', 'report.xlsx', 'report.json'] }));
    expect(consoleErrors).toEqual([]);
    const cities = () => page.$$eval('tbody tr th', (cells) => cells.map((cell) => cell.textContent));
    expect(await cities()).toEqual(['上海市 310000', '苏州市 320500', '深圳市 440300']);
    expect(await page.$$eval('tbody tr:last-child a', (links) => links.map((link) => link.getAttribute('href')))).toEqual([
      '../../reports/city=440300/period=2025-06/report.html',
      '../../reports/city=440300/period=2025-06/report.xlsx',
      '../../reports/city=440300/period=2025-06/report.json',
    ]);
    // The script made each sortable header a button; a numeric column sorts high to low first, "—" last either way.
    const pledgeHeader = 'thead th:nth-child(3)';
    await page.click(`${pledgeHeader} button.sort`);
    expect(await page.getAttribute(pledgeHeader, 'aria-sort')).toBe('descending');
    expect(await page.getAttribute('thead th:nth-child(1)', 'aria-sort')).toBe('none');
    expect(await cities()).toEqual(['上海市 310000', '深圳市 440300', '苏州市 320500']);
    await page.click(`${pledgeHeader} button.sort`);
    expect(await page.getAttribute(pledgeHeader, 'aria-sort')).toBe('ascending');
    expect(await cities()).toEqual(['深圳市 440300', '上海市 310000', '苏州市 320500']);
    await page.click('thead th:nth-child(1) button.sort');
    expect(await cities()).toEqual(['上海市 310000', '苏州市 320500', '深圳市 440300']);
    expect(consoleErrors).toEqual([]);
    await screenshot(page, 'index-zh.png');
    await page.close();
  });
});
