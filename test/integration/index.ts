// extensionTestsPath module: runs every integration suite inside the extension host and reports counts.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

/**
 * User settings given as JSON in AMI_EXPLORER_TEST_USER_SETTINGS, written before any suite loads. F5's
 * "Extension Tests" (.vscode/launch.json) runs in a temporary profile, which starts empty; npm test writes them
 * into the user settings file instead.
 */
async function applyUserSettings(): Promise<void> {
  const json = process.env.AMI_EXPLORER_TEST_USER_SETTINGS;
  if (!json) {
    return;
  }
  for (const [key, value] of Object.entries(JSON.parse(json) as Record<string, unknown>)) {
    await vscode.workspace.getConfiguration().update(key, value, vscode.ConfigurationTarget.Global);
  }
}

export async function run(): Promise<void> {
  await applyUserSettings();
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.AMI_EXPLORER_TEST_GREP;
  if (grep) {
    mocha.grep(grep);
  }
  // A run in another kind of workspace (Restricted Mode) picks its own folder of suites.
  const dir = process.env.AMI_EXPLORER_TEST_FOLDER ? join(__dirname, process.env.AMI_EXPLORER_TEST_FOLDER) : __dirname;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(join(dir, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, failures: failed = 0, pending = 0 } = runner.stats ?? {};
      const out = process.env.AMI_EXPLORER_TEST_RESULTS;
      if (out) {
        writeFileSync(out, JSON.stringify({ passed: passes, failed, skipped: pending }));
      }
      if (failures > 0) {
        reject(new Error(`${failures} integration test(s) failed`));
      } else {
        resolve();
      }
    });
  });
}
