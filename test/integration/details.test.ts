import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { shown } from '../markdownSafety';
import { extensionApi, restoreSettingAfter, setting, type TestingApi } from './helpers';
import { noticeOf } from './prompts';
import { ownedImages, tag } from './ec2';
import { wizardScripts } from './wizardScript';

describe('image details and copy id', () => {
  let api: TestingApi;
  restoreSettingAfter('regions');
  const script = wizardScripts(() => api);
  before(async () => {
    api = await extensionApi();
  });

  it('showDetails opens a read-only document with the facts, block devices and launch permissions', async () => {
    const image = (await ownedImages('us-east-1')).find((i) => tag(i, 'Project') === 'PetTracker' && i.BlockDeviceMappings?.some((b) => b.Ebs?.SnapshotId));
    assert.ok(image?.ImageId, 'a PetTracker image with a snapshot');
    const result = await vscode.commands.executeCommand<{ uri: string; text: string }>('amiExplorer.showDetails', { imageId: image.ImageId, region: 'us-east-1' });
    const text = shown(result.text);
    assert.match(text, new RegExp(`^# ${image.Name!.replace(/[.]/g, '\\.')}$`, 'm'));
    assert.match(text, /\| Region \| us-east-1 \|/);
    assert.match(text, /## Who can launch it/);
    const snapshot = image.BlockDeviceMappings!.find((b) => b.Ebs?.SnapshotId)!.Ebs!.SnapshotId!;
    assert.ok(text.includes(`| ${snapshot} |`), 'the snapshot id is listed');
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), result.uri);
    assert.equal(editor?.document.getText(), result.text);
    assert.equal(editor?.document.uri.scheme, 'ami-explorer-details');
  });

  it('showDetails of an image that does not exist says so', async () => {
    assert.match(await noticeOf(api, () => vscode.commands.executeCommand('amiExplorer.showDetails', { imageId: 'ami-0000000000000dead', region: 'us-east-1' })), /ami-0000000000000dead/);
  });

  it('showDetails refuses a malformed id before calling AWS', async () => {
    assert.match(await noticeOf(api, () => vscode.commands.executeCommand('amiExplorer.showDetails', { imageId: 'ami-XYZ', region: 'us-east-1' })), /"ami-XYZ" is not an AMI id/);
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
    const region = await ui.next('Image: region of ami-0123456789abcdef0');
    assert.equal(region.numbers, '2/2');
    assert.deepEqual(region.items(), ['us-east-1', 'eu-west-1']);
    await region.back();
    const again = await ui.next('Image: id');
    assert.equal(again.value, 'ami-0123456789abcdef0', 'the id given before');
    await again.enter('ami-0abcdef1234567890');
    await (await ui.next('Image: region of ami-0abcdef1234567890')).pick('eu-west-1');
    assert.equal(await running, 'ami-0abcdef1234567890');
  });
});
