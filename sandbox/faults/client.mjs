// Switches the sandbox's faults at run time through the fault proxy's control endpoint. Needs only `fetch`, so it
// runs in plain Node, in the VS Code extension host and in the benchmark alike. Types: client.d.mts.
//
//   import { setFaults, clearFaults, faultStats } from './sandbox/faults/client.mjs';
//   await setFaults(endpoint, [{ fault: 'AccessDenied', region: 'eu-west-1' }]);
//   ...; const { regions } = await faultStats(endpoint); await clearFaults(endpoint);

/** @typedef {import('./client.mjs').FaultRule} FaultRule */
/** @typedef {import('./client.mjs').FaultStats} FaultStats */

export const CONTROL_PATH = '/__faults';

/** @param {string} endpoint */
export function faultsUrl(endpoint) {
  return `${endpoint.replace(/\/+$/, '')}${CONTROL_PATH}`;
}

/**
 * @param {string} what
 * @param {string} url
 * @param {RequestInit} init
 * @returns {Promise<FaultStats>}
 */
async function call(what, url, init) {
  let response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    throw new Error(`${what}: nothing answers at ${url} (${/** @type {Error} */ (error).cause ?? error})`);
  }
  const text = await response.text();
  if (response.ok) return JSON.parse(text);
  /** @type {string | undefined} */
  let reason;
  try {
    reason = JSON.parse(text).error;
  } catch {
    // Not the proxy: moto itself, or something else on that port.
  }
  if (reason) throw new Error(`${what}: ${reason}`);
  throw new Error(
    `${what}: no fault proxy answers at ${url} (HTTP ${response.status}); ` +
      'pass the endpoint startMoto() returned, which has the proxy in front unless started with { faults: false }',
  );
}

/**
 * @param {string} endpoint
 * @param {readonly FaultRule[]} rules
 */
export function setFaults(endpoint, rules) {
  return call('setFaults', faultsUrl(endpoint), json('POST', { rules }));
}

/**
 * @param {string} endpoint
 * @param {readonly FaultRule[]} rules
 */
export function addFaults(endpoint, rules) {
  return call('addFaults', faultsUrl(endpoint), json('POST', { rules, append: true }));
}

/**
 * @param {string} endpoint
 * @param {{ held?: 'close' | 'release' }} [options]
 */
export function clearFaults(endpoint, { held = 'close' } = {}) {
  return call('clearFaults', `${faultsUrl(endpoint)}?held=${held}`, { method: 'DELETE' });
}

/** @param {string} endpoint */
export function faultStats(endpoint) {
  return call('faultStats', faultsUrl(endpoint), { method: 'GET' });
}

/** @param {string} endpoint */
export function resetFaultStats(endpoint) {
  return call('resetFaultStats', `${faultsUrl(endpoint)}/stats`, { method: 'DELETE' });
}

/**
 * @param {string} method
 * @param {unknown} body
 * @returns {RequestInit}
 */
function json(method, body) {
  return { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
