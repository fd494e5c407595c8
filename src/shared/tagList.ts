// Tags as people type them and as EC2 takes them. Pure.
import { checkTagKey, checkTagValue } from './validation';

/** EC2 allows at most 50 user tags on one resource (image, snapshot, instance). */
export const maxTagsPerResource = 50;

/** `{ key: value }` with valid keys and values, at most 50. */
export function checkTags(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'tags must be an object of key: value pairs, e.g. { "Version": "2026.11.23" }.';
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > maxTagsPerResource) {
    return `${entries.length} tags is more than EC2 allows on an image (${maxTagsPerResource}).`;
  }
  for (const [key, tagValue] of entries) {
    const problem = checkTagKey(key) ?? checkTagValue(tagValue);
    if (problem) {
      return `Tag ${key}: ${problem}`;
    }
  }
  return undefined;
}

/** "Version=2026.11.23, Team=web" → { Version: "2026.11.23", Team: "web" }; a string when the text is malformed. */
export function parseTagList(text: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0) {
      return `"${part}" is not Key=Value.`;
    }
    out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return checkTags(out) ?? out;
}
