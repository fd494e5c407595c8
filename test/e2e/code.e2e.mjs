// End to end, as a person reads code: the sample workspace's Terraform file, written with the sandbox's ids,
// shows CodeLens above its ids, a hover that explains one, and its problems in the Problems panel.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFixtures } from '../../sandbox/fixtures.mjs';
import { log, root, runScenario } from './harness.mjs';

await runScenario({
  settings: { 'amiExplorer.regions': ['us-east-1', 'eu-west-1', 'ap-southeast-2'], 'amiExplorer.code.regions': 'explorer', 'workbench.startupEditor': 'none' },
  prepare: (manifest) => writeFixtures(manifest, join(root, 'sample-workspace', 'infra')),
  scenario: async ({ page, manifest, shot }) => {
    const image = (key) => manifest.regions['us-east-1'].images.find((i) => i.id === manifest.images[key]);
    const latest = image('petTrackerLatest');
    const disabled = image('petTrackerDisabled');
    assert.ok(latest && disabled, 'the sandbox has the PetTracker images the Terraform sample pins');

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
    await shot('code-hover.png');

    await page.mouse.move(5, 5);
    await page.keyboard.press('Control+Shift+M');
    const problems = page.locator('.markers-panel');
    await problems.filter({ hasText: `is disabled in us-east-1` }).waitFor({ timeout: 30_000 });
    await problems.filter({ hasText: 'is deprecated since' }).waitFor({ timeout: 30_000 });
    await problems.filter({ hasText: 'but this code is for ap-southeast-2' }).waitFor({ timeout: 30_000 });
    log('the Problems panel lists the disabled, deprecated and wrong-region ids');
    await shot('code-problems.png');
  },
});
