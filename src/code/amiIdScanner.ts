// Finds AMI ids in any text. Pure and linear: one regex pass, no per-line work, so a 5 MB file stays cheap.

export interface AmiIdMatch {
  /** The id as EC2 knows it: always lower case. */
  readonly id: string;
  /** Offset of the "a" of "ami-" in the text. */
  readonly offset: number;
  /** The id was written with upper-case letters, which EC2 does not accept. */
  readonly wrongCase?: true;
}

/**
 * "ami-" then exactly 8 or 17 hex digits, as a whole token: not preceded or followed by a letter, digit,
 * "_" or "-" (so "my-ami-…" and "ami-…-copy" are names, not ids), while "image/ami-…" in an ARN still counts.
 * Case-insensitive so that an id pasted in upper case is reported rather than silently ignored.
 */
const amiIdToken = /(?<![\w-])ami-(?:[0-9a-f]{17}|[0-9a-f]{8})(?![\w-])/gi;

export function findAmiIds(text: string): AmiIdMatch[] {
  const matches: AmiIdMatch[] = [];
  for (const m of text.matchAll(amiIdToken)) {
    const id = m[0].toLowerCase();
    matches.push(id === m[0] ? { id, offset: m.index } : { id, offset: m.index, wrongCase: true });
  }
  return matches;
}

/** The match covering `offset`, by binary search over matches in text order. */
export function matchAt(matches: readonly AmiIdMatch[], offset: number): AmiIdMatch | undefined {
  let lo = 0;
  let hi = matches.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = matches[mid]!;
    if (offset < m.offset) {
      hi = mid - 1;
    } else if (offset > m.offset + m.id.length) {
      lo = mid + 1;
    } else {
      return m;
    }
  }
  return undefined;
}

/** Text with a NUL byte near its start is binary content: never scanned. */
export function looksBinary(text: string, probe = 8192): boolean {
  return text.slice(0, probe).includes('\u0000');
}
