/**
 * Debian's chromium driven by playwright-core (which never downloads a browser), with the flags
 * this machine and CI need, and a fresh profile per test file.
 */
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';
import { tempDir } from '../../support/temp-dir.ts';

export const CHROMIUM_PATH = process.env['IPSTATS_CHROMIUM'] ?? '/usr/bin/chromium';

const FLAGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchChromium(): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: install Debian's chromium and fonts-noto-cjk (.ci/run does) or set IPSTATS_CHROMIUM`);
  }
  // launchPersistentContext owns --user-data-dir (and adds --headless): a fresh folder per launch.
  return chromium.launchPersistentContext(await tempDir('chromium-profile'), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: FLAGS,
    viewport: { width: 900, height: 1200 },
  });
}
