// End to end, as a person uses it: the installed extension in the browser VS Code against the EC2 sandbox.
// Opens the AMI Explorer view, expands a region and a tag group, sees the seeded images, opens details.
// Screenshots go to SCREENSHOT_DIR (docs/screenshots via `npm run screenshots`), else a temp folder.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
  const petTracker = manifest.regions['us-east-1'].images
    .filter((i) => i.tags.Project === 'PetTracker' && i.state === 'available')
    .sort((a, b) => b.creationDate.localeCompare(a.creationDate));
  assert.ok(petTracker.length >= 2, 'the sandbox has PetTracker images in us-east-1');

  const toolchain = await ensureToolchain({ log });
  workbench = await openWorkbench({
    toolchain,
    folder: join(root, 'sample-workspace'),
    extensionPath: root,
    env: sandboxEnv(moto.endpoint),
    settings: { 'amiExplorer.regions': ['us-east-1', 'eu-west-1'], 'amiExplorer.groupByTag': 'Project' },
    log,
  });
  let page;
  ({ browser, page } = await openBrowser({ toolchain, url: workbench.url, viewport: { width: 1400, height: 860 } }));

  const imagesPane = page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: /^Images/ }) });
  const row = (text) => imagesPane.locator('.monaco-list-row', { hasText: text }).first();
  await page.locator('.activitybar [aria-label^="AMI Explorer"]').first().click({ timeout: 60_000 });
  log('opened the AMI Explorer view');
  await row('us-east-1').click({ timeout: 30_000 });
  await row('Owned by me').click({ timeout: 30_000 });
  await row('Project: PetTracker').click({ timeout: 30_000 });
  for (const image of petTracker) {
    await row(image.name).waitFor({ timeout: 30_000 });
  }
  log(`sees ${petTracker.map((i) => i.name).join(', ')}`);
  await page.screenshot({ path: join(shots, 'images-view.png') });

  // The inline "Show Image Details" action on the newest PetTracker image.
  const newest = row(petTracker[0].name);
  await newest.hover();
  await newest.locator('.action-label[aria-label="Show Image Details"]').click({ timeout: 10_000 });
  const editor = page.locator('.editor-instance .view-lines');
  await page.locator('.tab', { hasText: `${petTracker[0].id}.md` }).waitFor({ timeout: 30_000 });
  await editor.filter({ hasText: 'Who can launch it' }).waitFor({ timeout: 30_000 });
  log('details document opened');
  await page.screenshot({ path: join(shots, 'image-details.png') });
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
