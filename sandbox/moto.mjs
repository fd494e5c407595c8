// Starts the local EC2 sandbox: moto's EC2 server with the patches in moto/ec2_patches.py, behind the fault proxy
// (faults/proxy.mjs), which passes everything through until a test sets fault rules.
//
//   import { startMoto, sandboxEnv } from './sandbox/moto.mjs';
//   const moto = await startMoto();            // { endpoint, port, stop() }
//   ...; await moto.stop();
//
// CLI: `node sandbox/moto.mjs [--port N] [--no-seed] [--no-faults] [--verbose] [--manifest FILE] [--fixtures DIR]`
// starts it, seeds it, optionally writes the seed manifest (JSON) and the code fixtures with the seeded ids
// (sandbox/fixtures.mjs), and prints the endpoint; see main() for the lines it prints.

import { execFile, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startFaultProxy } from './faults/proxy.mjs';

export const MOTO_VERSION = '5.2.1';
export const INSTALL_HINT = `pip install "moto[server]==${MOTO_VERSION}" (with Python 3.9+)`;

const LAUNCHER = fileURLToPath(new URL('./moto/launcher.py', import.meta.url));
const READY_TIMEOUT_MS = 30_000;
const STDERR_KEEP = 64 * 1024;

/** Static credentials moto accepts; account 123456789012. Pass to any process that should reach the sandbox. */
export const sandboxCredentials = Object.freeze({
  AWS_ACCESS_KEY_ID: 'testing',
  AWS_SECRET_ACCESS_KEY: 'testing',
  AWS_REGION: 'us-east-1',
  AWS_DEFAULT_REGION: 'us-east-1',
  // No instance metadata lookups when something in the chain looks for a region or credentials.
  AWS_EC2_METADATA_DISABLED: 'true',
});

/**
 * Environment that points the AWS SDK (and CLI) at the sandbox.
 * Remove AWS_PROFILE from the environment you merge this into: the SDK prefers a profile to these keys.
 * @param {string} endpoint
 * @returns {Record<string, string>}
 */
export function sandboxEnv(endpoint) {
  return { ...sandboxCredentials, AWS_ENDPOINT_URL: endpoint, AWS_ENDPOINT_URL_EC2: endpoint };
}

/**
 * @param {string} python
 * @returns {Promise<void>}
 */
async function checkPython(python) {
  const probe = [
    'import sys',
    'assert sys.version_info >= (3, 9), "Python %d.%d is too old" % sys.version_info[:2]',
    'import moto, flask, flask_cors, werkzeug',
    'print(moto.__version__)',
  ].join('\n');
  /** @type {{ stdout: string, stderr: string, error: import('node:child_process').ExecFileException | null }} */
  const result = await new Promise((resolve) => {
    execFile(python, ['-c', probe], { timeout: 20_000 }, (error, stdout, stderr) =>
      resolve({ stdout: String(stdout), stderr: String(stderr), error }),
    );
  });
  if (result.error?.code === 'ENOENT') {
    throw new Error(`The EC2 sandbox needs Python 3.9+ ("${python}" was not found), then: ${INSTALL_HINT}`);
  }
  if (result.error) {
    const detail = result.stderr.trim().split('\n').pop() ?? '';
    if (/too old/.test(detail)) throw new Error(`The EC2 sandbox needs Python 3.9+ (${detail}), then: ${INSTALL_HINT}`);
    throw new Error(`The EC2 sandbox needs moto with its server extras for ${python} (${detail}): ${INSTALL_HINT}`);
  }
  const version = result.stdout.trim();
  if (version !== MOTO_VERSION) {
    // The patches reach into moto's internals, which change between releases.
    throw new Error(`The EC2 sandbox is built for moto ${MOTO_VERSION} but ${python} has moto ${version}: ${INSTALL_HINT}`);
  }
}

/**
 * Starts the sandbox on 127.0.0.1: moto, and in front of it the fault proxy, whose endpoint it returns, so any test
 * can switch faults at run time (faults/client.mjs). The server exits by itself when this Node process ends, even
 * without stop(); stop() ends the proxy's requests in progress too, hung ones included.
 * @param {{ port?: number, verbose?: boolean, python?: string, faults?: boolean }} [options]
 *   port of the endpoint, 0 (the default) picks a free one; verbose logs each request and each injected fault to
 *   this process's stderr; python defaults to $AMI_SANDBOX_PYTHON or python3; faults: false serves moto itself,
 *   without the proxy.
 * @returns {Promise<{ endpoint: string, port: number, pid: number, motoEndpoint: string, stop: () => Promise<void> }>}
 *   motoEndpoint is moto's own, behind the proxy (the same as endpoint without it); pid is moto's.
 */
export async function startMoto({ port = 0, verbose = false, python = process.env.AMI_SANDBOX_PYTHON || 'python3', faults = true } = {}) {
  const moto = await startMotoProcess({ port: faults ? 0 : port, verbose, python });
  if (!faults) return { ...moto, motoEndpoint: moto.endpoint };
  let proxy;
  try {
    proxy = await startFaultProxy({ target: moto.endpoint, port, log: verbose ? (line) => process.stderr.write(`[faults] ${line}\n`) : undefined });
  } catch (error) {
    await moto.stop();
    throw error;
  }
  let stopping = /** @type {Promise<void> | undefined} */ (undefined);
  return {
    endpoint: proxy.endpoint,
    port: proxy.port,
    pid: moto.pid,
    motoEndpoint: moto.endpoint,
    stop() {
      stopping ??= proxy.close().then(() => moto.stop());
      return stopping;
    },
  };
}

/**
 * @param {{ port: number, verbose: boolean, python: string }} options
 * @returns {Promise<{ endpoint: string, port: number, pid: number, stop: () => Promise<void> }>}
 */
async function startMotoProcess({ port, verbose, python }) {
  await checkPython(python);

  const args = [LAUNCHER, '--port', String(port), '--exit-with-stdin'];
  if (verbose) args.push('--verbose');
  const child = spawn(python, args, {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, PYTHONUNBUFFERED: '1' },
  });

  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    if (verbose) process.stderr.write(chunk);
    stderr = (stderr + chunk).slice(-STDERR_KEEP);
  });
  /** @type {Promise<void>} */
  const exited = new Promise((resolve) => child.on('exit', () => resolve()));

  /** @type {(error: Error) => void} */
  let onError = () => {};
  /** @type {(code: number | null, signal: NodeJS.Signals | null) => void} */
  let onEarlyExit = () => {};
  /** @type {string} */
  const endpoint = await new Promise((resolve, reject) => {
    let stdout = '';
    const fail = (/** @type {string} */ why) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`EC2 sandbox ${why}.${stderr.trim() ? `\n--- server stderr ---\n${stderr.trim()}` : ''}`));
    };
    const timer = setTimeout(() => fail(`did not report READY within ${READY_TIMEOUT_MS / 1000} s`), READY_TIMEOUT_MS);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /^READY (http:\/\/\S+)$/m.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    onError = (error) => fail(`could not start: ${error.message}`);
    onEarlyExit = (code, signal) => fail(`exited before it was ready (${signal ?? `code ${code}`})`);
    child.on('error', onError);
    child.on('exit', onEarlyExit);
  }).finally(() => {
    child.off('error', onError);
    child.off('exit', onEarlyExit);
  });
  // Errors after start surface through stop() or the next request.
  child.on('error', () => {});

  // Neither the child nor its pipes keep Node alive; stdin closing on exit stops the server.
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) /** @type {any} */ (stream).unref?.();

  let stopping = /** @type {Promise<void> | undefined} */ (undefined);
  return {
    endpoint,
    port: Number(new URL(endpoint).port),
    pid: /** @type {number} */ (child.pid),
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(killer);
      })();
      return stopping;
    },
  };
}

const USAGE = 'usage: node sandbox/moto.mjs [--port N] [--no-seed] [--no-faults] [--verbose] [--manifest FILE] [--fixtures DIR]';

/** @param {string[]} argv */
function parseCli(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '0' },
      'no-seed': { type: 'boolean', default: false },
      'no-faults': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      manifest: { type: 'string' },
      fixtures: { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port takes 0 (a free port) to 65535, not "${values.port}"`);
  const seeded = !values['no-seed'];
  if (!seeded && (values.manifest || values.fixtures)) throw new Error('--manifest and --fixtures need the seeded estate: drop --no-seed');
  return { port, seeded, faults: !values['no-faults'], verbose: values.verbose, manifestFile: values.manifest, fixturesDir: values.fixtures };
}

// Starts the sandbox until Ctrl-C. The first and last lines are fixed, for tools that wait for it (.vscode/tasks.json):
// `Starting the EC2 sandbox …` and, once it is seeded and every file is written, `EC2 sandbox ready at <endpoint>`.
async function main() {
  let options;
  try {
    options = parseCli(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : error}\n${USAGE}\n`);
    process.exit(2);
  }
  const { port, seeded, faults, verbose, manifestFile, fixturesDir } = options;
  const say = (/** @type {string} */ line) => process.stdout.write(`${line}\n`);
  say(`Starting the EC2 sandbox on ${port ? `port ${port}` : 'a free port'}`);
  const started = Date.now();
  let moto;
  try {
    moto = await startMoto({ port, verbose, faults });
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'EADDRINUSE') {
      process.stderr.write(`Port ${port} on 127.0.0.1 is in use (another sandbox still running?): stop that, or choose another --port\n`);
      process.exit(1);
    }
    throw error;
  }
  say(`EC2 sandbox at ${moto.endpoint} (started in ${Date.now() - started} ms)`);
  if (faults) say(`Faults: node sandbox/faults.mjs set --endpoint ${moto.endpoint} --fault AccessDenied --region eu-west-1`);
  if (seeded) {
    const { seed } = await import('./seed.mjs');
    const manifest = await seed(moto.endpoint);
    say(`Seeded in ${manifest.seedMs} ms: ${JSON.stringify(manifest.counts)}`);
    if (manifestFile) {
      mkdirSync(path.dirname(path.resolve(manifestFile)), { recursive: true });
      writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
      say(`Wrote the manifest to ${manifestFile}`);
    }
    if (fixturesDir) {
      const { writeFixtures } = await import('./fixtures.mjs');
      const written = writeFixtures(manifest, path.resolve(fixturesDir));
      say(`Wrote ${written.length} files that pin the sandbox's AMI ids to ${fixturesDir}`);
    }
  }
  say(`\nUse it from a shell:\n${Object.entries(sandboxEnv(moto.endpoint))
    .map(([k, v]) => `  export ${k}=${v}`)
    .join('\n')}\n  unset AWS_PROFILE\n\nCtrl-C stops it.`);
  const keepAlive = setInterval(() => {}, 1 << 30);
  const shutdown = async () => {
    clearInterval(keepAlive);
    await moto.stop();
    process.exit(0);
  };
  // Ctrl-C, kill, and a closing terminal (an editor's task ending).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, shutdown);
  say(`EC2 sandbox ready at ${moto.endpoint}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  });
}
