// The fault proxy: an HTTP server in front of the sandbox's EC2/STS/KMS endpoint that forwards every request and,
// when a rule takes it, injects a fault instead (rules.mjs). Tests switch the rules at run time through the control
// endpoint under /__faults (control.mjs), with client.mjs.
//
//   import { startFaultProxy } from './sandbox/faults/proxy.mjs';
//   const proxy = await startFaultProxy({ target: 'http://127.0.0.1:5000' });   // { endpoint, port, close() }
//
// Faults never reach moto, so an injected error changes nothing, as with EC2. Waits run concurrently: moto answers
// one request at a time, but N requests delayed by D ms each take about D plus moto's time, not N × D.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorResponse } from './awsErrors.mjs';
import { CONTROL_PATH } from './client.mjs';
import { handleControl } from './control.mjs';
import { FaultCounters } from './counters.mjs';
import { RuleSet, kindOf, parseRules } from './rules.mjs';

/** @typedef {import('./client.mjs').FaultRule} FaultRule */
/** @typedef {import('./client.mjs').FaultStats} FaultStats */
/** @typedef {import('./rules.mjs').RequestTarget & { account: string }} Target */
/** @typedef {{ status: number, headers: http.IncomingHttpHeaders | Record<string, string>, body: Buffer | string }} Answer */
/** @typedef {{ status: number, headers: http.IncomingHttpHeaders, body: Buffer }} Forwarded */
/**
 * A request being answered. `release` is set while it is held (hung or trickling): it answers at once.
 * @typedef {{ res: http.ServerResponse, abort: AbortController, release?: () => void }} Job
 */

/** The account moto acts as unless a request says otherwise (as seed.mjs's OUR_ACCOUNT). */
const DEFAULT_ACCOUNT = '123456789012';
/** Headers about one connection, not the message: never passed on. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'content-length']);
/** Time for written bytes to reach the client before a reset, which would otherwise discard them. */
const FLUSH_BEFORE_RESET_MS = 50;

/**
 * @param {{ target: string, host?: string, port?: number, log?: (line: string) => void }} options
 *   target: the endpoint to forward to; port 0 (the default) picks a free one; log: one line per injected fault.
 */
export async function startFaultProxy({ target, host = '127.0.0.1', port = 0, log }) {
  const upstream = new URL(target);
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
      else close(job);
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
   */
  async function proxy(req, res) {
    const arrived = performance.now();
    const url = new URL(req.url ?? '/', 'http://proxy');
    const body = await readBody(req);
    const target = targetOf(req, url, body);
    /** @type {Job} */
    const job = { res, abort: new AbortController() };
    jobs.add(job);
    // Fires when the answer is complete or the connection closed first (client gone, fault, proxy stopping).
    res.once('close', () => {
      jobs.delete(job);
      job.abort.abort();
    });
    const signal = job.abort.signal;
    if (!target) {
      // Not a signed AWS call (moto's own /moto-api/): straight through, uncounted.
      send(res, await forward(req, body, signal));
      return;
    }
    const count = counters.begin(target);
    res.once('close', count.end);
    const rule = rules.take(target);
    if (!rule) {
      send(res, await forward(req, body, signal));
      return;
    }
    count.injected();
    log?.(`${rule.fault} → ${target.service}:${target.action || '?'} in ${target.region}`);
    const pause = (/** @type {number | undefined} */ ms) => (ms ? sleep(ms, undefined, { signal }) : Promise.resolve());

    switch (kindOf(rule.fault)) {
      case 'latency': {
        const answer = await forward(req, body, signal);
        const delay = rule.from === 'arrival' ? arrived + /** @type {number} */ (rule.delayMs) - performance.now() : rule.delayMs;
        await pause(Math.max(0, delay ?? 0));
        send(res, answer);
        return;
      }
      case 'error':
        await pause(rule.delayMs);
        send(res, errorResponse(rule, target));
        return;
      case 'reset': {
        await pause(rule.delayMs);
        if (rule.afterBytes !== undefined) {
          const answer = await forward(req, body, signal);
          res.writeHead(answer.status, { ...withoutHopByHop(answer.headers), 'content-length': String(answer.body.length) });
          res.flushHeaders();
          res.write(answer.body.subarray(0, rule.afterBytes));
          await pause(FLUSH_BEFORE_RESET_MS);
        }
        res.socket?.resetAndDestroy();
        return;
      }
      case 'hang':
        // Held until the client gives up, the rules change or the proxy stops.
        job.release = () => {
          delete job.release;
          forward(req, body, signal).then((answer) => send(res, answer), () => close(job));
        };
        return;
      case 'trickle': {
        await pause(rule.delayMs);
        const answer = await forward(req, body, signal);
        const bytes = answer.body;
        res.writeHead(answer.status, { ...withoutHopByHop(answer.headers), 'content-length': String(bytes.length) });
        res.flushHeaders();
        let sent = 0;
        const timer = setInterval(() => {
          const chunk = bytes.subarray(sent, (sent += /** @type {number} */ (rule.chunkBytes)));
          if (sent < bytes.length) res.write(chunk);
          else finish(chunk);
        }, rule.intervalMs);
        const finish = (/** @type {Buffer} */ rest) => {
          clearInterval(timer);
          delete job.release;
          res.end(rest);
        };
        job.release = () => finish(bytes.subarray(sent));
        signal.addEventListener('abort', () => clearInterval(timer), { once: true });
        return;
      }
      default:
        throw new Error(`no behaviour for fault ${rule.fault}`);
    }
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    const handled = url.pathname === CONTROL_PATH || url.pathname.startsWith(`${CONTROL_PATH}/`) ? handleControl(req, res, url, faults) : proxy(req, res);
    handled.catch((error) => {
      if (res.destroyed || res.writableEnded) return;
      if (error?.name === 'AbortError') {
        res.destroy();
        return;
      }
      // moto down or unreachable: what a load balancer answers when its backend is gone.
      const reason = error?.code ?? error?.message ?? String(error);
      send(res, { status: 502, headers: { 'content-type': 'text/plain' }, body: `fault proxy: the sandbox at ${target} did not answer (${reason})\n` });
    });
  });
  // Like the sandbox process, the proxy alone does not keep Node running; requests in progress do.
  server.unref();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());

  /** @param {Job} job */
  function close(job) {
    job.abort.abort();
    job.res.destroy();
  }

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
        for (const job of jobs) close(job);
        server.closeAllConnections();
        agent.destroy();
      });
      return closing;
    },
  };
}

/**
 * The region, service and action of a signed AWS request, from its SigV4 credential scope
 * (`Credential=AKID/20261201/us-east-1/ec2/aws4_request`, in the Authorization header or a presigned URL) and its
 * `Action` (form body or query) or `X-Amz-Target` (JSON protocols such as KMS'). Undefined when it is not signed.
 * @param {http.IncomingMessage} req
 * @param {URL} url
 * @param {Buffer} body
 * @returns {Target | undefined}
 */
export function targetOf(req, url, body) {
  const credential = /Credential=([^,\s]+)/.exec(req.headers.authorization ?? '')?.[1] ?? url.searchParams.get('X-Amz-Credential');
  if (!credential) return undefined;
  const [, , region = '', service = ''] = credential.split('/');
  const account = req.headers['x-moto-account-id'];
  return { region, service, action: actionOf(req, url, body), account: typeof account === 'string' ? account : DEFAULT_ACCOUNT };
}

/**
 * @param {http.IncomingMessage} req
 * @param {URL} url
 * @param {Buffer} body
 */
function actionOf(req, url, body) {
  const amzTarget = req.headers['x-amz-target'];
  if (typeof amzTarget === 'string') return amzTarget.slice(amzTarget.lastIndexOf('.') + 1);
  const fromQuery = url.searchParams.get('Action');
  if (fromQuery) return fromQuery;
  const match = /(?:^|&)Action=([^&]*)/.exec(body.toString('latin1'));
  return match ? decodeURIComponent(match[1]) : '';
}

/** @param {http.IncomingMessage} req */
async function readBody(req) {
  /** @type {Buffer[]} */
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** @param {http.IncomingHttpHeaders | Record<string, string>} headers */
function withoutHopByHop(headers) {
  return Object.fromEntries(Object.entries(headers).filter(([name, value]) => value !== undefined && !HOP_BY_HOP.has(name.toLowerCase())));
}

/**
 * @param {http.ServerResponse} res
 * @param {Answer} answer
 */
function send(res, answer) {
  if (res.destroyed || res.headersSent) return;
  const body = typeof answer.body === 'string' ? Buffer.from(answer.body) : answer.body;
  res.writeHead(answer.status, { ...withoutHopByHop(answer.headers), 'content-length': String(body.length) });
  res.end(body);
}
