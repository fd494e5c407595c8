import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { extensionApi } from './helpers';

describe('activation', () => {
  it('activates without loading the AWS SDK', async () => {
    const api = await extensionApi();
    // Nothing has touched AWS yet: the views are closed and no command ran.
    assert.equal(api.isSdkLoaded(), false);
  });

  it('runs where the workspace is (extensionKind "workspace"): over SSH, in WSL or a container, beside the terminal and its ~/.aws', () => {
    const ext = vscode.extensions.getExtension('ami-explorer.ami-explorer');
    assert.equal(ext?.extensionKind, vscode.ExtensionKind.Workspace);
    // This host is code-server's remote extension host: the workspace's files are on its own disk.
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.equal(folder?.scheme, 'file');
    assert.ok(existsSync(folder.fsPath), `the extension host reads ${folder.fsPath} from its own disk`);
  });

  it('contributes the public commands', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['refresh', 'showDetails', 'copyImageId', 'filter', 'groupByTag', 'selectProfile', 'selectRegions', 'revealImage', 'copyImage', 'shareImage', 'launchInstance', 'createImage', 'editTags', 'deprecateImage', 'deregisterImage', 'findImages', 'disableImage', 'enableImage', 'setDeregistrationProtection', 'restoreImage', 'showImageUsage', 'retireImages', 'stopInstance', 'startInstance', 'rebootInstance', 'terminateInstance', 'copyArn', 'openInConsole']) {
      assert.ok(all.includes(`amiExplorer.${id}`), `amiExplorer.${id} is registered`);
    }
  });
});
