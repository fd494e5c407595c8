// The whole details page: a strict content security policy (nothing loads; only the page's own style and script,
// by a nonce per page), a header with the image's state, its actions, and the sections. Pure.
import { isPast } from '../shared/format';
import { escapeHtml as e } from '../shared/html';
import type { ImagePage } from './imagePage';
import { actionsFor } from './pageActions';
import { pageScript } from './pageScript';
import { pageStyle } from './pageStyle';
import { lineageSection, overviewSection, permissionsSection, rawSection, storageSection, tagsSection, usageSection } from './pageSections';

export function contentSecurityPolicy(nonce: string): string {
  return `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'`;
}

function shell(title: string, nonce: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${e(title)}</title>
<style nonce="${nonce}">${pageStyle}</style>
</head>
<body>
${body}
<script nonce="${nonce}">${pageScript}</script>
</body>
</html>`;
}

function badges(page: ImagePage): string {
  const { image } = page.details;
  const list: [string, string][] = [];
  if (image.state !== 'available') {
    list.push([image.state, image.state === 'disabled' || image.state === 'failed' ? 'error' : 'warn']);
  }
  if (isPast(image.deprecationTime, page.now)) {
    list.push(['deprecated', 'warn']);
  }
  list.push([page.owned ? 'yours' : image.public ? 'public' : 'shared with you', '']);
  if (image.imageAllowed === false) {
    list.push(['not allowed', 'warn']);
  }
  return list.map(([text, kind]) => `<span class="badge ${kind}">${e(text)}</span>`).join('');
}

export function imagePageHtml(page: ImagePage, nonce: string): string {
  const { image } = page.details;
  const buttons = actionsFor(page.owned).map((a) => `<button type="button" data-action="${e(a.id)}"${a.secondary ? ' class="secondary"' : ''}>${e(a.label)}</button>`);
  buttons.push('<button type="button" class="secondary" data-refresh title="Read the image from EC2 again">Refresh</button>');
  const body = [
    '<header>',
    `<h1>${e(image.name)}</h1>`,
    `<div class="sub"><code>${e(image.id)}</code> · ${e(image.region)} ${badges(page)}</div>`,
    image.description && image.description !== image.name ? `<p>${e(image.description)}</p>` : '',
    '</header>',
    `<nav class="actions" aria-label="Actions">${buttons.join('')}</nav>`,
    overviewSection(page),
    permissionsSection(page),
    storageSection(page),
    tagsSection(page),
    usageSection(page),
    lineageSection(page),
    rawSection(page),
  ];
  return shell(image.name, nonce, body.join('\n'));
}

/** While the page loads, or when it could not: the id and region, and the reason with a way to try again. */
export function messagePageHtml(title: string, message: string, nonce: string, retry: boolean): string {
  const body = `<h1>${e(title)}</h1><p${retry ? ' class="error"' : ''}>${e(message)}</p>`
    + (retry ? '<nav class="actions"><button type="button" data-refresh>Try again</button></nav>' : '');
  return shell(title, nonce, body);
}
