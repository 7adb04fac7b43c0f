/**
 * Debian's chromium driven by playwright-core (which never downloads a browser), with the flags
 * this machine and CI need. No test-runner import: scripts/screenshots.ts launches it too.
 */
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env['IPSTATS_CHROMIUM'] ?? '/usr/bin/chromium';

const FLAGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** @param profileDir a fresh, empty folder the browser keeps its profile in (the caller removes it). */
export async function launchChromiumWithProfile(profileDir: string): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: install Debian's chromium and fonts-noto-cjk (.ci/run does) or set IPSTATS_CHROMIUM`);
  }
  // launchPersistentContext owns --user-data-dir (and adds --headless).
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: FLAGS,
    viewport: { width: 900, height: 1200 },
  });
}
