import * as assert from 'node:assert/strict';
import { CreateTagsCommand } from '@aws-sdk/client-ec2';
import * as vscode from 'vscode';
import { htmlFindings, htmlText } from '../htmlSafety';
import { extensionApi, restoreSettingAfter, setting, type TestingApi } from './helpers';
import { noticeOf } from './prompts';
import { ec2, ownedImages, registerTestImage, tag } from './ec2';
import { image as imageNow } from './ec2Sharing';
import { runTestInstance } from './ec2Instances';
import { wizardScripts } from './wizardScript';

const region = 'us-east-1';

describe('image details and copy id', () => {
  let api: TestingApi;
  restoreSettingAfter('regions');
  restoreSettingAfter('snapshotPricePerGBMonth');
  const script = wizardScripts(() => api);
  before(async () => {
    api = await extensionApi();
  });
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  /** The page of an image as the webview holds it, as text. */
  const pageOf = (imageId: string, r = region) => htmlText(api.details.htmlOf({ imageId, region: r }) ?? '');

  it('showDetails opens a page with the facts, who may launch it, its snapshots and their cost, tags, lineage and raw JSON', async () => {
    const image = (await ownedImages(region)).find((i) => tag(i, 'Project') === 'PetTracker' && i.BlockDeviceMappings?.some((b) => b.Ebs?.SnapshotId));
    assert.ok(image?.ImageId, 'a PetTracker image with a snapshot');
    const before = api.details.count;
    const result = await vscode.commands.executeCommand('amiExplorer.showDetails', { imageId: image.ImageId, region });
    assert.deepEqual(result, { imageId: image.ImageId, region });
    assert.equal(api.details.count, before + 1);
    const html = api.details.htmlOf({ imageId: image.ImageId, region }) ?? '';
    assert.deepEqual(htmlFindings(html), [], 'a strict content security policy, nonce only, no handlers');
    const text = htmlText(html);
    assert.match(text, new RegExp(`^\\s*${image.Name!.replace(/[.]/g, '\\.')}\\s*$`, 'm'), 'the name is the heading');
    for (const section of ['Overview', 'Permissions', 'Storage', 'Tags', 'Usage', 'Lineage', 'Raw JSON']) {
      assert.match(html, new RegExp(`<h2 id="[a-z]+-title">${section}</h2>`), section);
    }
    assert.doesNotMatch(text, /could not be found out/, 'who uses it was looked up');
    assert.match(text, /Region us-east-1/);
    assert.match(text, /Architecture x86_64/, 'no Markdown escapes');
    assert.match(text, /Who can launch it/);
    const snapshots = image.BlockDeviceMappings!.filter((b) => b.Ebs?.SnapshotId);
    const gib = snapshots.reduce((sum, b) => sum + (b.Ebs?.VolumeSize ?? 0), 0);
    for (const b of snapshots) {
      assert.ok(text.includes(`${b.Ebs!.SnapshotId!} ${b.Ebs!.VolumeSize} GiB`), `${b.Ebs!.SnapshotId} with its size`);
    }
    assert.ok(text.includes(`${snapshots.length === 1 ? '1 snapshot' : `${snapshots.length} snapshots`}, ${gib} GiB in total: estimated $${(gib * 0.05).toFixed(2)} a month.`), text);
    assert.match(text, /Assumes \$0\.05 per GB-month \(setting amiExplorer\.snapshotPricePerGBMonth\)/);
    assert.match(text, /Project PetTracker/);
    assert.ok(text.includes(`"ImageId": "${image.ImageId}"`), 'the raw response');
  });

  it('the Usage section names what of the account uses the image, as EC2 reports it', async () => {
    const used = await registerTestImage({ region, prefix: 'details-usage' });
    const instanceId = await runTestInstance(region, used.imageId, { Name: 'details-usage-instance' });
    await vscode.commands.executeCommand('amiExplorer.showDetails', { imageId: used.imageId, region });
    const text = pageOf(used.imageId);
    assert.match(text, /In this account \(1\)/);
    assert.match(text, new RegExp(`ec2:Instance\\s+arn:aws:ec2:${region}:\\d{12}:instance/${instanceId}`));
  });

  it('one page per image: asked again, the open page is shown and read again', async () => {
    const img = await registerTestImage({ region, prefix: 'details-once', tags: { Stage: 'one' } });
    await vscode.commands.executeCommand('amiExplorer.showDetails', { imageId: img.imageId, region });
    const count = api.details.count;
    assert.match(pageOf(img.imageId), /Stage one/);
    await ec2(region).send(new CreateTagsCommand({ Resources: [img.imageId], Tags: [{ Key: 'Stage', Value: 'two' }] }));
    await vscode.commands.executeCommand('amiExplorer.showDetails', { imageId: img.imageId, region });
    assert.equal(api.details.count, count, 'no second page');
    assert.match(pageOf(img.imageId), /Stage two/);
  });

  it('Refresh reads every open page again', async () => {
    const img = await registerTestImage({ region, prefix: 'details-refresh', tags: { Stage: 'before' } });
    await vscode.commands.executeCommand('amiExplorer.showDetails', { imageId: img.imageId, region });
    await ec2(region).send(new CreateTagsCommand({ Resources: [img.imageId], Tags: [{ Key: 'Stage', Value: 'after' }] }));
    await vscode.commands.executeCommand('amiExplorer.refresh');
    await api.details.settled({ imageId: img.imageId, region });
    assert.match(pageOf(img.imageId), /Stage after/);
    // The page's own Refresh button does the same for its image.
    await ec2(region).send(new CreateTagsCommand({ Resources: [img.imageId], Tags: [{ Key: 'Stage', Value: 'again' }] }));
    await api.details.receive({ imageId: img.imageId, region }, { type: 'refresh' });
    assert.match(pageOf(img.imageId), /Stage again/);
  });

  it('the price setting redraws the estimate; a value that is not a price is ignored for the default', async () => {
    const img = await registerTestImage({ region, prefix: 'details-price' });
    await vscode.commands.executeCommand('amiExplorer.showDetails', { imageId: img.imageId, region });
    assert.match(pageOf(img.imageId), /1 snapshot, 8 GiB in total: estimated \$0\.40 a month/);
    await setting('snapshotPricePerGBMonth', 0.125);
    for (let waited = 0; !/estimated \$1\.00 a month/.test(pageOf(img.imageId)) && waited < 5000; waited += 50) {
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.match(pageOf(img.imageId), /estimated \$1\.00 a month[\s\S]*Assumes \$0\.125 per GB-month/);
    await setting('snapshotPricePerGBMonth', 'cheap');
    for (let waited = 0; !/Assumes \$0\.05 per/.test(pageOf(img.imageId)) && waited < 5000; waited += 50) {
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.match(pageOf(img.imageId), /estimated \$0\.40 a month[\s\S]*Assumes \$0\.05 per GB-month/);
  });

  it('the page\'s buttons run the commands with the image: Copy ID and Copy ARN put them on the clipboard', async () => {
    const img = await registerTestImage({ region, prefix: 'details-buttons' });
    const target = { imageId: img.imageId, region };
    await vscode.commands.executeCommand('amiExplorer.showDetails', target);
    await api.details.receive(target, { type: 'action', action: 'copyId' });
    assert.equal(await vscode.env.clipboard.readText(), img.imageId);
    await api.details.receive(target, { type: 'action', action: 'copyArn' });
    assert.equal(await vscode.env.clipboard.readText(), `arn:aws:ec2:us-east-1::image/${img.imageId}`);
  });

  it('Deregister from the page goes through the command\'s own steps: backing out changes nothing', async () => {
    const img = await registerTestImage({ region, prefix: 'details-deregister' });
    const target = { imageId: img.imageId, region };
    await vscode.commands.executeCommand('amiExplorer.showDetails', target);
    const ui = script();
    const running = ui.run(() => api.details.receive(target, { type: 'action', action: 'deregister' }));
    const question = await ui.next('Deregister: delete the snapshots too?');
    await question.cancel();
    await running;
    assert.equal((await imageNow(region, img.imageId)).ImageId, img.imageId, 'still registered');
  });

  it('a page cannot ask for anything but its buttons', async () => {
    const img = await registerTestImage({ region, prefix: 'details-junk' });
    const target = { imageId: img.imageId, region };
    await vscode.commands.executeCommand('amiExplorer.showDetails', target);
    await vscode.env.clipboard.writeText('untouched');
    for (const junk of [{ type: 'command', command: 'amiExplorer.deregisterImage', args: [target] }, { type: 'action', action: 'amiExplorer.copyImageId' }, { type: 'reveal', link: 7 }, 'copyId']) {
      await api.details.receive(target, junk);
    }
    assert.equal(await vscode.env.clipboard.readText(), 'untouched');
    assert.equal((await imageNow(region, img.imageId)).ImageId, img.imageId);
  });

  it('showDetails of an image that does not exist says so, and opens no page', async () => {
    const before = api.details.count;
    assert.match(await noticeOf(api, () => vscode.commands.executeCommand('amiExplorer.showDetails', { imageId: 'ami-0000000000000dead', region })), /ami-0000000000000dead/);
    assert.equal(api.details.count, before);
  });

  it('showDetails refuses a malformed id before calling AWS', async () => {
    assert.match(await noticeOf(api, () => vscode.commands.executeCommand('amiExplorer.showDetails', { imageId: 'ami-XYZ', region })), /"ami-XYZ" is not an AMI id/);
  });

  it('copyImageId puts the id on the clipboard', async () => {
    const id = await vscode.commands.executeCommand('amiExplorer.copyImageId', { imageId: 'ami-0123456789abcdef0' });
    assert.equal(id, 'ami-0123456789abcdef0');
    assert.equal(await vscode.env.clipboard.readText(), 'ami-0123456789abcdef0');
  });

  it('from the palette, with no id under the cursor, asks the id and then its region, numbered, with Back', async () => {
    await setting('regions', ['us-east-1', 'eu-west-1']);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const ui = script();
    const running = ui.run(() => vscode.commands.executeCommand('amiExplorer.copyImageId'));
    const id = await ui.next('Image: id');
    assert.equal(id.numbers, '1/2');
    await id.enter('ami-XYZ');
    const refused = await ui.next('Image: id');
    assert.match(refused.validationMessage ?? '', /"ami-XYZ" is not an AMI id/);
    await refused.enter('ami-0123456789abcdef0');
    const regionStep = await ui.next('Image: region of ami-0123456789abcdef0');
    assert.equal(regionStep.numbers, '2/2');
    assert.deepEqual(regionStep.items(), ['us-east-1', 'eu-west-1']);
    await regionStep.back();
    const again = await ui.next('Image: id');
    assert.equal(again.value, 'ami-0123456789abcdef0', 'the id given before');
    await again.enter('ami-0abcdef1234567890');
    await (await ui.next('Image: region of ami-0abcdef1234567890')).pick('eu-west-1');
    assert.equal(await running, 'ami-0abcdef1234567890');
  });
});
