import * as assert from 'node:assert/strict';
import { isScannedScheme } from '../../src/code/schemes';

describe('documents the code features read', () => {
  it('local, new, remote, virtual, notebook and Live Share documents', () => {
    for (const scheme of ['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-notebook-cell', 'vsls']) {
      assert.ok(isScannedScheme(scheme), scheme);
    }
  });

  it('not diff sides, output, debug, source control input, search editors or settings', () => {
    for (const scheme of ['git', 'output', 'debug', 'vscode-scm', 'search-editor', 'vscode-userdata', 'vscode-settings', 'ami-explorer-details']) {
      assert.ok(!isScannedScheme(scheme), scheme);
    }
  });
});
