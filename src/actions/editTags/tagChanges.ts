// What an edit of an image's tags does, worked out before anything is sent to EC2. Pure.
import { isPlainObject } from '../../shared/plainObject';
import { checkTagKey, checkTagValue } from '../../shared/validation';

import { maxTagsPerResource } from '../../shared/tagList';
/** The tag "Mark as latest" moves between the images of a group. */
export const latestTag = { key: 'Latest', value: 'true' } as const;

export interface TagChange {
  /** Keys to add or overwrite. */
  readonly set: Readonly<Record<string, string>>;
  /** Keys to remove. */
  readonly remove: readonly string[];
}

/** Undefined when `set` / `remove` form a valid change, else the sentence saying what is wrong. */
export function checkTagChange(set: unknown, remove: unknown): string | undefined {
  if (set !== undefined && !isPlainObject(set)) {
    return '"set" must be an object of tag keys to values, e.g. { "Project": "PetTracker" }.';
  }
  if (remove !== undefined && (!Array.isArray(remove) || remove.some((k) => typeof k !== 'string'))) {
    return '"remove" must be a list of tag keys, e.g. ["Owner"].';
  }
  for (const [key, value] of Object.entries(set ?? {})) {
    const problem = checkTagKey(key) ?? (typeof value === 'string' ? checkTagValue(value) : `The value of tag "${key}" must be a string.`);
    if (problem) {
      return problem;
    }
  }
  for (const key of (remove as string[] | undefined) ?? []) {
    const problem = checkTagKey(key);
    if (problem) {
      return problem;
    }
    if (set && Object.prototype.hasOwnProperty.call(set, key)) {
      return `Tag "${key}" is both set and removed: keep it in one of "set" and "remove".`;
    }
  }
  return undefined;
}

/** The tags after the change. */
export function applyTagChange(current: Readonly<Record<string, string>>, change: TagChange): Record<string, string> {
  const out: Record<string, string> = { ...current };
  for (const key of change.remove) {
    delete out[key];
  }
  return Object.assign(out, change.set);
}

export function isEmptyTagChange(change: TagChange): boolean {
  return !Object.keys(change.set).length && !change.remove.length;
}

/** One line per change, for summaries and confirmations: "+ Owner = ops", "Project: a → b", "− Stage". */
export function describeTagChange(current: Readonly<Record<string, string>>, change: TagChange): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(change.set)) {
    lines.push(Object.prototype.hasOwnProperty.call(current, key) ? `${key}: ${current[key]} → ${value}` : `+ ${key} = ${value}`);
  }
  for (const key of change.remove) {
    lines.push(`− ${key}${Object.prototype.hasOwnProperty.call(current, key) ? ` (was ${current[key]})` : ''}`);
  }
  return lines;
}

/** Why the resulting tags would exceed EC2's limit, or undefined. */
export function checkTagCount(after: Readonly<Record<string, string>>): string | undefined {
  const count = Object.keys(after).length;
  return count > maxTagsPerResource
    ? `The image would have ${count} tags; EC2 allows at most ${maxTagsPerResource} per resource. Remove some first.`
    : undefined;
}
