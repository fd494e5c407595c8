// End to end, as a person uses it: the installed extension in the browser VS Code against the EC2 sandbox.
// Opens the AMI Explorer view, expands a region and a tag group, sees the seeded images, opens the details page.
import assert from 'node:assert/strict';
import { log, runScenario } from './harness.mjs';

await runScenario({
  settings: { 'amiExplorer.regions': ['us-east-1', 'eu-west-1'], 'amiExplorer.groupByTag': 'Project' },
  scenario: async ({ page, manifest, shot }) => {
    const petTracker = manifest.regions['us-east-1'].images
      .filter((i) => i.tags.Project === 'PetTracker' && i.state === 'available')
      .sort((a, b) => b.creationDate.localeCompare(a.creationDate));
    assert.ok(petTracker.length >= 2, 'the sandbox has PetTracker images in us-east-1');

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
    await shot('images-view.png');

    // The inline "Show Image Details" action on the newest PetTracker image.
    const newest = row(petTracker[0].name);
    await newest.hover();
    await newest.locator('.action-label[aria-label="Show Image Details"]').click({ timeout: 10_000 });
    await page.locator('.tab', { hasText: petTracker[0].name }).waitFor({ timeout: 30_000 });
    // The page lives in the webview's own frame, inside the workbench's.
    const details = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await details.locator('h1', { hasText: petTracker[0].name }).waitFor({ timeout: 30_000 });
    for (const section of ['Overview', 'Permissions', 'Storage', 'Tags', 'Lineage', 'Raw JSON']) {
      await details.locator('h2', { hasText: section }).waitFor({ timeout: 10_000 });
    }
    await details.locator('button', { hasText: 'Launch…' }).waitFor({ timeout: 10_000 });
    log('details page opened, with its sections and buttons');
    await shot('image-details.png');
  },
});
