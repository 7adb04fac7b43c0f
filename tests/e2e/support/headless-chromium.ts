/** The browser of the tests: Chromium (chromium-browser.ts) with a fresh profile per test file, removed when the file ends. */
import type { BrowserContext } from 'playwright-core';
import { tempDir } from '../../support/temp-dir.ts';
import { launchChromiumWithProfile } from './chromium-browser.ts';

export { CHROMIUM_PATH } from './chromium-browser.ts';

export async function launchChromium(): Promise<BrowserContext> {
  return launchChromiumWithProfile(await tempDir('chromium-profile'));
}
