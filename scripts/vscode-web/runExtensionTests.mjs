// Runs an extension's integration tests (an extensionTestsPath module exporting run()) in a real VS Code
// extension host: code-server's, with its web workbench driven by headless Chromium. The same module runs
// unchanged under @vscode/test-electron (see electron.mjs).
//
// CLI: node scripts/vscode-web/runExtensionTests.mjs --extensionDevelopmentPath=DIR --extensionTestsPath=FILE
//        [--folder=DIR] [--timeout=SECONDS] [--settings=FILE.json] [--screenshot=FILE.png] [--verbose] [--keep]
//        [--codeServer=current|oldest|VERSION]
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { openBrowser } from './browser.mjs';
import { startCodeServer } from './codeServer.mjs';
import { defaultLog, elapsed, isMain, makeTempDir, parseArgs, removeDir, tail } from './common.mjs';
import { ensureToolchain } from './toolchain.mjs';

export const EXIT_TIMEOUT = 124;
/** The harness itself failed (setup, server, browser); distinct from failing tests (1). */
export const EXIT_HARNESS = 2;

/** Workbench chatter that reaches the extension host console but says nothing about the tests. */
const NOISE = new RegExp([
  String.raw`\[(ChatModelSelection|AgentHost[^\]]*|AccountPolicyGate|reconnection-grace-time|Service Worker)\]`,
  'Creating a socket', 'Resolv(ing|ed) connection token', 'Updating additional builtin extensions cache',
  'ERR_NAME_NOT_RESOLVED', 'ENOTFOUND', 'getaddrinfo', 'marketplace', 'gallery',
  // Slow-machine warnings: startup timing and the (offline) accounts service.
  'Creation of workbench contribution', 'waiting for authentication provider',
  // The workbench cancelling its own work as the extension host stops after the tests.
  '^Canceled: Canceled',
].join('|'), 'i');

/**
 * @param {object} options
 * @param {string} options.extensionDevelopmentPath folder with the extension's package.json
 * @param {string} options.extensionTestsPath       test module (file, or folder with index.js) exporting run()
 * @param {string} [options.folder]                 workspace folder to open; an empty temp folder when omitted
 * @param {NodeJS.ProcessEnv} [options.env]         extra environment for the server, hence the extension host
 * @param {Record<string, unknown>} [options.settings] extra user settings
 * @param {number} [options.timeoutSeconds]         whole-run limit (default 300)
 * @param {import('./common.mjs').Logger} [options.log] progress lines (default: stderr)
 * @param {boolean | string} [options.screenshotOnTimeout] PNG path, or true for one in the temp dir (default true)
 * @param {boolean} [options.verbose]               also show workbench noise, page console and server output
 * @param {boolean} [options.keep]                  keep the temp dir (user data, server log, workbench logs)
 * @param {(line: string) => void} [options.output] where extension host console lines go (default: stdout)
 * @param {boolean} [options.workspaceTrust] enforce workspace trust: the folder opens in Restricted Mode
 * @param {string} [options.codeServer] which code-server: `current` (default), `oldest`, or a version (see toolchain.mjs)
 * @returns {Promise<number>} 0 when run() resolved, 1 when it rejected, 124 on timeout, 2 when the harness failed
 */
export async function runExtensionTests({
  extensionDevelopmentPath,
  extensionTestsPath,
  folder,
  env = {},
  settings = {},
  timeoutSeconds = 300,
  log = defaultLog,
  screenshotOnTimeout = true,
  verbose = false,
  keep = false,
  output = (line) => process.stdout.write(`${line}\n`),
  workspaceTrust = false,
  codeServer,
}) {
  const t0 = Date.now();
  const devPath = path.resolve(extensionDevelopmentPath);
  const testsPath = path.resolve(extensionTestsPath);
  const problem = checkPaths(devPath, testsPath, folder);
  if (problem) {
    log(problem);
    return EXIT_HARNESS;
  }

  // Fresh state per run: a reused user-data-dir leaks editor state and workspace locks between runs.
  const tmp = makeTempDir('ami-explorer-vscode-test-');
  const workspace = folder ? path.resolve(folder) : path.join(tmp, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });

  /** @type {Awaited<ReturnType<typeof startCodeServer>> | undefined} */
  let server;
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  /** @type {number | undefined} */
  let signalCode;
  /** @type {(code: number) => void} */
  let interrupt = () => {};
  /** @type {Promise<number>} */
  const interrupted = new Promise((resolve) => { interrupt = resolve; });
  const onSigint = () => interrupt(signalCode = 130);
  const onSigterm = () => interrupt(signalCode = 143);
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);

  let code = EXIT_HARNESS;
  try {
    const toolchain = await Promise.race([ensureToolchain({ log, codeServer }), interrupted.then(() => { throw new Error('interrupted'); })]);
    server = await startCodeServer({
      toolchain,
      userDataDir: path.join(tmp, 'user-data'),
      extensionsDir: path.join(tmp, 'extensions'),
      env,
      settings,
      log,
      verbose,
      workspaceTrust,
    });
    // A crashed server never reports a result: stop waiting right away.
    const serverGone = server.exited.then(() => /** @type {const} */ ({ kind: 'server-exited' }));

    // Our own signal handlers clean up; playwright's would exit the process before they could.
    const opened = await openBrowser({ toolchain, handleSignals: false });
    browser = opened.browser;
    const page = opened.page;
    /** @type {(code: unknown) => void} */
    let reportExit = () => {};
    const reported = new Promise((resolve) => { reportExit = resolve; });
    // The workbench calls these (they exist because of enable-smoke-test-driver): the first with run()'s
    // outcome, the second with everything the extension host console prints, mocha's reporter included.
    await page.exposeFunction('codeAutomationExit', (/** @type {unknown} */ exitCode, /** @type {unknown} */ logs) => {
      if (keep && Array.isArray(logs)) saveWorkbenchLogs(path.join(tmp, 'workbench-logs'), logs);
      reportExit(exitCode);
    });
    await page.exposeFunction('codeAutomationLog', (/** @type {string} */ type, /** @type {unknown} */ args) => {
      const text = util.format(...(Array.isArray(args) ? args : [args]));
      if (verbose) output(`[${type}] ${text}`);
      else if (type !== 'trace' && type !== 'debug' && !NOISE.test(text)) output(text);
    });
    if (verbose) page.on('console', (message) => log(`[page] ${message.text().slice(0, 500)}`));
    page.on('pageerror', (error) => log(`[page error] ${error.message}`));

    await page.goto(server.workbenchUrl({ folder: workspace, extensionDevelopmentPath: devPath, extensionTestsPath: testsPath }));
    log(`workbench opened (${elapsed(t0)}), running tests`);

    /** @type {Promise<{ kind: 'timeout' }>} */
    const timeout = new Promise((resolve) => setTimeout(() => resolve({ kind: 'timeout' }), timeoutSeconds * 1000).unref());
    const outcome = await Promise.race([
      reported.then((exitCode) => /** @type {const} */ ({ kind: 'reported', exitCode })),
      interrupted.then((exitCode) => /** @type {const} */ ({ kind: 'interrupted', signalCode: exitCode })),
      timeout,
      serverGone,
    ]);
    if (outcome.kind === 'timeout') {
      log(`TIMEOUT: no test result after ${timeoutSeconds}s`);
      if (screenshotOnTimeout) {
        const file = typeof screenshotOnTimeout === 'string' ? path.resolve(screenshotOnTimeout) : path.join(makeTempDir('ami-explorer-vscode-test-timeout-'), 'timeout.png');
        try {
          await page.screenshot({ path: file });
          log(`screenshot of the workbench: ${file}`);
        } catch (error) {
          log(`could not take a screenshot: ${error instanceof Error ? error.message : error}`);
        }
      }
      log(`code-server log (last lines):\n${tail(server.logFile, 20)}`);
      code = EXIT_TIMEOUT;
    } else if (outcome.kind === 'server-exited') {
      log(`code-server exited before the tests reported a result:\n${tail(server.logFile, 20)}`);
      code = EXIT_HARNESS;
    } else if (outcome.kind === 'interrupted') {
      log('interrupted');
      code = outcome.signalCode;
    } else {
      code = typeof outcome.exitCode === 'number' ? outcome.exitCode : 1;
    }
  } catch (error) {
    if (signalCode) {
      log('interrupted');
      code = signalCode;
    } else {
      log(`harness error: ${error instanceof Error ? error.message : error}`);
      code = EXIT_HARNESS;
    }
  } finally {
    process.removeListener('SIGINT', onSigint);
    process.removeListener('SIGTERM', onSigterm);
    try { await browser?.close(); } catch { /* already gone */ }
    await server?.stop();
    if (keep) log(`kept ${tmp} (server log: ${path.join(tmp, 'user-data', 'code-server.log')})`);
    else removeDir(tmp);
  }
  log(`extension tests finished with exit code ${code} in ${elapsed(t0)}`);
  return code;
}

/**
 * @param {string} devPath
 * @param {string} testsPath
 * @param {string | undefined} folder
 * @returns {string | undefined} what is wrong, if anything
 */
function checkPaths(devPath, testsPath, folder) {
  if (!fs.existsSync(path.join(devPath, 'package.json'))) return `no package.json in extensionDevelopmentPath ${devPath}`;
  const candidates = [testsPath, `${testsPath}.js`, path.join(testsPath, 'index.js')];
  if (!candidates.some((file) => fs.existsSync(file) && fs.statSync(file).isFile())) {
    return `extensionTestsPath ${testsPath} is neither a .js file nor a folder with index.js (compiled yet?)`;
  }
  if (folder && !fs.existsSync(folder)) return `workspace folder ${folder} does not exist`;
  return undefined;
}

/**
 * @param {string} dir
 * @param {unknown[]} logs entries of { relativePath, contents } sent by the workbench
 */
function saveWorkbenchLogs(dir, logs) {
  for (const entry of logs) {
    const { relativePath, contents } = /** @type {{ relativePath?: string, contents?: unknown }} */ (entry ?? {});
    if (!relativePath) continue;
    const file = path.join(dir, relativePath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, String(contents));
  }
}

if (isMain(import.meta.url)) {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(EXIT_HARNESS);
  }
  const str = (/** @type {string | true | undefined} */ v) => (typeof v === 'string' ? v : undefined);
  if (!str(options.extensionDevelopmentPath) || !str(options.extensionTestsPath)) {
    console.error('usage: node scripts/vscode-web/runExtensionTests.mjs --extensionDevelopmentPath=DIR --extensionTestsPath=FILE ' +
      '[--folder=DIR] [--timeout=SECONDS] [--settings=FILE.json] [--screenshot=FILE.png] [--verbose] [--keep] [--codeServer=current|oldest|VERSION]');
    process.exit(EXIT_HARNESS);
  }
  const settingsFile = str(options.settings);
  const code = await runExtensionTests({
    extensionDevelopmentPath: /** @type {string} */ (str(options.extensionDevelopmentPath)),
    extensionTestsPath: /** @type {string} */ (str(options.extensionTestsPath)),
    folder: str(options.folder),
    settings: settingsFile ? JSON.parse(fs.readFileSync(settingsFile, 'utf8')) : {},
    timeoutSeconds: Number(options.timeout) || undefined,
    screenshotOnTimeout: str(options.screenshot) ?? true,
    verbose: options.verbose === true,
    keep: options.keep === true,
    codeServer: str(options.codeServer),
  });
  process.exit(code);
}
