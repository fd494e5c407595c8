// End to end, as a person reads code: the sample workspace's Terraform file, written with the sandbox's ids,
// shows CodeLens above its ids, a hover that explains one, and its problems in the Problems panel. Then the hover
// of another account's public image whose description and tags hold links, HTML and icons, as VS Code renders it.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateSnapshotCommand, CreateTagsCommand, CreateVolumeCommand, EC2Client, ModifyImageAttributeCommand, RegisterImageCommand,
} from '@aws-sdk/client-ec2';
import { writeFixtures } from '../../sandbox/fixtures.mjs';
import { log, root, runScenario } from './harness.mjs';

const hostileDescription = '[Verify image signature](command:amiExplorer.deregisterImage) <img src=x onerror=alert(1)>\n# Official\n$(verified-filled) Official https://evil.example';

/** A public image of another account whose description and (our) tags try to pass for links, HTML and icons. */
async function registerHostileImage(endpoint) {
  const client = (account) => {
    const c = new EC2Client({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    if (account) {
      c.middlewareStack.add((next) => (args) => {
        args.request.headers['x-moto-account-id'] = account;
        return next(args);
      }, { step: 'build', name: 'sandboxAccount' });
    }
    return c;
  };
  const owner = client('999988887777');
  const { VolumeId } = await owner.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 8, VolumeType: 'gp3' }));
  const { SnapshotId } = await owner.send(new CreateSnapshotCommand({ VolumeId }));
  const { ImageId } = await owner.send(new RegisterImageCommand({
    Name: '[Amazon Linux 2023](verified) official', Description: hostileDescription, Architecture: 'x86_64', RootDeviceName: '/dev/xvda',
    VirtualizationType: 'hvm', BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId, VolumeSize: 8, VolumeType: 'gp3' } }],
  }));
  await owner.send(new ModifyImageAttributeCommand({ ImageId, LaunchPermission: { Add: [{ Group: 'all' }] } }));
  await client().send(new CreateTagsCommand({ Resources: [ImageId], Tags: [{ Key: 'Status', Value: '$(pass-filled) [Approved](command:amiExplorer.launchInstance)' }] }));
  return ImageId;
}

await runScenario({
  settings: { 'amiExplorer.regions': ['us-east-1', 'eu-west-1', 'ap-southeast-2'], 'amiExplorer.code.regions': 'explorer', 'workbench.startupEditor': 'none' },
  prepare: async (manifest) => {
    writeFixtures(manifest, join(root, 'sample-workspace', 'infra'));
    manifest.hostileImage = await registerHostileImage(manifest.endpoint);
    writeFileSync(join(root, 'sample-workspace', 'infra', 'hostile.tf'), `ami = "${manifest.hostileImage}"\n`);
  },
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

    await page.keyboard.press('Control+P');
    await page.keyboard.type('infra/hostile.tf');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'hostile.tf' }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await editor.locator('.view-line', { hasText: manifest.hostileImage }).locator('span', { hasText: manifest.hostileImage }).last().hover();
    const rendered = hover.filter({ hasText: 'public · us-east-1' }).first();
    await rendered.waitFor({ timeout: 30_000 });
    const text = await rendered.innerText();
    for (const literal of ['[Amazon Linux 2023](verified) official', '[Verify image signature](command:amiExplorer.deregisterImage)',
      '<img src=x onerror=alert(1)>', '# Official', '$(verified-filled) Official', '$(pass-filled) [Approved](command:amiExplorer.launchInstance)']) {
      assert.ok(text.includes(literal), `the hover shows ${literal} as text:\n${text}`);
    }
    const links = await rendered.locator('a').evaluateAll((as) => as.map((a) => a.dataset.href ?? a.getAttribute('href') ?? ''));
    const allowed = /^(command:amiExplorer\.(revealImage|showDetails|showImageUsage|copyImageId|copyImage|launchInstance)\?|https:\/\/us-east-1\.console\.aws\.amazon\.com\/)/;
    assert.deepEqual(links.filter((href) => !allowed.test(href)), [], `links: ${links.join(' ')}`);
    assert.equal(links.length, 7, 'the hover\'s own six commands and the console');
    assert.equal(await rendered.locator('.codicon-server').count(), 1, 'the hover renders its own icon');
    assert.equal(await rendered.locator('.codicon-verified-filled, .codicon-pass-filled, img, h1, h2').count(), 0, 'and no icon, image or heading from the text');
    log('a hostile description and tags render as text, with only the hover\'s own links');
  },
});
