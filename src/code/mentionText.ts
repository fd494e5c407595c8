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

/**
 * A glob of files.exclude / search.exclude as a RegExp over a path relative to its workspace folder: `**` any
 * number of folders, `*` and `?` within one name, `[…]` a class; braces already expanded.
 */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        re += '(?:[^/]*/)*';
      } else {
        re += '.*';
      }
    } else if (c === '*') {
      re += '[^/]*';
    } else if (c === '?') {
      re += '[^/]';
    } else if (c === '[' && glob.indexOf(']', i + 1) > i + 1) {
      const end = glob.indexOf(']', i + 1);
      re += `[${glob.slice(i + 1, end).replace(/^!/, '^').replace(/[\\\]]/g, '\\$&')}]`;
      i = end;
    } else {
      re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${re}$`);
}

/** Whether a workspace-relative path (a folder hides all below it) is hidden by the exclude settings switched on. */
export function excludeMatcherOf(...settings: readonly (Readonly<Record<string, unknown>> | undefined)[]): (relativePath: string) => boolean {
  const patterns = settings.flatMap((s) => Object.entries(s ?? {}).filter(([, on]) => on === true).flatMap(([p]) => expandBraces(p)));
  const regexps = patterns.map((p) => globToRegExp(p.replace(/^\.\//, '').replace(/\/$/, '')));
  return (relativePath) => regexps.some((r) => r.test(relativePath));
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
