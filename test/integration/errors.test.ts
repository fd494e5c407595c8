import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { shown } from '../markdownSafety';
import { at } from '../must';
import { childByLabel, extensionApi, label, setting, type TestingApi } from './helpers';

describe('failures become nodes that say what to do', () => {
  let api: TestingApi;
  let regions: unknown;
  before(async () => {
    api = await extensionApi();
    regions = vscode.workspace.getConfiguration('amiExplorer').inspect('regions')?.globalValue;
  });
  // Each test breaks the connection its own way; the next one starts from the sandbox again.
  afterEach(async () => {
    await setting('endpointUrl', undefined);
    await setting('profile', undefined);
    await setting('regions', regions);
    await vscode.commands.executeCommand('amiExplorer.refresh');
  });

  it('an unreachable endpoint gives an error node per region, naming the fix', async () => {
    // Port 9 (discard) is closed on loopback: the connection is refused at once.
    await setting('endpointUrl', 'http://127.0.0.1:9');
    api.images.provider.refresh();
    const roots = await api.images.provider.getChildren();
    assert.equal(roots.length, 3, 'every region still shows');
    for (const region of roots) {
      const owned = await childByLabel(region, /^Owned by me/);
      const [error] = await owned.getChildren();
      assert.ok(error, `a node under ${label(region)} › Owned by me`);
      assert.equal(error.getTreeItem().contextValue, 'error', `an error node under ${label(region)}`);
      assert.equal(label(error), `Cannot reach EC2 in ${label(region)} (ECONNREFUSED).`);
      assert.match(shown((error.getTreeItem().tooltip as vscode.MarkdownString).value), /amiExplorer\.endpointUrl/);
    }
  });

  it('the endpoint setting is not read from workspace settings', () => {
    const config = vscode.workspace.getConfiguration('amiExplorer');
    const inspected = config.inspect('endpointUrl');
    assert.equal(inspected?.defaultValue, '');
    assert.equal(api.aws.connection().endpoint, undefined);
  });

  it('a profile that does not exist gives an error node with the fix', async () => {
    await setting('profile', 'no-such-profile');
    api.images.provider.refresh();
    const roots = await api.images.provider.getChildren();
    assert.equal(roots.length, 1);
    assert.equal(roots[0]!.getTreeItem().contextValue, 'error');
    assert.match(label(roots[0]!), /no-such-profile/);
    assert.equal(roots[0]!.getTreeItem().command?.command, 'amiExplorer.selectProfile');
  });

  it('a region the account does not know is left out, saying so, and the others still list', async () => {
    await setting('regions', ['us-east-1', 'xx-nowhere-9']);
    api.images.provider.refresh();
    const roots = await api.images.provider.getChildren();
    assert.deepEqual(roots.map(label), ['Ignored setting: amiExplorer.regions', 'us-east-1']);
    assert.match(shown((roots[0]!.getTreeItem().tooltip as vscode.MarkdownString).value), /"xx-nowhere-9" is not a region this account knows/);
    assert.equal(roots[0]!.getTreeItem().command?.command, 'workbench.action.openSettings');
    const good = await (await childByLabel(roots[1]!, /^Owned by me/)).getChildren();
    assert.ok(good.length > 0 && good[0]!.getTreeItem().contextValue !== 'error', 'us-east-1 still lists its images');
  });

  it('a profile name the AWS CLI would not accept is ignored, never used', async () => {
    await setting('profile', 'dev account; rm -rf ~');
    api.images.provider.refresh();
    const roots = await api.images.provider.getChildren();
    assert.equal(label(at(roots, 0, 'root node')), 'Ignored setting: amiExplorer.profile');
    assert.match(shown((at(roots, 0, 'root node').getTreeItem().tooltip as vscode.MarkdownString).value), /"dev account; rm -rf ~" is not an AWS profile name.*the default credential chain is used/);
    assert.equal(api.aws.connection().profile, '');
    assert.deepEqual(roots.slice(1).map(label), ['us-east-1', 'eu-west-1', 'ap-southeast-2'], 'the views work with the default chain');
  });
});
