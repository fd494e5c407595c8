// End to end, as a person launches, bakes and cleans up: from the Images view, launch an instance through the
// wizard and its summary, see it selected in the Instances view, create an image from it and see that image
// selected, then terminate the instance through its summary and modal and see it leave the Instances view.
import assert from 'node:assert/strict';
import { chooseMenuItem as pickMenuItem, log, runScenario } from './harness.mjs';

const instanceName = 'web-launched-in-browser';
const imageName = 'web-baked-in-browser';

await runScenario({
  settings: { 'amiExplorer.regions': ['us-east-1'], 'amiExplorer.groupByTag': 'Project' },
  scenario: async ({ page, manifest, shot }) => {
    const source = manifest.regions['us-east-1'].images.find((i) => i.id === manifest.images.petTrackerLatest);
    assert.ok(source, 'the sandbox has the latest PetTracker image');

    const pane = (title) => page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: new RegExp(`^${title}`) }) });
    const imageRow = (text) => pane('Images').locator('.monaco-list-row', { hasText: text }).first();
    const quickInput = page.locator('.quick-input-widget');
    const step = (title) => quickInput.filter({ hasText: title }).waitFor({ timeout: 30_000 });
    // A step's items may still be loading when its title shows: Enter before they arrive would pick nothing.
    const stepWithItems = async (title) => {
      await step(title);
      await quickInput.locator('.monaco-list-row').first().waitFor({ timeout: 30_000 });
    };
    const chooseMenuItem = (label) => pickMenuItem(page, label);

    await page.locator('.activitybar [aria-label^="AMI Explorer"]').first().click({ timeout: 60_000 });
    await imageRow('us-east-1').click({ timeout: 30_000 });
    await imageRow('Owned by me').click({ timeout: 30_000 });
    await imageRow('Project: PetTracker').click({ timeout: 30_000 });
    await imageRow(source.name).click({ button: 'right', timeout: 30_000 });
    await chooseMenuItem('Launch Instance from Image…');

    await step('Launch from image: x86_64 instance type (1/8)');
    await page.keyboard.type('t3.micro');
    await quickInput.locator('.monaco-list-row', { hasText: 't3.micro' }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    // No instance profile and no user data: each list starts with "None".
    for (const title of ['key pair (2/8)', 'subnet (3/8)', /security groups of vpc-\w+ \(4\/8\)/, 'instance profile (5/8)', 'user data (6/8)']) {
      await stepWithItems(typeof title === 'string' ? `Launch from image: ${title}` : title);
      await page.keyboard.press('Enter');
    }
    await step('Launch from image: Name tag (7/8)');
    await page.keyboard.type(instanceName);
    await page.keyboard.press('Enter');
    await step('Launch from image: count (8/8)');
    await page.keyboard.press('Enter');
    // The summary names the account and the region, and what will be created.
    await stepWithItems(`Review: Launch 1 × t3.micro from ${source.name}`);
    await quickInput.filter({ hasText: /account \d{12}/ }).waitFor({ timeout: 10_000 });
    await quickInput.filter({ hasText: 'Instances: 1 × t3.micro' }).waitFor({ timeout: 10_000 });
    await quickInput.filter({ hasText: 'Instance metadata: IMDSv2 required' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    const instance = pane('Instances').locator('.monaco-list-row.selected', { hasText: instanceName });
    await instance.waitFor({ timeout: 60_000 });
    log(`launched "${instanceName}" through the wizard; it is selected in the Instances view`);
    await shot('action-launch.png');

    await instance.click({ button: 'right' });
    await chooseMenuItem('Create Image from Instance…');
    // The instance runs, so the last step asks whether to reboot it: five steps.
    await step('Create image: name (1/5)');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(imageName);
    await page.keyboard.press('Enter');
    await step('Create image: description (2/5)');
    await page.keyboard.press('Enter');
    await step('Create image: tags (on the image and its snapshots) (3/5)');
    await page.keyboard.press('Enter');
    await step('Create image: more tags (4/5)');
    await page.keyboard.press('Enter');
    await stepWithItems(`Create image: reboot ${instanceName}? (5/5)`);
    await page.keyboard.press('Enter');
    await stepWithItems(`Review: Create image "${imageName}"`);
    await page.keyboard.press('Enter');
    await pane('Images').locator('.monaco-list-row.selected', { hasText: imageName }).waitFor({ timeout: 60_000 });
    log(`baked "${imageName}" from the instance; it is selected in the Images view`);
    await shot('action-create-image.png');

    await instance.click({ button: 'right' });
    await chooseMenuItem('Terminate Instance…');
    await stepWithItems(`Review: Terminate ${instanceName} (i-`);
    await quickInput.filter({ hasText: 'it cannot be started again' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.filter({ hasText: `Terminate ${instanceName} (i-` }).waitFor({ timeout: 30_000 });
    await dialog.filter({ hasText: 'EBS volumes deleted with it (DeleteOnTermination): vol-' }).waitFor({ timeout: 10_000 });
    await dialog.filter({ hasText: 'This cannot be undone.' }).waitFor({ timeout: 10_000 });
    log('the modal names the instance and the volumes deleted with it');
    await dialog.locator('.monaco-button', { hasText: /^Terminate$/ }).click();
    await pane('Instances').locator('.monaco-list-row', { hasText: instanceName }).waitFor({ state: 'detached', timeout: 60_000 });
    log('terminated: it is gone from the Instances view');
  },
});
