// Starts a code-server older than `--vscode-option` (4.90 has none) with `--enable-smoke-test-driver`, the
// VS Code server flag that makes the workbench run an extensionTestsPath. Its CLI rejects flags it does not
// list, so this teaches it this one before its entry runs; the parsed arguments, flag included, then go to
// the VS Code server unchanged.
//
// Usage: node legacyEntry.cjs CODE_SERVER_ENTRY [code-server arguments…]
'use strict';
const path = require('node:path');

const entry = process.argv[2];
if (!entry) {
  console.error('usage: node legacyEntry.cjs CODE_SERVER_ENTRY [arguments…]');
  process.exit(2);
}
const cli = require(path.join(path.dirname(entry), 'cli.js'));
cli.options['enable-smoke-test-driver'] = { type: 'boolean', description: 'Run the extension tests the workbench is given.' };
// code-server reads its arguments from process.argv.slice(2).
process.argv.splice(2, 1);
require(entry);
