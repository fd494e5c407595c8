// Wording and dates shared by tree items, tooltips and documents. Pure.

const dayMs = 86_400_000;

/** "3 days", "5 months", "2 years": how old a thing is, roughly, the way people say it. */
export function age(iso: string | undefined, now: number = Date.now()): string | undefined {
  if (!iso) {
    return undefined;
  }
  const t = Date.parse(iso);
  if (Number.isNaN(t)) {
    return undefined;
  }
  const days = Math.floor(Math.max(0, now - t) / dayMs);
  if (days < 1) {
    const hours = Math.floor(Math.max(0, now - t) / 3_600_000);
    return hours < 1 ? 'just now' : plural(hours, 'hour');
  }
  if (days < 60) {
    return plural(days, 'day');
  }
  if (days < 730) {
    return plural(Math.floor(days / 30.44), 'month');
  }
  return plural(Math.floor(days / 365.25), 'year');
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "2026-01-01 00:00 UTC": unambiguous for teams across time zones. */
export function utc(iso: string | undefined): string | undefined {
  if (!iso) {
    return undefined;
  }
  const t = Date.parse(iso);
  if (Number.isNaN(t)) {
    return iso;
  }
  return new Date(t).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

export function isPast(iso: string | undefined, now: number = Date.now()): boolean {
  return !!iso && Date.parse(iso) <= now;
}

/** Line breaks of every kind; untrusted text never starts a new Markdown block. */
const lineBreaks = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;
/** Every ASCII punctuation character: CommonMark lets each be backslash-escaped, and each escaped one is inert. */
const asciiPunctuation = /[!-/:-@[-`{-~]/g;
/** VS Code's theme icon syntax, `$(name)` or `$(name~modifier)`. */
const themeIcon = /\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/g;

/**
 * Makes untrusted text (settings, EC2 names, descriptions and tags, error messages, file contents) inert in a
 * MarkdownString: no links, autolinks or bare URLs, HTML, headings, rules, lists, tables, emphasis, entities,
 * line breaks or `$(icon)`s. Every piece of such text goes through this exactly once, where it is put into Markdown.
 */
export function md(text: string): string {
  const flat = String(text).replace(lineBreaks, ' ').trim();
  if (!flat.includes('$(')) {
    return flat.replace(asciiPunctuation, '\\$&');
  }
  let out = '';
  let last = 0;
  for (const icon of flat.matchAll(themeIcon)) {
    // VS Code only keeps `\$(name)` literal when the name and parentheses are not escaped themselves: escaping
    // them too would turn back into `$(name)` after parsing, and the icon would render.
    out += flat.slice(last, icon.index).replace(asciiPunctuation, '\\$&') + '\\' + icon[0];
    last = icon.index + icon[0].length;
  }
  return out + flat.slice(last).replace(asciiPunctuation, '\\$&');
}

/**
 * Untrusted text in a plain label that VS Code scans for `$(icon)`: status bar text, QuickPick labels,
 * descriptions and details, CodeLens titles. On one line, with every icon shown as written.
 */
export function noIcons(text: string): string {
  return String(text).replace(lineBreaks, ' ').replace(/\$\(/g, '\\$(');
}

/** Untrusted text in a notification message, where VS Code turns `[label](command:…)` into a live link. */
export function noLinks(text: string): string {
  return String(text).replace(/\]\(/g, '] (');
}

/** "a", "a and b", "a, b and c". */
export function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
