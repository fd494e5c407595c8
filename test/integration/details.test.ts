import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { shown } from '../markdownSafety';
import { extensionApi, type TestingApi } from './helpers';
import { noticeOf } from './prompts';
import { ownedImages, tag } from './ec2';

describe('image details and copy id', () => {
  let api: TestingApi;
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
});
