// Fault rules: checking what tests send, and choosing the rule that takes a request. Pure; the proxy applies them.

/** @typedef {import('./client.mjs').FaultRule} FaultRule */
/** @typedef {import('./client.mjs').RuleWithCounters} RuleWithCounters */
/** @typedef {{ region: string, service: string, action: string }} RequestTarget */

/** @type {readonly string[]} */
export const ERROR_FAULTS = Object.freeze([
  'RequestLimitExceeded',
  'Throttling',
  'InternalError',
  'Unavailable',
  'AccessDenied',
  'UnauthorizedOperation',
  'OptInRequired',
  'AuthFailure',
]);
const SERVICES = ['ec2', 'sts', 'kms', 'rbin', 'iam', '*'];
const TARGET_FIELDS = ['fault', 'region', 'service', 'action', 'times'];
/** The fields each kind of fault takes beyond its target. */
const OWN_FIELDS = /** @type {Record<string, string[]>} */ ({
  latency: ['delayMs', 'from'],
  hang: [],
  trickle: ['delayMs', 'chunkBytes', 'intervalMs'],
  reset: ['delayMs', 'afterBytes'],
  error: ['delayMs', 'status', 'code', 'message'],
});
export const FAULT_NAMES = Object.freeze(['latency', 'hang', 'trickle', 'reset', ...ERROR_FAULTS]);
const HOUR_MS = 3_600_000;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

export class FaultRuleError extends Error {}

/** @param {string} fault */
export function kindOf(fault) {
  return ERROR_FAULTS.includes(fault) ? 'error' : fault;
}

/**
 * Checks rules as tests send them and fills in the defaults; throws a FaultRuleError naming the rule and the field.
 * @param {unknown} input
 * @returns {FaultRule[]}
 */
export function parseRules(input) {
  if (!Array.isArray(input)) throw new FaultRuleError('rules must be a list of rule objects, e.g. [{ "fault": "AccessDenied", "region": "eu-west-1" }]');
  return input.map((rule, i) => parseRule(rule, `rule ${i + 1}`));
}

/**
 * @param {unknown} input
 * @param {string} where
 * @returns {FaultRule}
 */
function parseRule(input, where) {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new FaultRuleError(`${where} is not an object`);
  const raw = /** @type {Record<string, unknown>} */ (input);
  const fault = raw.fault;
  if (typeof fault !== 'string' || !FAULT_NAMES.includes(fault)) {
    throw new FaultRuleError(`${where}: unknown fault ${JSON.stringify(fault)}; use one of ${FAULT_NAMES.join(', ')}`);
  }
  const kind = kindOf(fault);
  const allowed = [...TARGET_FIELDS, ...OWN_FIELDS[kind]];
  for (const key of Object.keys(raw)) {
    if (!allowed.includes(key)) {
      const article = /^[aeiou]/i.test(fault) ? 'an' : 'a';
      throw new FaultRuleError(`${where}: "${key}" is not a field of ${article} ${fault} rule; its fields are ${allowed.join(', ')}`);
    }
  }
  const field = (/** @type {string} */ name) => `${where} (${fault}) field "${name}"`;

  /** @type {FaultRule} */
  const rule = {
    fault: /** @type {FaultRule['fault']} */ (fault),
    region: patterns(raw.region, field('region'), checkRegion),
    service: /** @type {FaultRule['service']} */ (oneOf(raw.service ?? '*', SERVICES, field('service'))),
    action: patterns(raw.action, field('action'), checkAction),
  };
  if (raw.times !== undefined) rule.times = integer(raw.times, 1, Infinity, field('times'));
  if (raw.delayMs !== undefined) rule.delayMs = number(raw.delayMs, 0, HOUR_MS, field('delayMs'));
  if (kind === 'latency') {
    if (raw.delayMs === undefined) throw new FaultRuleError(`${field('delayMs')} is required: the milliseconds to add`);
    rule.from = /** @type {FaultRule['from']} */ (oneOf(raw.from ?? 'answer', ['answer', 'arrival'], field('from')));
  }
  if (kind === 'trickle') {
    rule.chunkBytes = integer(raw.chunkBytes ?? 1, 1, 1 << 20, field('chunkBytes'));
    rule.intervalMs = number(raw.intervalMs ?? 1000, 1, HOUR_MS, field('intervalMs'));
  }
  if (kind === 'reset' && raw.afterBytes !== undefined) rule.afterBytes = integer(raw.afterBytes, 0, Infinity, field('afterBytes'));
  if (kind === 'error') {
    if (raw.status !== undefined) rule.status = integer(raw.status, 400, 599, field('status'));
    if (raw.code !== undefined) rule.code = text(raw.code, /^[A-Za-z][\w.]*$/, field('code'), 'an AWS error code such as SignatureDoesNotMatch');
    if (raw.message !== undefined) rule.message = text(raw.message, /^[^]*$/, field('message'), 'text');
  }
  return rule;
}

/**
 * A pattern, or a non-empty list of them; `*` when absent.
 * @param {unknown} value
 * @param {string} field
 * @param {(pattern: string, field: string) => void} check
 * @returns {string | string[]}
 */
function patterns(value, field, check) {
  if (value === undefined) return '*';
  if (Array.isArray(value)) {
    if (!value.length) throw new FaultRuleError(`${field} is an empty list; leave it out to match everything`);
    return value.map((v) => patterns(v, field, check)).flat();
  }
  if (typeof value !== 'string') throw new FaultRuleError(`${field} must be a string or a list of strings, not ${JSON.stringify(value)}`);
  check(value, field);
  return value;
}

/** @param {string} value @param {string} field */
function checkRegion(value, field) {
  const ok = value.includes('*') ? /^[a-z0-9*-]+$/.test(value) : REGION.test(value);
  if (!ok) throw new FaultRuleError(`${field}: bad region pattern ${JSON.stringify(value)}; use "*", a region such as "eu-west-1", or a pattern such as "eu-*"`);
}

/** @param {string} value @param {string} field */
function checkAction(value, field) {
  if (!/^[A-Z*][A-Za-z0-9*]*$/.test(value)) {
    throw new FaultRuleError(`${field}: bad action ${JSON.stringify(value)}; use "*", an API name such as "DescribeImages" (case-sensitive), or a pattern such as "Describe*"`);
  }
}

/** @param {unknown} value @param {string[]} choices @param {string} field */
function oneOf(value, choices, field) {
  if (typeof value !== 'string' || !choices.includes(value)) throw new FaultRuleError(`${field} is ${JSON.stringify(value)}; use one of ${choices.join(', ')}`);
  return value;
}

/** @param {unknown} value @param {number} min @param {number} max @param {string} field */
function number(value, min, max, field) {
  return inRange(value, min, max, field, Number.isFinite(value));
}

/** @param {unknown} value @param {number} min @param {number} max @param {string} field */
function integer(value, min, max, field) {
  return inRange(value, min, max, field, Number.isInteger(value), 'whole ');
}

/**
 * @param {unknown} value @param {number} min @param {number} max @param {string} field @param {boolean} shaped
 * @param {string} [kind]
 */
function inRange(value, min, max, field, shaped, kind = '') {
  if (!shaped || /** @type {number} */ (value) < min || /** @type {number} */ (value) > max) {
    const range = max === Infinity ? `of at least ${min}` : `from ${min} to ${max}`;
    throw new FaultRuleError(`${field} is ${JSON.stringify(value)}; use a ${kind}number ${range}`);
  }
  return /** @type {number} */ (value);
}

/** @param {unknown} value @param {RegExp} shape @param {string} field @param {string} expected */
function text(value, shape, field, expected) {
  if (typeof value !== 'string' || !shape.test(value)) throw new FaultRuleError(`${field} is ${JSON.stringify(value)}; use ${expected}`);
  return value;
}

/** @param {string | readonly string[] | undefined} value */
function matcher(value) {
  const list = [value ?? '*'].flat();
  if (list.includes('*')) return () => true;
  const escape = (/** @type {string} */ s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  const re = new RegExp(`^(?:${list.map(escape).join('|')})$`);
  return (/** @type {string} */ s) => re.test(s);
}

/** The current rules, in order, each with its counters. */
export class RuleSet {
  /**
   * `used` counts against `times`; `seen` and `injected` are counters, which resetCounters() zeroes.
   * @type {{ rule: FaultRule, region: (s: string) => boolean, action: (s: string) => boolean, used: number, seen: number, injected: number }[]}
   */
  #entries = [];

  /** @param {readonly FaultRule[]} rules checked by parseRules */
  add(rules) {
    for (const rule of rules) {
      this.#entries.push({ rule, region: matcher(rule.region), action: matcher(rule.action), used: 0, seen: 0, injected: 0 });
    }
  }

  clear() {
    this.#entries = [];
  }

  /**
   * The rule that takes this request, if any: the first whose target matches and whose `times` are not used up.
   * Counts the request against the rules it reached.
   * @param {RequestTarget} target
   * @returns {FaultRule | undefined}
   */
  take({ region, service, action }) {
    for (const entry of this.#entries) {
      const { rule } = entry;
      if (!entry.region(region) || (rule.service !== '*' && rule.service !== service) || !entry.action(action)) continue;
      entry.seen++;
      if (rule.times !== undefined && entry.used >= rule.times) continue;
      entry.used++;
      entry.injected++;
      return rule;
    }
    return undefined;
  }

  /** @returns {RuleWithCounters[]} */
  list() {
    return this.#entries.map(({ rule, seen, injected }) => ({ ...rule, seen, injected }));
  }

  /** Zeroes the counters; a rule's `times` stay used. */
  resetCounters() {
    for (const entry of this.#entries) {
      entry.seen = 0;
      entry.injected = 0;
    }
  }
}
