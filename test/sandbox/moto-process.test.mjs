// Starting and stopping the sandbox process.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { faultStats } from '../../sandbox/faults/client.mjs';
import { INSTALL_HINT, sandboxCredentials, sandboxEnv, startMoto } from '../../sandbox/moto.mjs';
import { ec2 } from './fixture.mjs';

const LAUNCHER = fileURLToPath(new URL('../../sandbox/moto/launcher.py', import.meta.url));

/** @param {number} pid */
const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('sandbox process', function () {
  this.timeout(60_000);

  it('names what to install when python3 is missing', async () => {
    await assert.rejects(startMoto({ python: '/nonexistent/python3' }), (error) => {
      assert.match(String(/** @type {Error} */ (error).message), /Python 3\.9\+/);
      assert.ok(String(/** @type {Error} */ (error).message).includes(INSTALL_HINT));
      return true;
    });
  });

  it('names what to install when moto is missing', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sandbox-python-'));
    try {
      // -S skips site-packages, where moto lives.
      const python = path.join(dir, 'python-without-moto');
      await writeFile(python, '#!/bin/sh\nexec python3 -S "$@"\n');
      await chmod(python, 0o755);
      await assert.rejects(startMoto({ python }), (error) => {
        assert.ok(String(/** @type {Error} */ (error).message).includes('pip install "moto[server]==5.2.1"'));
        return true;
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('starts on a free port behind the fault proxy, answers EC2 calls, and stop() ends both', async () => {
    const moto = await startMoto();
    assert.match(moto.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(moto.endpoint, `http://127.0.0.1:${moto.port}`);
    assert.notEqual(moto.motoEndpoint, moto.endpoint);
    for (const endpoint of [moto.endpoint, moto.motoEndpoint]) {
      const { Regions = [] } = await ec2(endpoint).send(new DescribeRegionsCommand({}));
      assert.ok(Regions.some((r) => r.RegionName === 'eu-west-1'));
    }
    assert.deepEqual((await faultStats(moto.endpoint)).rules, []);
    await moto.stop();
    assert.ok(!alive(moto.pid), 'the server is still running');
    await assert.rejects(faultStats(moto.endpoint), /nothing answers/, 'the proxy is still listening');
    await moto.stop();
  });

  it('serves moto itself with { faults: false }', async () => {
    const moto = await startMoto({ faults: false });
    try {
      assert.equal(moto.motoEndpoint, moto.endpoint);
      await ec2(moto.endpoint).send(new DescribeRegionsCommand({}));
      await assert.rejects(faultStats(moto.endpoint), /no fault proxy answers/);
    } finally {
      await moto.stop();
    }
  });

  it('prints READY, logs no requests unless verbose, and exits cleanly on SIGTERM', async () => {
    const child = spawn('python3', [LAUNCHER, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    try {
      const endpoint = await new Promise((resolve, reject) => {
        const timer = setInterval(() => {
          const match = /^READY (\S+)\n/.exec(stdout);
          if (match) {
            clearInterval(timer);
            resolve(match[1]);
          }
        }, 20);
        child.on('exit', () => reject(new Error(`launcher exited early: ${stderr}`)));
      });
      await ec2(endpoint).send(new DescribeRegionsCommand({}));
      await ec2(endpoint).send(new DescribeRegionsCommand({}));
    } finally {
      child.kill('SIGTERM');
    }
    assert.deepEqual(await exited, { code: 0, signal: null });
    assert.equal(stdout.trim().split('\n').length, 1, `stdout: ${stdout}`);
    assert.doesNotMatch(stderr, /POST|GET|HTTP\/1/, 'request lines were logged');
  });

  it('exports credentials and an environment for child processes', () => {
    assert.equal(sandboxCredentials.AWS_ACCESS_KEY_ID, 'testing');
    assert.equal(sandboxCredentials.AWS_REGION, 'us-east-1');
    const env = sandboxEnv('http://127.0.0.1:1234');
    assert.equal(env.AWS_ENDPOINT_URL_EC2, 'http://127.0.0.1:1234');
    assert.equal(env.AWS_SECRET_ACCESS_KEY, 'testing');
  });
});
