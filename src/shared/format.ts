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

/** Escapes text for inclusion in Markdown (tooltips, hovers, documents). */
export function md(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&');
}

/** Plain text where VS Code renders `$(icon)` (QuickPick items, status bar text): the icon syntax shown as text. */
export function noIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}
