// Names, versions and tags offered for a new image. Pure: unit-tested without AWS or VS Code.
import { imageNamePattern } from '../../shared/validation';

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
