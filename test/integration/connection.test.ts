import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { must } from '../must';
import { extensionApi, label, restoreSettingAfter, type TestingApi } from './helpers';
import { noticeOf } from './prompts';
import { answerQuickPick } from './quickPick';

describe('profiles, regions and grouping', () => {
  let api: TestingApi;
  restoreSettingAfter('regions');
  restoreSettingAfter('groupByTag');
  before(async () => {
    api = await extensionApi();
  });

  it('selectRegions sets the regions both views show', async () => {
    const result = await vscode.commands.executeCommand('amiExplorer.selectRegions', { regions: ['eu-west-1'] });
    assert.deepEqual(result, ['eu-west-1']);
    assert.deepEqual((await api.images.provider.getChildren()).map(label), ['eu-west-1']);
    assert.deepEqual((await api.instances.provider.getChildren()).map(label), ['eu-west-1']);
  });

  it('selectRegions rejects a name that is not a region and changes nothing', async () => {
    const before = vscode.workspace.getConfiguration('amiExplorer').get('regions');
    assert.match(await noticeOf(api, () => vscode.commands.executeCommand('amiExplorer.selectRegions', { regions: ['Europe'] })), /"Europe" is not an AWS region name/);
    assert.deepEqual(vscode.workspace.getConfiguration('amiExplorer').get('regions'), before);
  });

  it('groupByTag writes the setting and rejects reserved keys', async () => {
    assert.equal(await vscode.commands.executeCommand('amiExplorer.groupByTag', { tagKey: 'Version' }), 'Version');
    assert.equal(vscode.workspace.getConfiguration('amiExplorer').get('groupByTag'), 'Version');
    assert.match(await noticeOf(api, () => vscode.commands.executeCommand('amiExplorer.groupByTag', { tagKey: 'aws:cloudformation' })), /not a valid tag key/);
    assert.equal(vscode.workspace.getConfiguration('amiExplorer').get('groupByTag'), 'Version');
  });

  describe('selectProfile from the palette', () => {
    restoreSettingAfter('profile');
    const folder = must(vscode.workspace.workspaceFolders?.[0], 'the sample workspace folder').uri;
    const dotVscode = vscode.Uri.joinPath(folder, '.vscode').fsPath;
    const hadDotVscode = existsSync(dotVscode);
    const saved = process.env.AWS_CONFIG_FILE;
    const profile = () => vscode.workspace.getConfiguration('amiExplorer').inspect<string>('profile');
    before(() => {
      const dir = mkdtempSync(join(tmpdir(), 'aws-config-'));
      // "a b" sorts before "qa", but the setting would ignore it, so it is not offered.
      writeFileSync(join(dir, 'config'), '[profile a b]\nregion = eu-west-1\n\n[profile qa]\nregion = eu-west-1\n');
      process.env.AWS_CONFIG_FILE = join(dir, 'config');
    });
    after(async () => {
      if (saved === undefined) {
        delete process.env.AWS_CONFIG_FILE;
      } else {
        process.env.AWS_CONFIG_FILE = saved;
      }
      await vscode.workspace.getConfiguration('amiExplorer').update('profile', undefined, vscode.ConfigurationTarget.Workspace);
      if (!hadDotVscode) {
        rmSync(dotVscode, { recursive: true, force: true });
      }
    });

    it('offers the profiles the setting accepts, asks where to save, and by default saves for the user', async () => {
      const picked = vscode.commands.executeCommand('amiExplorer.selectProfile');
      await answerQuickPick(1);
      await answerQuickPick(0);
      assert.equal(await picked, 'qa');
      assert.equal(profile()?.globalValue, 'qa');
      assert.equal(profile()?.workspaceValue, undefined, 'the workspace is not written');
    });

    it('saves in the workspace only when asked to', async () => {
      await vscode.workspace.getConfiguration('amiExplorer').update('profile', undefined, vscode.ConfigurationTarget.Global);
      const picked = vscode.commands.executeCommand('amiExplorer.selectProfile');
      await answerQuickPick(0);
      await answerQuickPick(1);
      assert.equal(await picked, '');
      assert.equal(profile()?.workspaceValue, '');
      assert.equal(profile()?.globalValue, undefined, 'the user settings are not written');
    });

  });

  it('with no credentials anywhere the Images view is empty, so its welcome view shows', async () => {
    const saved = { ...process.env };
    const dir = mkdtempSync(join(tmpdir(), 'no-aws-'));
    writeFileSync(join(dir, 'config'), '');
    writeFileSync(join(dir, 'credentials'), '');
    for (const key of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_CREDENTIALS_FULL_URI']) {
      delete process.env[key];
    }
    process.env.AWS_CONFIG_FILE = join(dir, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
    try {
      await vscode.commands.executeCommand('amiExplorer.refresh');
      assert.deepEqual(await api.images.provider.getChildren(), []);
      const [error] = await api.instances.provider.getChildren();
      assert.ok(error, 'a node in the Instances view');
      assert.match(label(error), /^No AWS credentials found for the default credential chain\.$/);
    } finally {
      process.env = saved;
      await vscode.commands.executeCommand('amiExplorer.refresh');
    }
    assert.ok((await api.images.provider.getChildren()).length > 0, 'credentials are back');
  });
});
