// Text into HTML: every character that could start markup or leave an attribute becomes an entity. Pure.
import { randomBytes } from 'node:crypto';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;', '`': '&#96;' };

/** Untrusted text (EC2 names, descriptions, tags, errors) for an element's content or a quoted attribute. */
export function escapeHtml(text: unknown): string {
  return String(text).replace(/[&<>"'`]/g, (c) => entities[c] ?? c);
}

/** A fresh nonce per page: only the page's own style and script carry it. */
export function makeNonce(): string {
  return randomBytes(18).toString('base64');
}
