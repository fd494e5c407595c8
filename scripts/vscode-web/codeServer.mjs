// Starts code-server (VS Code server + web workbench) on a free loopback port with throw-away state.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { defaultLog, makeTempDir, removeDir, serverEnv, sleep, tail } from './common.mjs';

const LEGACY_ENTRY = path.join(import.meta.dirname, 'legacyEntry.cjs');

/**
 * User settings that keep the workbench quiet and offline: no telemetry, update checks, tips,
 * recommendations, AI features, git scanning or trust prompts competing with what is under test.
 */
export const QUIET_SETTINGS = Object.freeze({
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'github.gitAuthentication': false,
  'npm.autoDetect': 'off',
  'typescript.tsserver.experimental.enableProjectDiagnostics': false,
  'window.restoreWindows': 'none',
});

/**
 * @typedef {object} CodeServer
 * @property {number} port
 * @property {string} origin      e.g. http://127.0.0.1:PORT
 * @property {string} logFile     code-server's own output
 * @property {string} userDataDir
 * @property {string} extensionsDir
 * @property {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} exited settles when the server process ends
 * @property {(target: WorkbenchTarget) => string} workbenchUrl
 * @property {() => Promise<void>} stop  ends the server's whole process group (idempotent)
 */

/**
 * @typedef {object} WorkbenchTarget
 * @property {string} folder                      absolute path of the workspace folder to open
 * @property {string} [extensionDevelopmentPath]  extension to load in development mode
 * @property {string} [extensionTestsPath]        test module (exports run()) to execute in the extension host
 */

/**
 * @param {object} options
 * @param {import('./toolchain.mjs').Toolchain} options.toolchain
 * @param {string} [options.userDataDir]   created fresh (and removed on stop) when omitted
 * @param {string} [options.extensionsDir] created fresh (and removed on stop) when omitted
 * @param {NodeJS.ProcessEnv} [options.env] extra environment; reaches the extension host
 * @param {Record<string, unknown>} [options.settings] user settings merged over QUIET_SETTINGS
 * @param {import('./common.mjs').Logger} [options.log]
 * @param {boolean} [options.verbose] echo the server's output
 * @param {number} [options.port] 0 (default) lets the kernel pick a free one
 * @param {number} [options.startTimeoutMs]
 * @param {boolean} [options.workspaceTrust] enforce workspace trust, as VS Code does by default: a folder not
 *   trusted before (none is, with a fresh user-data-dir) opens in Restricted Mode, without asking
 * @returns {Promise<CodeServer>}
 */
export async function startCodeServer({ toolchain, userDataDir, extensionsDir, env = {}, settings = {}, log = defaultLog, verbose = false, port: requestedPort = 0, startTimeoutMs = 60_000, workspaceTrust = false }) {
  const ownDir = !userDataDir || !extensionsDir ? makeTempDir('ami-explorer-code-server-') : undefined;
  userDataDir = path.resolve(userDataDir ?? path.join(/** @type {string} */ (ownDir), 'user-data'));
  extensionsDir = path.resolve(extensionsDir ?? path.join(/** @type {string} */ (ownDir), 'extensions'));
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const trust = workspaceTrust ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' } : {};
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...trust, ...settings }, null, 2));
  // Our own config file: the default one in ~/.config would be created with a password and shared between runs.
  const configFile = path.join(userDataDir, 'code-server.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  const logFile = path.join(userDataDir, 'code-server.log');
  const logFd = fs.openSync(logFile, 'a');

  const args = [
    // An older code-server has no --vscode-option: legacyEntry.cjs teaches its CLI the one flag it needs.
    ...(toolchain.vscodeOption === false ? [LEGACY_ENTRY] : []),
    toolchain.codeServerEntry,
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${requestedPort}`,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    // Without it the built workbench ignores the extensionDevelopmentPath/extensionTestsPath payload.
    ...(toolchain.vscodeOption === false ? ['--enable-smoke-test-driver'] : ['--vscode-option', 'enable-smoke-test-driver']),
  ];
  // Own process group, so stop() can end the server together with its extension host and helpers.
  const child = spawn(toolchain.node, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: serverEnv(env) });
  const pid = /** @type {number} */ (child.pid);
  let exited = false;
  /** @type {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} */
  const exitedPromise = new Promise((resolve) => child.on('exit', (code, signal) => { exited = true; resolve({ code, signal }); }));
  const killOnExit = () => killGroup(pid, 'SIGKILL');
  process.on('exit', killOnExit);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', killOnExit);
    killGroup(pid, 'SIGTERM');
    for (let i = 0; i < 30 && !exited; i++) await sleep(100);
    // Stragglers in the group (extension host, file watcher) may outlive the server process itself.
    killGroup(pid, 'SIGKILL');
    try { fs.closeSync(logFd); } catch { /* already closed */ }
    if (ownDir) removeDir(ownDir);
  };

  let port;
  try {
    port = await new Promise((resolve, reject) => {
      let seen = '';
      /** @param {Buffer} data */
      const onData = (data) => {
        fs.writeSync(logFd, data);
        if (verbose) process.stderr.write(`[code-server] ${data}`);
        seen += data;
        const match = /HTTP server listening on https?:\/\/[^\s]+:(\d+)/.exec(seen);
        if (match) resolve(Number(match[1]));
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.on('error', reject);
      child.on('exit', (code, signal) => reject(new Error(`code-server exited during startup (${code ?? signal}):\n${tail(logFile, 20)}`)));
      setTimeout(() => reject(new Error(`code-server did not start within ${startTimeoutMs / 1000}s:\n${tail(logFile, 20)}`)), startTimeoutMs).unref();
    });
  } catch (error) {
    await stop();
    throw error;
  }

  const origin = `http://127.0.0.1:${port}`;
  log(`code-server ${toolchain.codeServerVersion} (VS Code ${toolchain.vscodeVersion ?? '?'}) listening on ${origin}`);
  child.on('exit', (code, signal) => {
    if (!stopped) log(`code-server exited unexpectedly (${code ?? signal}); its log: ${logFile}`);
  });

  /** @param {WorkbenchTarget} target */
  const workbenchUrl = ({ folder, extensionDevelopmentPath, extensionTestsPath }) => {
    // Paths travel as vscode-remote URIs whose authority must be exactly the host:port the browser uses.
    const remote = (/** @type {string} */ p) => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
    const payload = [];
    if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
    if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
    payload.push(['skipWelcome', 'true'], ['skipReleaseNotes', 'true']);
    return `${origin}/?folder=${encodeURIComponent(path.resolve(folder))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  };

  return { port, origin, logFile, userDataDir, extensionsDir, exited: exitedPromise, workbenchUrl, stop };
}

/** @param {number} pid @param {NodeJS.Signals} signal */
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Group already gone.
  }
}
