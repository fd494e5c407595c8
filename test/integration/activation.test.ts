import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi } from './helpers';

describe('activation', () => {
  it('activates without loading the AWS SDK', async () => {
    const api = await extensionApi();
    // Nothing has touched AWS yet: the views are closed and no command ran.
    assert.equal(api.isSdkLoaded(), false);
  });

  it('contributes the public commands', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['refresh', 'showDetails', 'copyImageId', 'filter', 'groupByTag', 'selectProfile', 'selectRegions', 'revealImage', 'copyImage', 'shareImage', 'launchInstance', 'createImage', 'editTags', 'deprecateImage', 'deregisterImage', 'findImages']) {
      assert.ok(all.includes(`amiExplorer.${id}`), `amiExplorer.${id} is registered`);
    }
  });
});
