// What every end-to-end scenario needs: a seeded EC2 sandbox, the installed extension in the browser VS Code on
// the sample workspace, a page to drive, screenshots, and a pass/fail line the test runner counts.
// Screenshots go to SCREENSHOT_DIR (docs/screenshots via `npm run screenshots`), else a temp folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sandboxEnv, startMoto } from '../../sandbox/moto.mjs';
import { seed } from '../../sandbox/seed.mjs';
import { openBrowser, openWorkbench } from '../../scripts/vscode-web/openWorkbench.mjs';
import { ensureToolchain } from '../../scripts/vscode-web/toolchain.mjs';

export const root = resolve(import.meta.dirname, '../..');
export const log = (m) => console.log(`[e2e] ${m}`);

/**
 * Runs `scenario({ page, manifest, shot })` and exits the process with its verdict.
 * `prepare(manifest)` runs before VS Code opens (e.g. to write files into the sample workspace).
 * @param {{ settings: Record<string, unknown>, prepare?: (manifest: any) => void | Promise<void>,
 *   scenario: (ctx: { page: import('playwright-core').Page, manifest: any, shot: (name: string) => Promise<void> }) => Promise<void> }} options
 */
export async function runScenario({ settings, prepare, scenario }) {
  // The sandbox's keys must win: the SDK prefers a profile over keys in the environment.
  delete process.env.AWS_PROFILE;
  const shots = process.env.SCREENSHOT_DIR ? resolve(process.env.SCREENSHOT_DIR) : mkdtempSync(join(tmpdir(), 'ami-explorer-e2e-'));
  const moto = await startMoto();
  let workbench;
  let browser;
  let failed = false;
  try {
    const manifest = await seed(moto.endpoint);
    await prepare?.(manifest);
    const toolchain = await ensureToolchain({ log });
    workbench = await openWorkbench({ toolchain, folder: join(root, 'sample-workspace'), extensionPath: root, env: sandboxEnv(moto.endpoint), settings, log });
    let page;
    ({ browser, page } = await openBrowser({ toolchain, url: workbench.url, viewport: { width: 1400, height: 860 } }));
    await scenario({ page, manifest, shot: (name) => page.screenshot({ path: join(shots, name) }) });
    log(`screenshots in ${shots}`);
  } catch (error) {
    failed = true;
    console.log(`[e2e] FAILED: ${error?.stack ?? error}`);
    try {
      await browser?.contexts()[0]?.pages()[0]?.screenshot({ path: join(shots, 'failure.png') });
      console.log(`[e2e] failure screenshot: ${join(shots, 'failure.png')}`);
    } catch { /* the browser may be gone */ }
  } finally {
    await browser?.close().catch(() => {});
    await workbench?.stop().catch(() => {});
    await moto.stop().catch(() => {});
  }
  console.log(failed ? '[e2e] 0 passed, 1 failed' : '[e2e] 1 passed');
  process.exit(failed ? 1 : 0);
}

/** Picks an item of the open context menu: menus take the keyboard more reliably than a synthetic click. */
export async function chooseMenuItem(page, label) {
  await page.locator('.monaco-menu .action-item', { hasText: label }).first().hover({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}
