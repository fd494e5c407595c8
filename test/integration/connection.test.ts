import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { must } from '../must';
import { extensionApi, label, restoreSettingAfter, type TestingApi } from './helpers';
import { noticeOf } from './prompts';
import { wizardScripts } from './wizardScript';

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
    const script = wizardScripts(() => api);
    const folder = must(vscode.workspace.workspaceFolders?.[0], 'the sample workspace folder').uri;
    const dotVscode = vscode.Uri.joinPath(folder, '.vscode').fsPath;
    const hadDotVscode = existsSync(dotVscode);
    const saved = { config: process.env.AWS_CONFIG_FILE, credentials: process.env.AWS_SHARED_CREDENTIALS_FILE };
    const profile = () => vscode.workspace.getConfiguration('amiExplorer').inspect<string>('profile');
    const selectProfile = () => vscode.commands.executeCommand<string | undefined>('amiExplorer.selectProfile');
    const profiles = 'Select AWS profile: profile for AMI Explorer';
    before(() => {
      const dir = mkdtempSync(join(tmpdir(), 'aws-config-'));
      // "a b" sorts before "qa", but the setting would ignore it, so it is not offered.
      writeFileSync(join(dir, 'config'), '[profile a b]\nregion = eu-west-1\n\n[profile qa]\nregion = eu-west-1\n');
      writeFileSync(join(dir, 'credentials'), '');
      process.env.AWS_CONFIG_FILE = join(dir, 'config');
      process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
    });
    after(async () => {
      for (const [key, value] of [['AWS_CONFIG_FILE', saved.config], ['AWS_SHARED_CREDENTIALS_FILE', saved.credentials]] as const) {
        if (value === undefined) {
          delete process.env[key];
        } else {
          process.env[key] = value;
        }
      }
      await vscode.workspace.getConfiguration('amiExplorer').update('profile', undefined, vscode.ConfigurationTarget.Workspace);
      if (!hadDotVscode) {
        rmSync(dotVscode, { recursive: true, force: true });
      }
    });

    it('offers the profiles the setting accepts, asks where to save, and by default saves for the user', async () => {
      const ui = script();
      const picked = ui.run(selectProfile);
      const list = await ui.next(profiles);
      assert.equal(list.numbers, '1/2');
      assert.deepEqual(list.items(), [
        '$(key) Default credential chain — AWS_PROFILE, environment variables, SSO, instance role…',
        '$(account) qa — config only · eu-west-1',
      ], '"a b" is not offered');
      await list.pick('qa');
      const where = await ui.next('Select AWS profile: save "qa" in…');
      assert.equal(where.numbers, '2/2');
      assert.deepEqual(where.items(), ['User settings — every window', 'This workspace — its .vscode/settings.json']);
      await where.accept();
      assert.equal(await picked, 'qa');
      ui.assertNoMoreSteps();
      assert.equal(profile()?.globalValue, 'qa');
      assert.equal(profile()?.workspaceValue, undefined, 'the workspace is not written');
    });

    it('saves in the workspace only when asked to', async () => {
      await vscode.workspace.getConfiguration('amiExplorer').update('profile', undefined, vscode.ConfigurationTarget.Global);
      const ui = script();
      const picked = ui.run(selectProfile);
      await (await ui.next(profiles)).pick('Default credential chain');
      await (await ui.next('Select AWS profile: save "default credential chain" in…')).pick('This workspace');
      assert.equal(await picked, '');
      assert.equal(profile()?.workspaceValue, '');
      assert.equal(profile()?.globalValue, undefined, 'the user settings are not written');
    });

    it('Back from where to save returns to the profile list, with the profile picked highlighted; Escape saves nothing', async () => {
      const was = profile();
      const ui = script();
      const picked = ui.run(selectProfile);
      await (await ui.next(profiles)).pick('qa');
      const where = await ui.next('Select AWS profile: save "qa" in…');
      assert.ok(where.canGoBack, 'the second step offers Back');
      await where.back();
      const list = await ui.next(profiles);
      assert.equal(list.numbers, '1/2');
      assert.equal(list.canGoBack, false, 'the first step has no Back');
      await list.accept();
      await (await ui.next('Select AWS profile: save "qa" in…')).back();
      await (await ui.next(profiles)).pick('Default credential chain');
      await (await ui.next('Select AWS profile: save "default credential chain" in…')).cancel();
      assert.equal(await picked, undefined);
      ui.assertNoMoreSteps();
      assert.deepEqual(profile(), was, 'no setting is written');
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
