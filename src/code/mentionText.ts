// Pieces of the workspace search for an image id that need no VS Code: the exclude glob and line numbers. Pure.

/** "**\/*.{js,map}" → ["**\/*.js", "**\/*.map"]: one level of braces, so patterns can join in one group. */
export function expandBraces(pattern: string): string[] {
  const m = /\{([^{}]*)\}/.exec(pattern);
  if (!m) {
    return [pattern];
  }
  return m[1]!.split(',').flatMap((alt) => expandBraces(pattern.slice(0, m.index) + alt + pattern.slice(m.index + m[0].length)));
}

/**
 * One glob of every pattern switched on (`true`) in the given exclude settings (files.exclude, search.exclude);
 * patterns with a `when` clause or switched off are left out. Undefined when there are none.
 */
export function excludeGlobOf(...settings: readonly (Readonly<Record<string, unknown>> | undefined)[]): string | undefined {
  const patterns = new Set<string>();
  for (const setting of settings) {
    for (const [pattern, on] of Object.entries(setting ?? {})) {
      if (on === true) {
        expandBraces(pattern).forEach((p) => patterns.add(p));
      }
    }
  }
  return patterns.size ? `{${[...patterns].join(',')}}` : undefined;
}

/** Offsets at which each line of `text` starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    starts.push(i + 1);
  }
  return starts;
}

/** The 0-based line holding `offset`. */
export function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return lo;
}
