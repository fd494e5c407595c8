// Headless Chromium through playwright-core, using the system Chromium (playwright's own browser
// download is not available everywhere, and is never needed).
import { createRequire } from 'node:module';

/** Flags for running in containers and CI: no sandbox (root), no GPU, no /dev/shm reliance, no background traffic. */
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
]);

/**
 * @param {object} options
 * @param {import('./toolchain.mjs').Toolchain} options.toolchain
 * @param {string} [options.url] opened right away when given
 * @param {{ width: number, height: number }} [options.viewport]
 * @param {boolean} [options.headless] default true
 * @param {boolean} [options.handleSignals] let playwright close the browser and exit the process on
 *   SIGINT/SIGTERM/SIGHUP (default true); pass false when the caller cleans up on signals itself
 * @returns {Promise<{ browser: import('playwright-core').Browser, page: import('playwright-core').Page }>}
 */
export async function openBrowser({ toolchain, url, viewport = { width: 1400, height: 900 }, headless = true, handleSignals = true }) {
  /** @type {typeof import('playwright-core')} */
  const playwright = createRequire(import.meta.url)(toolchain.playwrightCore);
  const browser = await playwright.chromium.launch({
    executablePath: toolchain.chromium,
    headless,
    args: [...CHROMIUM_ARGS],
    handleSIGINT: handleSignals,
    handleSIGTERM: handleSignals,
    handleSIGHUP: handleSignals,
  });
  try {
    // The workbench's clipboard is the browser's: without these a headless page reads it back empty.
    const page = await browser.newPage({ viewport, permissions: ['clipboard-read', 'clipboard-write'] });
    if (url) await page.goto(url);
    return { browser, page };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
