// Checks that a webview page is locked down and that untrusted text reached its HTML inert, for the unit and the
// integration tests. Pure. Hostile text is wrapped in the sentinel of markdownSafety.ts, which escaping leaves alone.
import { sentinel } from './markdownSafety';
import { must } from './must';

/**
 * Everything unsafe in a page: no or a loose content security policy, a script or style without the policy's
 * nonce, an inline event handler, a URL the page would load or follow, and any markup in the parts that came from
 * hostile text. Empty when the page is safe.
 */
export function htmlFindings(html: string): string[] {
  const findings: string[] = [];
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  const policy = csp?.[1] ?? '';
  if (!csp) {
    findings.push('no content security policy');
  }
  if (csp && !/(^|;\s*)default-src 'none'/.test(policy)) {
    findings.push(`the policy does not start from nothing: ${policy}`);
  }
  if (/unsafe-inline|unsafe-eval|\*|https?:|data:/.test(policy)) {
    findings.push(`the policy lets in more than the page's own code: ${policy}`);
  }
  const nonce = /script-src 'nonce-([^']+)'/.exec(policy)?.[1];
  for (const tag of html.matchAll(/<(script|style)\b([^>]*)>/gi)) {
    if (!nonce || !must(tag[2], `the attributes of a <${tag[1]}>`).includes(`nonce="${nonce}"`)) {
      findings.push(`a <${tag[1]}> without the policy's nonce`);
    }
  }
  for (const tag of html.matchAll(/<[a-z][^>]*>/gi)) {
    if (/\son[a-z]+\s*=/i.test(tag[0])) {
      findings.push(`an inline event handler: ${tag[0]}`);
    }
    if (/\s(href|src|action|formaction|srcdoc)\s*=/i.test(tag[0])) {
      findings.push(`a URL in the page: ${tag[0]}`);
    }
  }
  if (/javascript:/i.test(html)) {
    findings.push('a javascript: URL');
  }
  const parts = html.split(sentinel);
  if (parts.length % 2 === 0) {
    findings.push('a sentinel without its pair: hostile text was cut');
  }
  for (let i = 1; i < parts.length; i += 2) {
    const part = parts[i]!;
    const raw = /[<>"'`]/.exec(part);
    if (raw) {
      findings.push(`an unescaped ${raw[0]} in "${part}"`);
    }
    if (/&(?!(amp|lt|gt|quot|#39|#96);)/.test(part)) {
      findings.push(`a bare & in "${part}"`);
    }
  }
  return findings;
}

/** The text a person reads in HTML: tags dropped, the entities of escapeHtml turned back into characters. */
export function htmlText(html: string): string {
  return html.replace(/<(style|script)\b[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<\/?(strong|code|span|em)\b[^>]*>/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, '\'').replace(/&#96;/g, '`').replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ');
}
