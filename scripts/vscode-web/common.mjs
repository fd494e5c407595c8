// Small helpers shared by the vscode-web scripts.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** @typedef {(message: string) => void} Logger */

/**
 * Default progress logger. Writes to stderr so stdout stays reserved for test output.
 * @type {Logger}
 */
export const defaultLog = (message) => {
  process.stderr.write(`[vscode-web] ${message}\n`);
};

/** @param {number} t0 start time from Date.now() @returns {string} seconds elapsed, e.g. "12.3s" */
export const elapsed = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

/**
 * Create a fresh temp directory.
 * @param {string} prefix
 * @returns {string}
 */
export function makeTempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** @param {string} dir */
export function removeDir(dir) {
  try {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // Best effort: a leftover temp dir must not turn a passing run into a failure.
  }
}

/**
 * Run a command to completion, sending its output to a log file.
 * Rejects with the tail of that output when it exits non-zero.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, logFile: string, onSpawn?: (pid: number) => void }} options
 * @returns {Promise<void>}
 */
export function runLogged(command, args, { cwd, env, logFile, onSpawn }) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const fd = fs.openSync(logFile, 'a');
  fs.writeSync(fd, `\n$ ${command} ${args.join(' ')}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', fd, fd] });
    if (child.pid) onSpawn?.(child.pid);
    child.on('error', (error) => {
      fs.closeSync(fd);
      reject(new Error(`could not run ${command}: ${error.message}`));
    });
    child.on('exit', (code, signal) => {
      fs.closeSync(fd);
      if (code === 0) return resolve();
      reject(new Error(`${command} ${args.join(' ')} failed (${code ?? signal}); last output:\n${tail(logFile, 30)}\n(full log: ${logFile})`));
    });
  });
}

/**
 * Last lines of a text file, or '' when it cannot be read.
 * @param {string} file
 * @param {number} lines
 * @returns {string}
 */
export function tail(file, lines) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Parse `--name=value` / `--flag` arguments.
 * @param {string[]} argv
 * @returns {Record<string, string | true>}
 */
export function parseArgs(argv) {
  /** @type {Record<string, string | true>} */
  const options = {};
  for (const arg of argv) {
    const match = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
    if (!match) throw new Error(`unexpected argument: ${arg}`);
    options[match[1]] = match[2] === undefined ? true : match[2];
  }
  return options;
}

/**
 * True when the module with this import.meta.url is the script node was started with.
 * @param {string} moduleUrl
 */
export function isMain(moduleUrl) {
  return Boolean(process.argv[1]) && moduleUrl === pathToFileURL(fs.realpathSync(process.argv[1])).href;
}

/**
 * The caller's environment minus variables that make a spawned VS Code server misbehave when this runs
 * inside a VS Code terminal or debugger (it would try to hand off to that VS Code instead of starting).
 * @param {NodeJS.ProcessEnv} [extra]
 * @returns {NodeJS.ProcessEnv}
 */
export function serverEnv(extra = {}) {
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

/** Variables an outer `npm run` exports that a nested npm must not inherit (its user agent names the outer Node). */
const OUTER_NPM_VARIABLE = /^(npm_config_|npm_lifecycle_|npm_package_)|^(npm_execpath|npm_node_execpath|npm_command|NODE|INIT_CWD)$/i;

/**
 * Environment for a nested npm: the caller's minus everything the outer npm exported, plus `extra`.
 * code-server's postinstall reads the Node version from `npm_config_user_agent`, so an inherited one
 * (naming the outer Node 20) fails the install even when our Node 24 runs it.
 * @param {NodeJS.ProcessEnv} [extra]
 * @returns {NodeJS.ProcessEnv}
 */
export function cleanNpmEnv(extra = {}) {
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!OUTER_NPM_VARIABLE.test(key)) env[key] = value;
  }
  return { ...env, ...extra };
}
