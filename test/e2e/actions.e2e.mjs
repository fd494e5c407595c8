// End to end, as a person does the AMI chores: from the Images view, copy an image to another region through the
// wizard, see the copy appear, then deregister the copy through its modal confirmation and see it go.
import assert from 'node:assert/strict';
import { chooseMenuItem as pickMenuItem, log, runScenario } from './harness.mjs';

const copyName = 'pettracker-copied-in-browser';

await runScenario({
  settings: { 'amiExplorer.regions': ['us-east-1', 'eu-west-1'], 'amiExplorer.groupByTag': 'Project' },
  scenario: async ({ page, manifest, shot }) => {
    const source = manifest.regions['us-east-1'].images.find((i) => i.id === manifest.images.petTrackerLatest);
    assert.ok(source, 'the sandbox has the latest PetTracker image');

    const imagesPane = page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: /^Images/ }) });
    const row = (text) => imagesPane.locator('.monaco-list-row', { hasText: text }).first();
    const quickInput = page.locator('.quick-input-widget');
    const chooseMenuItem = (label) => pickMenuItem(page, label);

    await page.locator('.activitybar [aria-label^="AMI Explorer"]').first().click({ timeout: 60_000 });
    await row('us-east-1').click({ timeout: 30_000 });
    await row('Owned by me').click({ timeout: 30_000 });
    await row('Project: PetTracker').click({ timeout: 30_000 });
    await row(source.name).click({ button: 'right', timeout: 30_000 });
    await chooseMenuItem('Copy Image to Regions…');
    log('Copy Image to Regions… from the tree');

    // 1/5 target regions (multi-select), 2/5 name, 3/5 description, 4/5 encryption, 5/5 tags: the step's title and number.
    await quickInput.filter({ hasText: 'Copy image: target regions (1/5)' }).waitFor({ timeout: 30_000 });
    await page.keyboard.type('eu-west-1');
    await quickInput.locator('.monaco-list-row', { hasText: 'eu-west-1' }).first().click();
    await quickInput.filter({ hasText: '1 Selected' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    await quickInput.filter({ hasText: 'Copy image: name of the copies (2/5)' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Control+A');
    await page.keyboard.type(copyName);
    await page.keyboard.press('Enter');
    await quickInput.filter({ hasText: 'Copy image: description (3/5)' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    await quickInput.filter({ hasText: 'Copy image: encryption (4/5)' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    await quickInput.filter({ hasText: 'Copy image: tags (5/5)' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    // The summary names the account, both regions and what will be created, before anything is copied.
    await quickInput.filter({ hasText: `Review: Copy ${source.name}` }).waitFor({ timeout: 30_000 });
    await quickInput.filter({ hasText: /account \d{12}/ }).waitFor({ timeout: 10_000 });
    await shot('action-summary.png');
    await page.keyboard.press('Enter');

    // The copy is revealed (and selected) under eu-west-1.
    const copy = imagesPane.locator('.monaco-list-row.selected', { hasText: copyName });
    await copy.waitFor({ timeout: 60_000 });
    log(`the copy "${copyName}" shows in eu-west-1, selected`);
    await shot('action-copy.png');

    await copy.click({ button: 'right' });
    await chooseMenuItem('Deregister Image…');
    await quickInput.filter({ hasText: 'Deregister: delete the snapshots too?' }).waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await quickInput.filter({ hasText: `Review: Deregister ${copyName}` }).waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.filter({ hasText: `Deregister ${copyName}` }).waitFor({ timeout: 30_000 });
    await dialog.filter({ hasText: 'This cannot be undone.' }).waitFor({ timeout: 10_000 });
    log('the modal names the image and what will be lost');
    await shot('action-deregister.png');
    await dialog.locator('.monaco-button', { hasText: /^Deregister$/ }).click();
    await imagesPane.locator('.monaco-list-row', { hasText: copyName }).waitFor({ state: 'detached', timeout: 60_000 });
    log('the copy is gone from the Images view');
  },
});
