// Checks that untrusted text reached Markdown inert, for the unit and the integration tests. Pure.
//
// Hostile strings are wrapped in a sentinel of letters and digits, which escaping leaves alone, so the parts of a
// rendered Markdown string that came from hostile text can be found and checked on their own.

export const sentinel = 'Qzx9';

/** `Qzx9 <text> Qzx9`: hostile text whose rendering the checker can find. */
export function wrapHostile(text: string): string {
  return `${sentinel} ${text} ${sentinel}`;
}

/** Hostile texts a repository's settings, an AMI's owner or an error could hold. */
export const hostileTexts: readonly string[] = [
  '[Verify image signature](command:amiExplorer.launchInstance?%5B%7B%22imageId%22%3A%22ami-12345678%22%2C%22instanceType%22%3A%22m7i.48xlarge%22%2C%22count%22%3A20%7D%5D)',
  '[Deregister](command:amiExplorer.deregisterImage "Official")',
  '<https://evil.example/login>',
  'see https://evil.example/x, www.evil.example and admin@evil.example',
  '<img src=x onerror=alert(1)>',
  '# Official image',
  '---',
  'first line\nsecond line\r\n===\u2028third\u2029fourth\vfifth',
  '$(verified-filled) Official',
  '| a | b |\n|---|---|',
  '**bold** _em_ `code` ~~gone~~ &copy; &#x3C;b&#x3E;',
  '> quote\n- item\n1. item',
  '![pixel](https://evil.example/p.png)',
  '[ref]: https://evil.example',
  'back\\slash \\[not a link\\](command:amiExplorer.copyImage) \\$(verified-filled)',
];

const punctuation = /[!-/:-@[-`{-~]/;

/** True when the character at `index` is preceded by an odd number of backslashes. */
function isEscaped(text: string, index: number): boolean {
  let n = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) {
    n++;
  }
  return n % 2 === 1;
}

/** Why the unescaped character at `i` is a problem, in the words of the check. */
function describe(text: string, i: number): string {
  const c = text[i];
  const before = text.slice(0, i);
  if (c === '[') {
    return 'an unescaped [';
  }
  if (c === '(' && before.endsWith(']')) {
    return 'an unescaped ](';
  }
  if (c === '<') {
    return 'an unescaped <';
  }
  if ((c === ':' && /https?$/i.test(before)) || (c === '.' && /www$/i.test(before)) || (c === '@' && /\w$/.test(before))) {
    return 'an autolink';
  }
  if ((c === '$' && text[i + 1] === '(') || (c === '(' && before.endsWith('$'))) {
    return 'a live $( icon';
  }
  return `an unescaped ${c}`;
}

/** What is wrong with one part of Markdown that came from hostile text (between two sentinels). */
function partFindings(part: string): string[] {
  const findings: string[] = [];
  const lines = part.split(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/);
  if (lines.length > 1) {
    findings.push(`a line break in "${part}"`);
  }
  for (const line of lines.slice(1)) {
    if (/^\s*(#|---|===|<)/.test(line)) {
      findings.push(`a line starting with ${line.trim().slice(0, 3)}`);
    }
  }
  // `\$(name)` is how VS Code keeps an icon literal: its name and parentheses stay as they are.
  const text = part.replace(/\\\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/g, (icon, offset: number) => (isEscaped(part, offset + 1) ? 'icon' : icon));
  for (let i = 0; i < text.length; i++) {
    if (punctuation.test(text[i]!) && text[i] !== '\\' && !isEscaped(text, i)) {
      findings.push(`${describe(text, i)} at ${i} in "${part}"`);
    }
  }
  return findings;
}

/**
 * Everything unsafe in rendered Markdown: links to commands outside `allowedCommands`, and any markup in the
 * parts that came from hostile text. Empty when the Markdown is safe.
 */
export function markdownFindings(markdown: string, allowedCommands: readonly string[]): string[] {
  const findings: string[] = [];
  for (const m of markdown.matchAll(/command:([A-Za-z0-9_.-]+)/g)) {
    const inOwnLink = markdown.slice(Math.max(0, (m.index ?? 0) - 2), m.index) === '](';
    if (!inOwnLink || !allowedCommands.includes(m[1]!)) {
      findings.push(`a link to command ${m[1]}`);
    }
  }
  const parts = markdown.split(sentinel);
  if (parts.length % 2 === 0) {
    findings.push('a sentinel without its pair: hostile text was cut');
  }
  for (let i = 1; i < parts.length; i += 2) {
    findings.push(...partFindings(parts[i]!));
  }
  return findings;
}

/** How many parts of hostile text a string holds. */
export function hostileParts(text: string): number {
  return Math.floor((text.split(sentinel).length - 1) / 2);
}

/** What is wrong with plain text (a status bar item, a label) that VS Code scans for `$(icon)`. */
export function plainTextFindings(text: string): string[] {
  const findings: string[] = [];
  const parts = text.split(sentinel);
  for (let i = 1; i < parts.length; i += 2) {
    // Labels are not Markdown: one backslash right before keeps an icon literal, whatever precedes it.
    for (const m of parts[i]!.matchAll(/\$\(/g)) {
      if (parts[i]![(m.index ?? 0) - 1] !== '\\') {
        findings.push(`a live $( icon in "${parts[i]}"`);
      }
    }
  }
  if (/[\n\r\v\f\u0085\u2028\u2029]/.test(text)) {
    findings.push('a line break');
  }
  return findings;
}

/** The text a person reads: Markdown backslash escapes removed. */
export function shown(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
