/**
 * `npm run screenshots`: full-page PNGs of one report and of its month's index, at a phone's width
 * (390 px) and a desktop's (1440 px), from the output `npm start` wrote, so a person can look at
 * the pages as a reader gets them. Not run by the tests.
 *
 * Usage: npm run screenshots [-- <output folder>]   (default: out)
 * Writes tmp/screenshots/{report,index}-{390,1440}.png and prints their paths.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromiumWithProfile } from '../tests/e2e/support/chromium-browser.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
const SCREENSHOT_DIR = path.join(PROJECT_ROOT, 'tmp', 'screenshots');
const WIDTHS = [390, 1440] as const;

/** The latest month with an index in the output, and the first city's report of that month. */
async function pagesToShoot(outDir: string): Promise<{ readonly report: string; readonly index: string } | null> {
  const indexDir = path.join(outDir, 'index');
  if (!existsSync(indexDir)) return null;
  const periods = (await readdir(indexDir)).filter((name) => /^period=\d{4}-\d{2}$/.test(name) && existsSync(path.join(indexDir, name, 'index.html'))).sort();
  const period = periods.at(-1);
  if (period === undefined) return null;
  const cities = (await readdir(path.join(outDir, 'reports'))).filter((name) => existsSync(path.join(outDir, 'reports', name, period, 'report.html'))).sort();
  if (cities.length === 0) return null;
  return { report: path.join(outDir, 'reports', cities[0]!, period, 'report.html'), index: path.join(indexDir, period, 'index.html') };
}

async function main(): Promise<number> {
  const outDir = path.resolve(process.argv[2] ?? path.join(PROJECT_ROOT, 'out'));
  const pages = await pagesToShoot(outDir);
  if (pages === null) {
    console.error(`no report.html and index.html under ${outDir}: run \`npm start\` first (it writes the sample reports there), or name another output folder: npm run screenshots -- <folder>`);
    return 1;
  }
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const profile = await mkdtemp(path.join(tmpdir(), 'ipstats-screenshots-'));
  const browser = await launchChromiumWithProfile(profile);
  try {
    for (const [name, file] of Object.entries(pages)) {
      for (const width of WIDTHS) {
        const page = await browser.newPage();
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`file://${file}`, { waitUntil: 'load' });
        const png = path.join(SCREENSHOT_DIR, `${name}-${width}.png`);
        await page.screenshot({ path: png, fullPage: true });
        await page.close();
        console.log(`${png}  (${path.relative(outDir, file)} at ${width} px)`);
      }
    }
  } finally {
    await browser.close();
    await rm(profile, { recursive: true, force: true });
  }
  return 0;
}

process.exitCode = await main();
