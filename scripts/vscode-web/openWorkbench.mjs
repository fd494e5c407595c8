// Opens a real VS Code workbench (code-server) with the extension installed the way a user has it,
// not loaded as a development extension: for end-to-end tests and for trying the extension by hand.
//
// CLI (keeps running until Ctrl-C; open the printed URL in a browser):
//   node scripts/vscode-web/openWorkbench.mjs [--extensionPath=DIR | --vsix=FILE] [--folder=DIR] [--port=N]
//        [--settings=FILE.json] [--verbose]
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { startCodeServer } from './codeServer.mjs';
import { defaultLog, isMain, makeTempDir, parseArgs, removeDir, serverEnv } from './common.mjs';
import { ensureToolchain } from './toolchain.mjs';

export { openBrowser, CHROMIUM_ARGS } from './browser.mjs';

/**
 * Put an unpacked extension into an extensions dir under the name the extension manager gives it
 * (`publisher.name-version`). VS Code picks such folders up on start: it adopts extensions that are
 * present on disk but missing from the dir's extensions.json.
 * @param {{ extensionPath: string, extensionsDir: string, copy?: boolean }} options
 *   copy: copy the folder instead of symlinking it (a symlink follows later rebuilds without reinstalling)
 * @returns {{ id: string, dir: string }}
 */
export function installExtensionFolder({ extensionPath, extensionsDir, copy = false }) {
  const source = path.resolve(extensionPath);
  const manifest = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`.toLowerCase();
  const dir = path.join(extensionsDir, `${id}-${manifest.version}`);
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.rmSync(dir, { recursive: true, force: true });
  if (copy) {
    fs.cpSync(source, dir, { recursive: true, filter: (file) => !/[/\\](\.git|\.vscode-test|node_modules)$/.test(file) });
  } else {
    fs.symlinkSync(source, dir, 'dir');
  }
  return { id, dir };
}

/**
 * Install a .vsix with code-server's own extension manager, exactly as `code --install-extension` does.
 * @param {{ toolchain: import('./toolchain.mjs').Toolchain, vsix: string, userDataDir: string, extensionsDir: string }} options
 */
export async function installVsix({ toolchain, vsix, userDataDir, extensionsDir }) {
  await promisify(execFile)(toolchain.node, [
    toolchain.codeServerEntry,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--install-extension', path.resolve(vsix),
  ], { env: serverEnv() });
}

/**
 * @typedef {object} Workbench
 * @property {string} url     workbench URL with the folder open
 * @property {import('./codeServer.mjs').CodeServer} server
 * @property {() => Promise<void>} stop  stops the server and removes its temp state
 */

/**
 * @param {object} options
 * @param {string} options.folder                   workspace folder to open
 * @param {string} [options.extensionPath]          unpacked extension (built) to install
 * @param {boolean} [options.copy]                  copy extensionPath instead of symlinking it
 * @param {string} [options.vsix]                   packaged extension to install instead
 * @param {import('./toolchain.mjs').Toolchain} [options.toolchain]
 * @param {NodeJS.ProcessEnv} [options.env]         extra environment for the server and extension host
 * @param {Record<string, unknown>} [options.settings] extra user settings
 * @param {number} [options.port]                   0 (default) picks a free one
 * @param {import('./common.mjs').Logger} [options.log]
 * @param {boolean} [options.verbose]
 * @returns {Promise<Workbench>}
 */
export async function openWorkbench({ folder, extensionPath, copy, vsix, toolchain, env, settings, port, log = defaultLog, verbose }) {
  toolchain ??= await ensureToolchain({ log });
  const tmp = makeTempDir('ami-explorer-workbench-');
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  fs.mkdirSync(userDataDir, { recursive: true });
  try {
    if (vsix) await installVsix({ toolchain, vsix, userDataDir, extensionsDir });
    else if (extensionPath) log(`installed ${installExtensionFolder({ extensionPath, extensionsDir, copy }).id} into ${extensionsDir}`);
    const server = await startCodeServer({ toolchain, userDataDir, extensionsDir, env, settings, log, verbose, port });
    return {
      url: server.workbenchUrl({ folder: path.resolve(folder) }),
      server,
      stop: async () => {
        await server.stop();
        removeDir(tmp);
      },
    };
  } catch (error) {
    removeDir(tmp);
    throw error;
  }
}

if (isMain(import.meta.url)) {
  const options = parseArgs(process.argv.slice(2));
  const str = (/** @type {string | true | undefined} */ v) => (typeof v === 'string' ? v : undefined);
  const settingsFile = str(options.settings);
  const workbench = await openWorkbench({
    folder: str(options.folder) ?? process.cwd(),
    extensionPath: str(options.vsix) ? undefined : str(options.extensionPath) ?? process.cwd(),
    vsix: str(options.vsix),
    copy: options.copy === true,
    settings: settingsFile ? JSON.parse(fs.readFileSync(settingsFile, 'utf8')) : {},
    port: Number(options.port) || 0,
    verbose: options.verbose === true,
  });
  console.log(`VS Code is running at:\n  ${workbench.url}\nPress Ctrl-C to stop.`);
  const stop = () => workbench.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
