// End to end, as a person reads code: the sample workspace's Terraform file, written with the sandbox's ids,
// shows CodeLens above its ids, a hover that explains one, and its problems in the Problems panel.
// Screenshots go to SCREENSHOT_DIR (docs/screenshots via `npm run screenshots`), else a temp folder.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeFixtures } from '../../sandbox/fixtures.mjs';
import { sandboxEnv, startMoto } from '../../sandbox/moto.mjs';
import { seed } from '../../sandbox/seed.mjs';
import { openBrowser, openWorkbench } from '../../scripts/vscode-web/openWorkbench.mjs';
import { ensureToolchain } from '../../scripts/vscode-web/toolchain.mjs';

// The sandbox's keys must win: the SDK prefers a profile over keys in the environment.
delete process.env.AWS_PROFILE;
const root = resolve(import.meta.dirname, '../..');
const shots = process.env.SCREENSHOT_DIR ? resolve(process.env.SCREENSHOT_DIR) : mkdtempSync(join(tmpdir(), 'ami-explorer-e2e-'));
const log = (m) => console.log(`[e2e] ${m}`);

const moto = await startMoto();
let workbench;
let browser;
let failed = false;
try {
  const manifest = await seed(moto.endpoint);
  writeFixtures(manifest, join(root, 'sample-workspace', 'infra'));
  const image = (key) => manifest.regions['us-east-1'].images.find((i) => i.id === manifest.images[key]);
  const latest = image('petTrackerLatest');
  const disabled = image('petTrackerDisabled');
  assert.ok(latest && disabled, 'the sandbox has the PetTracker images the Terraform sample pins');

  const toolchain = await ensureToolchain({ log });
  workbench = await openWorkbench({
    toolchain,
    folder: join(root, 'sample-workspace'),
    extensionPath: root,
    env: sandboxEnv(moto.endpoint),
    settings: { 'amiExplorer.regions': ['us-east-1', 'eu-west-1', 'ap-southeast-2'], 'amiExplorer.code.regions': 'explorer', 'workbench.startupEditor': 'none' },
    log,
  });
  let page;
  ({ browser, page } = await openBrowser({ toolchain, url: workbench.url, viewport: { width: 1400, height: 860 } }));

  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.keyboard.press('Control+P');
  await page.keyboard.type('infra/terraform/main.tf');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'main.tf' }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  const editor = page.locator('.editor-instance');
  await editor.locator('.view-lines').filter({ hasText: 'aws_instance' }).waitFor({ timeout: 30_000 });
  log('opened infra/terraform/main.tf');

  const lens = `${latest.name} · us-east-1 · available`;
  await editor.locator('.codelens-decoration', { hasText: lens }).first().waitFor({ timeout: 30_000 });
  await editor.locator('.codelens-decoration', { hasText: `${disabled.name} · us-east-1 · disabled` }).first().waitFor({ timeout: 30_000 });
  log(`CodeLens shows "${lens}"`);

  // Hover the id on the aws_instance line (the third occurrence of the id in the file).
  await editor.locator('.view-line', { hasText: `ami           = "${latest.id}"` }).locator('span', { hasText: latest.id }).last().hover();
  const hover = page.locator('.monaco-hover');
  await hover.filter({ hasText: 'owned by you · us-east-1 · available' }).first().waitFor({ timeout: 30_000 });
  await hover.filter({ hasText: 'Reveal in Images view' }).first().waitFor({ timeout: 10_000 });
  await editor.locator('.codelens-decoration', { hasText: `${latest.name} · us-east-1 (not ap-southeast-2) · available` }).first().waitFor({ timeout: 10_000 });
  log('hover explains the id');
  await page.screenshot({ path: join(shots, 'code-hover.png') });

  await page.mouse.move(5, 5);
  await page.keyboard.press('Control+Shift+M');
  const problems = page.locator('.markers-panel');
  await problems.filter({ hasText: `is disabled in us-east-1` }).waitFor({ timeout: 30_000 });
  await problems.filter({ hasText: 'is deprecated since' }).waitFor({ timeout: 30_000 });
  await problems.filter({ hasText: 'but this code is for ap-southeast-2' }).waitFor({ timeout: 30_000 });
  log('the Problems panel lists the disabled, deprecated and wrong-region ids');
  await page.screenshot({ path: join(shots, 'code-problems.png') });
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
