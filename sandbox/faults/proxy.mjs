// The fault proxy: an HTTP server in front of the sandbox's EC2/STS/KMS endpoint that forwards every request and,
// when a rule (rules.mjs) takes it, injects a fault instead (inject.mjs). Tests switch the rules at run time through
// the control endpoint under /__faults (control.mjs), with client.mjs.
//
//   import { startFaultProxy } from './sandbox/faults/proxy.mjs';
//   const proxy = await startFaultProxy({ target: 'http://127.0.0.1:5000' });   // { endpoint, port, close(), … }
//
// Faults never reach moto, so an injected error changes nothing, as with EC2. Waits run concurrently: moto answers
// one request at a time, but N requests delayed by D ms each take about D plus moto's time, not N × D.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { CONTROL_PATH } from './client.mjs';
import { handleControl } from './control.mjs';
import { FaultCounters } from './counters.mjs';
import { closeJob, injectFault } from './inject.mjs';
import { readBody, send, targetOf, withoutHopByHop } from './messages.mjs';
import { RuleSet, parseRules } from './rules.mjs';

/** @typedef {import('./client.mjs').FaultStats} FaultStats */
/** @typedef {import('./inject.mjs').Forwarded} Forwarded */
/** @typedef {import('./inject.mjs').Job} Job */

/**
 * @param {{ target: string, host?: string, port?: number, log?: (line: string) => void }} options
 *   target: the endpoint to forward to; port 0 (the default) picks a free one; log: one line per injected fault.
 */
export async function startFaultProxy({ target: upstreamEndpoint, host = '127.0.0.1', port = 0, log }) {
  const upstream = new URL(upstreamEndpoint);
  const rules = new RuleSet();
  const counters = new FaultCounters();
  /** @type {Set<Job>} */
  const jobs = new Set();
  // Kept-alive connections to moto: a new one per request costs moto a thread start, a third more time when seeding.
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

  /** @returns {FaultStats} */
  const stats = () => ({ rules: rules.list(), ...counters.snapshot(), held: [...jobs].filter((j) => j.release).length });

  /** @param {'close' | 'release'} how */
  const endHeld = (how) => {
    for (const job of jobs) {
      if (!job.release) continue;
      if (how === 'release') job.release();
      else closeJob(job);
    }
  };

  const faults = {
    stats,
    /** Replaces the rules, or appends to them; requests held by replaced rules are closed. @param {unknown} input @param {{ append?: boolean }} [options] */
    setRules(input, { append = false } = {}) {
      const parsed = parseRules(input);
      if (!append) {
        rules.clear();
        endHeld('close');
      }
      rules.add(parsed);
      return stats();
    },
    /** @param {{ held?: 'close' | 'release' }} [options] */
    clear({ held = 'close' } = {}) {
      rules.clear();
      endHeld(held);
      return stats();
    },
    resetStats() {
      counters.reset();
      rules.resetCounters();
      return stats();
    },
  };

  /**
   * Moto's answer to a request, read whole.
   * @param {http.IncomingMessage} req
   * @param {Buffer} body
   * @param {AbortSignal} signal
   * @param {boolean} [retry] once more on a fresh connection if a kept-alive one turns out closed
   * @returns {Promise<Forwarded>}
   */
  const forward = (req, body, signal, retry = true) =>
    new Promise((resolve, reject) => {
      const headers = { ...withoutHopByHop(req.headers), 'content-length': String(body.length) };
      const out = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers, agent, signal }, (answer) => {
        /** @type {Buffer[]} */
        const chunks = [];
        answer.on('data', (chunk) => chunks.push(chunk));
        answer.on('end', () => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(chunks) }));
        answer.on('error', reject);
      });
      out.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
        // Node's advice for kept-alive sockets: the server may close one just as it is reused, before reading.
        if (retry && out.reusedSocket && error.code === 'ECONNRESET') forward(req, body, signal, false).then(resolve, reject);
        else reject(error);
      });
      out.end(body);
    });

  /**
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   * @param {URL} url
   */
  async function proxy(req, res, url) {
    const arrived = performance.now();
    const body = await readBody(req);
    /** @type {Job} */
    const job = { res, abort: new AbortController() };
    jobs.add(job);
    // Fires when the answer is complete or the connection closed first (client gone, fault, proxy stopping).
    res.once('close', () => {
      jobs.delete(job);
      job.abort.abort();
    });
    const toMoto = () => forward(req, body, job.abort.signal);
    const target = targetOf(req, url, body);
    if (!target) {
      // Not a signed AWS call (moto's own /moto-api/): straight through, uncounted.
      send(res, await toMoto());
      return;
    }
    const count = counters.begin(target);
    res.once('close', count.end);
    const rule = rules.take(target);
    if (!rule) {
      send(res, await toMoto());
      return;
    }
    count.injected();
    log?.(`${rule.fault} → ${target.service}:${target.action || '?'} in ${target.region}`);
    await injectFault(rule, { job, target, arrived, forward: toMoto });
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    const control = url.pathname === CONTROL_PATH || url.pathname.startsWith(`${CONTROL_PATH}/`);
    (control ? handleControl(req, res, url, faults) : proxy(req, res, url)).catch((error) => {
      if (res.destroyed || res.writableEnded) return;
      if (error?.name === 'AbortError') {
        res.destroy();
        return;
      }
      // moto down or unreachable: what a load balancer answers when its backend is gone.
      const reason = error?.code ?? error?.message ?? String(error);
      send(res, { status: 502, headers: { 'content-type': 'text/plain' }, body: `fault proxy: the sandbox at ${upstream.origin} did not answer (${reason})\n` });
    });
  });
  // Like the sandbox process, the proxy alone does not keep Node running; requests in progress do.
  server.unref();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());

  let closing = /** @type {Promise<void> | undefined} */ (undefined);
  return {
    endpoint: `http://${host}:${address.port}`,
    port: address.port,
    ...faults,
    /** Stops listening and ends every request in progress, held ones included. */
    close() {
      closing ??= new Promise((resolve) => {
        server.close(() => resolve());
        rules.clear();
        for (const job of jobs) closeJob(job);
        server.closeAllConnections();
        agent.destroy();
      });
      return closing;
    },
  };
}
