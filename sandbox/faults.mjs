#!/usr/bin/env node
// Switches the sandbox's faults from a shell while it runs (npm start, node sandbox/moto.mjs):
//
//   node sandbox/faults.mjs set --fault AccessDenied --region eu-west-1 [--action DescribeImages] [--times 3]
//   node sandbox/faults.mjs add --fault latency --delay-ms 800
//   node sandbox/faults.mjs set --json '[{ "fault": "hang", "region": "ap-southeast-2" }]'
//   node sandbox/faults.mjs stats | clear [--release] | reset-stats
//
// The endpoint is --endpoint URL, else $AWS_ENDPOINT_URL_EC2 or $AWS_ENDPOINT_URL (what sandboxEnv() exports).
// Every other --flag-name becomes the rule's field flagName; see sandbox/README.md for the rule format.
import { fileURLToPath } from 'node:url';
import { addFaults, clearFaults, faultStats, resetFaultStats, setFaults } from './faults/client.mjs';

/** @typedef {import('./faults/client.mjs').FaultRule} FaultRule */

const USAGE = `usage: node sandbox/faults.mjs <command> [--endpoint URL] [options]
  set  --fault NAME [--region R] [--service S] [--action A] [--times N] [--delay-ms D] …   replace the rules with one
  set  --json '[{ "fault": …, … }, …]'                                                     replace the rules with these
  add  (as set)                                                                           append rules
  stats                                                                                   print rules and counters
  clear [--release]          remove every rule; hung and trickling requests are closed, or answered with --release
  reset-stats                                                                             zero the counters`;
const NUMERIC = new Set(['times', 'delayMs', 'chunkBytes', 'intervalMs', 'afterBytes', 'status']);
/** Fields that take a list: `--region eu-west-1,ap-southeast-2`. */
const LISTS = new Set(['region', 'action']);

/**
 * @param {string[]} argv
 * @returns {{ command: string | undefined, options: Record<string, string | true> }}
 */
function parseArgs(argv) {
  /** @type {Record<string, string | true>} */
  const options = {};
  const [command, ...rest] = argv;
  for (let i = 0; i < rest.length; i++) {
    const flag = /^--([a-z][a-z0-9-]*)$/.exec(rest[i]);
    if (!flag) throw new Error(`unexpected argument "${rest[i]}"\n${USAGE}`);
    const name = flag[1].replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    const value = rest[i + 1];
    options[name] = value === undefined || value.startsWith('--') ? true : (i++, value);
  }
  return { command, options };
}

/**
 * The rules a set or add command names: --json, or one rule from the remaining flags.
 * @param {Record<string, string | true>} options
 * @returns {FaultRule[]}
 */
function rulesFrom(options) {
  const { json, ...fields } = options;
  if (typeof json === 'string') {
    if (Object.keys(fields).length) throw new Error('--json takes the whole rule list; give no other rule flags with it');
    try {
      return JSON.parse(json);
    } catch (error) {
      throw new Error(`--json is not JSON (${/** @type {Error} */ (error).message})`);
    }
  }
  /** @type {Record<string, unknown>} */
  const rule = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value === true) throw new Error(`--${name} needs a value`);
    rule[name] = NUMERIC.has(name) && /^\d+(\.\d+)?$/.test(value) ? Number(value) : LISTS.has(name) && value.includes(',') ? value.split(',') : value;
  }
  return [/** @type {FaultRule} */ (/** @type {unknown} */ (rule))];
}

/** @param {string[]} argv */
async function main(argv) {
  const { command, options } = parseArgs(argv);
  const { endpoint: given, release, ...rest } = options;
  const endpoint = typeof given === 'string' ? given : process.env.AWS_ENDPOINT_URL_EC2 || process.env.AWS_ENDPOINT_URL;
  if (!endpoint) throw new Error('no endpoint: pass --endpoint URL (npm start prints it) or set AWS_ENDPOINT_URL_EC2');
  switch (command) {
    case 'set':
      return setFaults(endpoint, rulesFrom(rest));
    case 'add':
      return addFaults(endpoint, rulesFrom(rest));
    case 'stats':
      return faultStats(endpoint);
    case 'clear':
      return clearFaults(endpoint, { held: release ? 'release' : 'close' });
    case 'reset-stats':
      return resetFaultStats(endpoint);
    default:
      throw new Error(command ? `unknown command "${command}"\n${USAGE}` : USAGE);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (stats) => process.stdout.write(`${JSON.stringify(stats, null, 2)}\n`),
    (error) => {
      process.stderr.write(`${error.message ?? error}\n`);
      process.exit(1);
    },
  );
}
