// One reader for every action's input object: a schema per action names each option, whether it is required and
// how it is checked, so a misspelt or mistyped option fails the call instead of being ignored. Pure.
import { isPlainObject } from './plainObject';

/** Undefined when the value is acceptable, else the sentence that says what is wrong with it. */
export type Check = (value: unknown, key: string) => string | undefined;

export interface OptionRule {
  readonly check: Check;
  readonly required?: boolean;
}

export type Schema = Readonly<Record<string, OptionRule>>;

export const required = (check: Check): OptionRule => ({ check, required: true });
export const optional = (check: Check): OptionRule => ({ check });

/** Adapts a one-argument check (the wizards' input-box checks) to a schema check. */
export const checkWith = (check: (value: unknown) => string | undefined): Check => (value) => check(value);

export const isBoolean: Check = (value, key) => (typeof value === 'boolean' ? undefined : `"${key}" must be true or false, not ${shown(value)}.`);

export const isString: Check = (value, key) => (typeof value === 'string' ? undefined : `"${key}" must be a string, not ${shown(value)}.`);

/** A list whose every item passes `item`; `nonEmpty` refuses []. `of` names the items in the message. */
export function isList(item: (value: unknown) => string | undefined, example: string, { nonEmpty = false, of = '' } = {}): Check {
  return (value, key) => {
    if (!Array.isArray(value) || (nonEmpty && !value.length)) {
      return `"${key}" must be a ${nonEmpty ? 'non-empty ' : ''}list${of ? ` of ${of}` : ''}, e.g. ${example}.`;
    }
    for (const v of value) {
      const problem = item(v);
      if (problem) {
        return problem;
      }
    }
    return undefined;
  };
}

/** `{ [key]: string }` whose keys and values pass their checks. */
export function isStringMap(key: (value: unknown) => string | undefined, value: (value: unknown) => string | undefined, example: string): Check {
  return (map, name) => {
    if (!isPlainObject(map)) {
      return `"${name}" must be an object, e.g. ${example}.`;
    }
    for (const [k, v] of Object.entries(map)) {
      const problem = key(k) ?? value(v);
      if (problem) {
        return problem;
      }
    }
    return undefined;
  };
}

function shown(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(value) ?? typeof value;
}

/** Levenshtein distance, to suggest the option a typo meant. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  const at = (j: number) => row[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    let previous = at(0);
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = at(j);
      row[j] = Math.min(at(j) + 1, at(j - 1) + 1, previous + (a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1));
      previous = current;
    }
  }
  return at(b.length);
}

function unknownOption(key: string, known: readonly string[]): string {
  const near = known.filter((k) => distance(key, k) <= Math.max(1, Math.floor(k.length / 4)));
  return near.length ? `Unknown option "${key}": did you mean "${near[0]}"?` : `Unknown option "${key}"; expected one of: ${known.join(', ')}.`;
}

/**
 * Checks `input` against `schema` whole: a plain object, no unknown option, every required option present, every
 * given option valid. Returns the input with string values trimmed; throws the first problem as an Error.
 */
export function readOptions(input: unknown, schema: Schema, what: string): Record<string, unknown> {
  if (!isPlainObject(input)) {
    throw new Error(`${what} takes one object of options, e.g. { imageId: "ami-0abcdef1234567890", region: "us-east-1" }.`);
  }
  const known = Object.keys(schema);
  for (const key of Object.keys(input)) {
    if (!Object.prototype.hasOwnProperty.call(schema, key)) {
      throw new Error(unknownOption(key, known));
    }
  }
  const out: Record<string, unknown> = {};
  for (const [key, rule] of Object.entries(schema)) {
    const value = input[key];
    if (value === undefined) {
      if (rule.required) {
        throw new Error(rule.check(undefined, key) ?? `"${key}" is required.`);
      }
      continue;
    }
    const problem = rule.check(value, key);
    if (problem) {
      throw new Error(problem);
    }
    out[key] = typeof value === 'string' ? value.trim() : value;
  }
  return out;
}
