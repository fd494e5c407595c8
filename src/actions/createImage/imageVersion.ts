// Names, versions and tags offered for a new image. Pure: unit-tested without AWS or VS Code.
import { checkTagKey, checkTagValue, imageNamePattern } from '../../shared/validation';

/** EC2 accepts at most 50 tags per resource. */
export const maxTags = 50;
/** EC2's limit for an image description. */
export const maxDescriptionLength = 255;

const pad = (n: number) => String(n).padStart(2, '0');

/** The date version a pipeline would stamp on today's build, e.g. 2026.11.23 (UTC, so every machine agrees). */
export function dateVersion(date: Date): string {
  return `${date.getUTCFullYear()}.${pad(date.getUTCMonth() + 1)}.${pad(date.getUTCDate())}`;
}

/** Today's version, or today's with a build counter (2026.11.23.2, .3, …) when today's is already taken. */
export function nextVersion(date: Date, taken: readonly string[]): string {
  const base = dateVersion(date);
  if (!taken.includes(base)) {
    return base;
  }
  let n = 2;
  while (taken.includes(`${base}.${n}`)) {
    n++;
  }
  return `${base}.${n}`;
}

/** `<base>-<version>` made of the characters EC2 allows in image names (spaces become dashes), within 128. */
export function suggestImageName(base: string, version: string): string {
  const cleaned = base.replace(/[^A-Za-z0-9()[\]./\-'@_]+/g, '-').replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '') || 'image';
  const name = `${cleaned.slice(0, 127 - version.length)}-${version}`;
  return imageNamePattern.test(name) ? name : `image-${version}`;
}

/** The tags offered for the image: a Version, and the instance's own Name and Project, which usually carry over. */
export function suggestedTags(instanceTags: Readonly<Record<string, string>>, version: string): Record<string, string> {
  const out: Record<string, string> = { Version: version };
  for (const key of ['Name', 'Project']) {
    if (instanceTags[key]) {
      out[key] = instanceTags[key];
    }
  }
  return out;
}

export function checkImageDescription(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= maxDescriptionLength ? undefined
    : `The description must be text of at most ${maxDescriptionLength} characters.`;
}

/** `{ key: value }` with valid keys and values, at most 50. */
export function checkImageTags(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'tags must be an object of key: value pairs, e.g. { "Version": "2026.11.23" }.';
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > maxTags) {
    return `${entries.length} tags is more than EC2 allows on an image (${maxTags}).`;
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
  const problem = checkImageTags(out);
  return problem ?? out;
}
