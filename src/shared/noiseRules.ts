/**
 * The rules that quiet AMI problems: which files are excluded, which ids and lines are ignored, and how severe
 * each kind of problem is. Pure: the settings readers validate with these, the features apply them.
 */

/** The kinds of AMI problem, as `Diagnostic.code` and as the keys of `amiExplorer.code.severity`. */
export const problemKinds = ['not-found', 'deprecated', 'deprecation-scheduled', 'disabled', 'not-launchable', 'not-allowed', 'wrong-region', 'upper-case'] as const;
export type ProblemKind = typeof problemKinds[number];

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';
export const severitySettings: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

/** The severity a problem gets: the configured one for its kind, else its own. */
export function severityOf(kind: ProblemKind, builtIn: Severity, configured: Partial<Record<ProblemKind, SeveritySetting>>): SeveritySetting {
  return configured[kind] ?? builtIn;
}

/** Files whose ids get no hover, CodeLens or problems, unless `amiExplorer.code.exclude` says otherwise. */
export const defaultExcludeGlobs: readonly string[] = ['**/CHANGELOG*', '**/*.lock', '**/package-lock.json', '**/yarn.lock', '**/pnpm-lock.yaml', '**/.terraform.lock.hcl', '**/node_modules/**'];

/** The marker that silences the AMI problems of a line, written in a comment. */
export const ignoreMarker = 'ami-explorer-ignore';

export function hasIgnoreMarker(line: string): boolean {
  return line.includes(ignoreMarker);
}

/** A well-formed AMI id (8 or 17 hex digits), in any case. */
const amiId = /^ami-(?:[0-9a-f]{8}|[0-9a-f]{17})$/i;

export function isAmiId(value: string): boolean {
  return amiId.test(value);
}

/**
 * A glob as a regular expression over a `/`-separated path relative to the workspace folder:
 * `**` any number of folders (none too, when a slash follows it), `*` any characters but `/`, `?` one character but `/`,
 * `{a,b}` either alternative (not nested). Matching is case-sensitive, as VS Code's `files.exclude` is.
 * Throws, naming the problem, for a glob that cannot be read.
 */
export function globToRegExp(glob: string): RegExp {
  if (!glob.trim()) {
    throw new Error('is empty');
  }
  if (glob.startsWith('/') || /^[a-z]:[\\/]/i.test(glob)) {
    throw new Error('is an absolute path: patterns are relative to the workspace folder (start with **/ to match at any depth)');
  }
  let source = '';
  let inBraces = false;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const atSegmentStart = i === 0 || glob[i - 1] === '/';
      if (glob[i + 2] === '/' && atSegmentStart) {
        source += '(?:.*/)?';
        i += 2;
      } else {
        source += '.*';
        i += 1;
      }
    } else if (c === '*') {
      source += '[^/]*';
    } else if (c === '?') {
      source += '[^/]';
    } else if (c === '{') {
      if (inBraces) {
        throw new Error('has nested braces');
      }
      inBraces = true;
      source += '(?:';
    } else if (c === '}') {
      if (!inBraces) {
        throw new Error('has a } without a {');
      }
      inBraces = false;
      source += ')';
    } else if (c === ',' && inBraces) {
      source += '|';
    } else {
      source += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
    }
  }
  if (inBraces) {
    throw new Error('has a { without a }');
  }
  return new RegExp(`^${source}$`);
}

/**
 * The path a file is matched as: relative to its workspace folder, or, outside every folder, its whole path
 * without the leading `/`, so `**`-patterns still apply to files opened from elsewhere.
 */
export function matchPath(path: string, folder: string | undefined): string {
  if (folder !== undefined) {
    const base = folder.endsWith('/') ? folder : `${folder}/`;
    if (path.startsWith(base)) {
      return path.slice(base.length);
    }
  }
  return path.replace(/^\/+/, '');
}

export type CommentStyle = '#' | '//';

const hashLanguages = new Set(['terraform', 'hcl', 'terraform-vars', 'yaml', 'python', 'shellscript', 'dockerfile', 'ruby', 'perl', 'r', 'toml', 'properties', 'makefile', 'powershell', 'dotenv', 'ini', 'coffeescript', 'elixir', 'julia', 'nix']);
const slashLanguages = new Set(['jsonc', 'json5', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'go', 'java', 'kotlin', 'scala', 'groovy', 'csharp', 'c', 'cpp', 'rust', 'swift', 'dart', 'php']);
const hashExtensions = /\.(?:tf|tfvars|hcl|ya?ml|py|sh|bash|zsh|rb|toml)$/i;
const slashExtensions = /\.(?:jsonc|json5|[cm]?[jt]sx?|go|java|kt|cs|rs)$/i;

/**
 * How a line comment starts in a file, from its language or, when the language is not known to VS Code
 * (no Terraform extension installed), its name. Undefined for plain JSON, which has no comments.
 */
export function commentStyle(languageId: string, fileName: string): CommentStyle | undefined {
  if (hashLanguages.has(languageId)) {
    return '#';
  }
  if (slashLanguages.has(languageId)) {
    return '//';
  }
  if (languageId === 'json') {
    return undefined;
  }
  if (hashExtensions.test(fileName)) {
    return '#';
  }
  return slashExtensions.test(fileName) ? '//' : undefined;
}

/** The comment appended to a line to silence it (a second comment after an existing one is still a comment). */
export function markerComment(style: CommentStyle): string {
  return ` ${style} ${ignoreMarker}`;
}
