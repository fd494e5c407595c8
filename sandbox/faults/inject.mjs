// What each fault does to a request a rule took. The proxy (proxy.mjs) hands over the request as a Job.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorResponse } from './awsErrors.mjs';
import { send, writeHead } from './messages.mjs';
import { kindOf } from './rules.mjs';

/** @typedef {import('./client.mjs').FaultRule} FaultRule */
/** @typedef {import('./messages.mjs').Target} Target */
/** @typedef {{ status: number, headers: import('node:http').IncomingHttpHeaders, body: Buffer }} Forwarded */
/**
 * A request being answered; aborting ends every wait and the forwarding for it. `release` is set while it is held
 * (hung or trickling): it answers at once.
 * @typedef {{ res: import('node:http').ServerResponse, abort: AbortController, release?: () => void }} Job
 */

/** Time for written bytes to reach the client before a reset, which would otherwise discard them. */
const FLUSH_BEFORE_RESET_MS = 50;

/** Ends a request by closing its connection. @param {Job} job */
export function closeJob(job) {
  job.abort.abort();
  job.res.destroy();
}

/**
 * @param {FaultRule} rule
 * @param {{ job: Job, target: Target, arrived: number, forward: () => Promise<Forwarded> }} request
 *   arrived: performance.now() when the request came in; forward: moto's answer to it
 */
export async function injectFault(rule, { job, target, arrived, forward }) {
  const { res } = job;
  const pause = (/** @type {number | undefined} */ ms) => (ms && ms > 0 ? sleep(ms, undefined, { signal: job.abort.signal }) : Promise.resolve());
  switch (kindOf(rule.fault)) {
    case 'latency': {
      const answer = await forward();
      const delayMs = /** @type {number} */ (rule.delayMs);
      await pause(rule.from === 'arrival' ? arrived + delayMs - performance.now() : delayMs);
      send(res, answer);
      return;
    }
    case 'error':
      await pause(rule.delayMs);
      send(res, errorResponse(rule, target));
      return;
    case 'reset':
      await pause(rule.delayMs);
      if (rule.afterBytes !== undefined) {
        const answer = await forward();
        writeHead(res, answer);
        res.write(answer.body.subarray(0, rule.afterBytes));
        await pause(FLUSH_BEFORE_RESET_MS);
      }
      res.socket?.resetAndDestroy();
      return;
    case 'hang':
      // Held until the client gives up, the rules change or the proxy stops.
      job.release = () => {
        delete job.release;
        forward().then((answer) => send(res, answer), () => closeJob(job));
      };
      return;
    case 'trickle':
      await pause(rule.delayMs);
      trickle(job, await forward(), /** @type {number} */ (rule.chunkBytes), /** @type {number} */ (rule.intervalMs));
      return;
    default:
      throw new Error(`no behaviour for fault ${rule.fault}`);
  }
}

/**
 * Headers now, then `chunkBytes` of the body every `intervalMs`; held while it lasts.
 * @param {Job} job @param {Forwarded} answer @param {number} chunkBytes @param {number} intervalMs
 */
function trickle(job, answer, chunkBytes, intervalMs) {
  const { res } = job;
  if (job.abort.signal.aborted) return;
  const bytes = answer.body;
  writeHead(res, answer);
  let sent = 0;
  const finish = (/** @type {Buffer} */ rest) => {
    clearInterval(timer);
    delete job.release;
    res.end(rest);
  };
  const timer = setInterval(() => {
    const chunk = bytes.subarray(sent, (sent += chunkBytes));
    if (sent < bytes.length) res.write(chunk);
    else finish(chunk);
  }, intervalMs);
  job.release = () => finish(bytes.subarray(sent));
  job.abort.signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
