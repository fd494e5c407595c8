// The fault proxy's control endpoint, under a path no AWS call uses:
//   GET    /__faults                    rules and counters
//   POST   /__faults                    { rules: [...] } replaces the rules ({ rules, append: true } appends); a bare
//                                       list works too, for curl
//   DELETE /__faults[?held=release]     removes every rule; held requests are closed, or answered with held=release
//   DELETE /__faults/stats              zeroes the counters
// Every answer is the stats JSON, or { error } with status 400 / 404 / 405. CORS is open, so a test in a browser
// extension host can call it too.
import { CONTROL_PATH } from './client.mjs';
import { FaultRuleError } from './rules.mjs';

/** @typedef {import('./client.mjs').FaultStats} FaultStats */
/**
 * @typedef {{
 *   stats: () => FaultStats,
 *   setRules: (rules: unknown, options?: { append?: boolean }) => FaultStats,
 *   clear: (options?: { held?: 'close' | 'release' }) => FaultStats,
 *   resetStats: () => FaultStats,
 * }} FaultControls
 */

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
  'access-control-allow-headers': 'content-type',
};

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 * @param {FaultControls} faults
 */
export async function handleControl(req, res, url, faults) {
  const reply = (/** @type {number} */ status, /** @type {unknown} */ value) => {
    res.writeHead(status, { ...CORS, 'content-type': 'application/json' });
    res.end(`${JSON.stringify(value, null, 2)}\n`);
  };
  const route = `${req.method} ${url.pathname}`;
  try {
    switch (route) {
      case `OPTIONS ${CONTROL_PATH}`:
      case `OPTIONS ${CONTROL_PATH}/stats`:
        res.writeHead(204, CORS);
        res.end();
        return;
      case `GET ${CONTROL_PATH}`:
        reply(200, faults.stats());
        return;
      case `POST ${CONTROL_PATH}`: {
        const input = await readJson(req);
        const { rules, append } = Array.isArray(input) ? { rules: input, append: false } : /** @type {{ rules?: unknown, append?: unknown }} */ (input ?? {});
        if (rules === undefined) throw new FaultRuleError('the body must be { "rules": [...] } or a list of rules');
        reply(200, faults.setRules(rules, { append: append === true }));
        return;
      }
      case `DELETE ${CONTROL_PATH}`: {
        const held = url.searchParams.get('held') ?? 'close';
        if (held !== 'close' && held !== 'release') throw new FaultRuleError(`held=${held}: use held=close (the default) or held=release`);
        reply(200, faults.clear({ held }));
        return;
      }
      case `DELETE ${CONTROL_PATH}/stats`:
        reply(200, faults.resetStats());
        return;
      default: {
        const known = [CONTROL_PATH, `${CONTROL_PATH}/stats`].includes(url.pathname);
        reply(known ? 405 : 404, { error: `${route} is not a fault control call: use GET, POST or DELETE ${CONTROL_PATH}, or DELETE ${CONTROL_PATH}/stats` });
      }
    }
  } catch (error) {
    if (!(error instanceof FaultRuleError)) throw error;
    reply(400, { error: error.message });
  }
}

/** @param {import('node:http').IncomingMessage} req */
async function readJson(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new FaultRuleError(`the body is not JSON (${/** @type {Error} */ (error).message})`);
  }
}
