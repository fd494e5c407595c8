// Runs the same extensionTestsPath module under @vscode/test-electron, in a downloaded desktop VS Code.
// For machines that can download VS Code (a laptop, a hosted CI); where they cannot, this fails within
// seconds and points at runExtensionTests.mjs, which needs only the npm registry.
//
// CLI: node scripts/vscode-web/electron.mjs --extensionDevelopmentPath=DIR --extensionTestsPath=FILE
//        [--folder=DIR] [--version=stable|1.139.1] [--settings=FILE.json]
// On Linux without a display, run it under `xvfb-run -a`.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { QUIET_SETTINGS } from './codeServer.mjs';
import { defaultLog, isMain, makeTempDir, parseArgs, removeDir } from './common.mjs';
import { cacheRoot } from './toolchain.mjs';

/** @type {typeof import('@vscode/test-electron')} */
const testElectron = createRequire(import.meta.url)('@vscode/test-electron');

/**
 * @param {object} options
 * @param {string} options.extensionDevelopmentPath
 * @param {string} options.extensionTestsPath
 * @param {string} [options.folder]                 workspace folder to open
 * @param {NodeJS.ProcessEnv} [options.env]         extra environment for the extension host
 * @param {Record<string, unknown>} [options.settings] extra user settings
 * @param {string} [options.version]                VS Code version to download (default 'stable')
 * @param {string} [options.vscodeExecutablePath]   use this VS Code instead of downloading one
 * @param {number} [options.downloadTimeoutMs]      idle timeout of the download (default 15 s)
 * @param {import('./common.mjs').Logger} [options.log]
 * @returns {Promise<number>} VS Code's exit code: 0 when run() resolved
 */
export async function runElectronTests({
  extensionDevelopmentPath,
  extensionTestsPath,
  folder,
  env = {},
  settings = {},
  version = process.env.VSCODE_TEST_VERSION || 'stable',
  vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH,
  downloadTimeoutMs = 15_000,
  log = defaultLog,
}) {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    throw new Error('desktop VS Code needs a display: run this under `xvfb-run -a`, ' +
      'or use scripts/vscode-web/runExtensionTests.mjs (headless, no download needed)');
  }
  if (!vscodeExecutablePath) {
    try {
      vscodeExecutablePath = await testElectron.downloadAndUnzipVSCode({
        version,
        cachePath: path.join(cacheRoot(), 'vscode-desktop'),
        timeout: downloadTimeoutMs,
      });
    } catch (error) {
      throw new Error(`could not download desktop VS Code (${version}): ${error instanceof Error ? error.message : error}\n` +
        'Where VS Code cannot be downloaded, run the same tests with scripts/vscode-web/runExtensionTests.mjs ' +
        '(VS Code from the npm registry, in headless Chromium).');
    }
  }

  // Own user data so the same quiet settings apply as in the web runner.
  const tmp = makeTempDir('ami-explorer-electron-test-');
  const userDataDir = path.join(tmp, 'user-data');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  const launchArgs = [
    ...(folder ? [path.resolve(folder)] : []),
    `--user-data-dir=${userDataDir}`,
    `--extensions-dir=${path.join(tmp, 'extensions')}`,
  ];
  try {
    log(`running extension tests in ${vscodeExecutablePath}`);
    return await testElectron.runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: path.resolve(extensionDevelopmentPath),
      extensionTestsPath: path.resolve(extensionTestsPath),
      launchArgs,
      extensionTestsEnv: env,
    });
  } catch (error) {
    // runTests rejects on a non-zero exit; report the code like the web runner does.
    if (error instanceof testElectron.TestRunFailedError) return error.code ?? 1;
    throw error;
  } finally {
    removeDir(tmp);
  }
}

if (isMain(import.meta.url)) {
  const options = parseArgs(process.argv.slice(2));
  const str = (/** @type {string | true | undefined} */ v) => (typeof v === 'string' ? v : undefined);
  if (!str(options.extensionDevelopmentPath) || !str(options.extensionTestsPath)) {
    console.error('usage: node scripts/vscode-web/electron.mjs --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [--folder=DIR] [--version=V] [--settings=FILE.json]');
    process.exit(2);
  }
  const settingsFile = str(options.settings);
  try {
    const code = await runElectronTests({
      extensionDevelopmentPath: /** @type {string} */ (str(options.extensionDevelopmentPath)),
      extensionTestsPath: /** @type {string} */ (str(options.extensionTestsPath)),
      folder: str(options.folder),
      version: str(options.version),
      settings: settingsFile ? JSON.parse(fs.readFileSync(settingsFile, 'utf8')) : {},
    });
    process.exit(code);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
}
