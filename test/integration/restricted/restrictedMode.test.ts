// Runs alone, in a folder VS Code does not trust, whose .vscode/settings.json (written by scripts/test.mjs) picks
// another profile, regions, lookup scope, catalog search and endpoint: none of them may count.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { at, must } from '../../must';
import { childByLabel, extensionApi, label, restoreSettingAfter, type TestingApi } from '../helpers';
import { wizardScripts } from '../wizardScript';

/** Settings that choose which account, regions or images are read: package.json restricts them. */
const restricted = ['profile', 'regions', 'code.regions', 'publicCatalog.searches'];

async function waitFor(what: string, check: () => boolean, ms = 15_000): Promise<void> {
  for (let waited = 0; !check() && waited < ms; waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(check(), what);
}

describe('Restricted Mode', () => {
  const config = () => vscode.workspace.getConfiguration('amiExplorer');
  const folder = must(vscode.workspace.workspaceFolders?.[0], 'the untrusted workspace folder').uri.fsPath;
  /** What the untrusted folder asks for, straight from its file. */
  const asked = JSON.parse(readFileSync(join(folder, '.vscode', 'settings.json'), 'utf8')) as Record<string, unknown>;

  it('the folder is not trusted, and its settings file is read: a setting that chooses no account applies', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.equal(config().get('groupByTag'), asked['amiExplorer.groupByTag']);
  });

  it('settings that choose the account, regions or images come from the user only', () => {
    for (const key of restricted) {
      assert.notEqual(asked[`amiExplorer.${key}`], undefined, `the folder sets amiExplorer.${key}`);
      const inspected = config().inspect(key);
      assert.deepEqual(config().get(key), inspected?.globalValue ?? inspected?.defaultValue, `amiExplorer.${key}`);
      assert.notDeepEqual(config().get(key), asked[`amiExplorer.${key}`], `amiExplorer.${key}`);
    }
  });

  it('the views and the status bar use the user\'s profile, regions, searches and endpoint', async () => {
    const api = await extensionApi();
    assert.deepEqual(api.aws.connection(), { profile: '', endpoint: undefined });
    const userRegions = config().inspect<string[]>('regions')?.globalValue;
    const roots = await api.images.provider.getChildren();
    assert.deepEqual(roots.map(label), userRegions, 'no ignored-setting nodes, and the user\'s regions');
    const catalog = await childByLabel(at(roots, 0, 'region node'), /^Public catalog$/);
    const defaults = (config().inspect<{ label: string }[]>('publicCatalog.searches')?.defaultValue ?? []).map((s) => s.label);
    assert.deepEqual((await catalog.getChildren()).map(label), defaults);
    await waitFor('the status bar names the user\'s profile, account and regions',
      () => api.statusBar.shown.text === `$(cloud) default (123456789012) · ${userRegions![0]} +${userRegions!.length - 1}`);
    assert.equal(api.code.lookup.describeScope(), 'the Images view\'s regions');
  });

  describe('Select AWS Profile', () => {
    let api: TestingApi;
    restoreSettingAfter('profile');
    const script = wizardScripts(() => api);
    before(async () => {
      api = await extensionApi();
    });

    it('asks only the profile, unnumbered, and saves it for the user: the folder\'s own would not count', async () => {
      const ui = script();
      const picked = ui.run(() => vscode.commands.executeCommand('amiExplorer.selectProfile'));
      const list = await ui.next('Select AWS profile: profile for AMI Explorer');
      assert.equal(list.numbers, '', 'one question, so unnumbered');
      await list.pick('Default credential chain');
      assert.equal(await picked, '');
      ui.assertNoMoreSteps();
      assert.equal(config().inspect('profile')?.globalValue, '');
      assert.deepEqual(JSON.parse(readFileSync(join(folder, '.vscode', 'settings.json'), 'utf8')), asked, 'the folder\'s settings are not written');
    });
  });
});
