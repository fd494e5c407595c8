// Finds AMI ids in any text. Pure and linear: one regex pass, no per-line work, so a 5 MB file stays cheap.

export interface AmiIdMatch {
  readonly id: string;
  /** Offset of the "a" of "ami-" in the text. */
  readonly offset: number;
}

/**
 * "ami-" then exactly 8 or 17 lowercase hex digits, as a whole token: not preceded or followed by a letter, digit,
 * "_" or "-" (so "my-ami-…" and "ami-…-copy" are names, not ids), while "image/ami-…" in an ARN still counts.
 */
const amiIdToken = /(?<![\w-])ami-(?:[0-9a-f]{17}|[0-9a-f]{8})(?![\w-])/g;

export function findAmiIds(text: string): AmiIdMatch[] {
  const matches: AmiIdMatch[] = [];
  for (const m of text.matchAll(amiIdToken)) {
    matches.push({ id: m[0], offset: m.index });
  }
  return matches;
}

/** Text with a NUL byte near its start is binary content: never scanned. */
export function looksBinary(text: string, probe = 8192): boolean {
  return text.slice(0, probe).includes('\u0000');
}
