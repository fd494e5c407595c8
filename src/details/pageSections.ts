// The sections of the details page, as HTML. Every text from EC2, settings or errors goes through `e()` where it
// is put into the page; the only markup is this file's own. Pure.
import type { AllowedImagesSettings, ImageCriterionInfo, ImageInfo, LaunchPermissions } from '../aws/model';
import { resourceArn } from '../shared/awsLinks';
import { escapeHtml as e } from '../shared/html';
import { imageFacts } from '../shared/imageMarkdown';
import { allowedLabel, allowedMeaning, type LastLaunched } from '../shared/imageLabels';
import { plural } from '../shared/format';
import { dollars, snapshotStorage, unitPrice } from '../shared/snapshotCost';
import type { ImagePage, LineageLink } from './imagePage';

/** A table of label / value rows; both are text. */
function facts(rows: readonly (readonly [string, string | undefined])[]): string {
  const body = rows.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td>${e(v)}</td></tr>`);
  return `<table><tbody>${body.join('')}</tbody></table>`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const th = head.map((h) => `<th scope="col">${e(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

function section(id: string, title: string, body: string): string {
  return `<section id="${id}" aria-labelledby="${id}-title"><h2 id="${id}-title">${e(title)}</h2>${body}</section>`;
}

export function overviewSection(page: ImagePage): string {
  const { image } = page.details;
  const last: LastLaunched = page.owned && page.lastLaunched ? page.lastLaunched : { kind: 'unknown', reason: 'only the image\'s owner can see it' };
  const rows = imageFacts(image, page.now, page.selfAccount, last).filter(([k]) => k !== 'Allowed AMIs');
  rows.splice(2, 0, ['ARN', resourceArn('image', image.region, image.id)]);
  const extra: [string, string | undefined][] = [
    ['Image type', image.imageType],
    ['ENA support', image.enaSupport === undefined ? undefined : image.enaSupport ? 'yes' : 'no'],
  ];
  return section('overview', 'Overview', facts([...rows, ...extra]));
}

function launchPermissionItems(permissions: LaunchPermissions): string[] {
  const items = [permissions.public ? 'Public: every AWS account can launch it' : 'Not public'];
  items.push(...permissions.accounts.map((a) => `Account ${a}`));
  items.push(...permissions.organizationArns.map((a) => `Organization ${a}`));
  items.push(...permissions.organizationalUnitArns.map((a) => `Organizational unit ${a}`));
  if (!permissions.public && !permissions.accounts.length && !permissions.organizationArns.length && !permissions.organizationalUnitArns.length) {
    items.push('Nobody else: the image is private to its owner');
  }
  return items;
}

function criterionText(c: ImageCriterionInfo): string {
  const parts = [
    c.providers.length ? `from ${c.providers.join(', ')}` : undefined,
    c.names.length ? `named ${c.names.join(', ')}` : undefined,
    c.marketplaceProductCodes.length ? `with product code ${c.marketplaceProductCodes.join(', ')}` : undefined,
    c.maxDaysSinceCreated !== undefined ? `created within ${plural(c.maxDaysSinceCreated, 'day')}` : undefined,
    c.maxDaysSinceDeprecated !== undefined ? `deprecated for at most ${plural(c.maxDaysSinceDeprecated, 'day')}` : undefined,
  ].filter(Boolean);
  return parts.length ? `Images ${parts.join(', ')}` : 'Any image';
}

function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function allowedPart(image: ImageInfo, allowed: ImagePage['allowed']): string {
  if (!allowed.ok) {
    const known = allowedLabel(image.imageAllowed);
    return `<p>${known ? `${e(sentence(known))} ` : ''}<span class="error">The region's Allowed AMIs settings could not be read: ${e(allowed.error)}</span></p>`;
  }
  const settings: AllowedImagesSettings = allowed.value;
  const meaning = allowedMeaning(image.imageAllowed, settings.state);
  const out = [`<p>${e(sentence(meaning))}</p>`];
  if (settings.state !== 'disabled') {
    const who = settings.managedBy === 'declarative-policy' ? ' (set by a declarative policy of the organization)' : '';
    out.push(`<p class="note">State: ${e(settings.state)}${e(who)}. Your account's own images are always allowed. Criteria:</p>`);
    out.push(settings.criteria.length
      ? `<ul>${settings.criteria.map((c) => `<li>${e(criterionText(c))}</li>`).join('')}</ul>`
      : '<p class="note">None: only your account\'s own images are allowed.</p>');
  }
  return out.join('');
}

export function permissionsSection(page: ImagePage): string {
  const { image, launchPermissions } = page.details;
  const who = launchPermissions
    ? `<ul>${launchPermissionItems(launchPermissions).map((i) => `<li>${e(i)}</li>`).join('')}</ul>`
    : `<p>${e(image.public ? 'Public: every AWS account can launch it.' : 'Shared with this account.')} <span class="note">Only the owner can read whom else it is shared with.</span></p>`;
  return section('permissions', 'Permissions', `<h3>Who can launch it</h3>${who}<h3>Allowed AMIs in this account</h3>${allowedPart(image, page.allowed)}`);
}

export function storageSection(page: ImagePage): string {
  const { image } = page.details;
  if (!image.blockDevices.length) {
    return section('storage', 'Storage', '<p>No block devices.</p>');
  }
  const devices = table(['Device', 'Snapshot', 'Size', 'Type', 'Encrypted', 'Delete on termination'], image.blockDevices.map((d) => [
    d.deviceName,
    d.snapshotId ?? d.virtualName ?? '—',
    d.volumeSizeGiB !== undefined ? `${d.volumeSizeGiB} GiB` : '—',
    d.volumeType ?? '—',
    d.encrypted === undefined ? '—' : d.encrypted ? `yes${d.kmsKeyId ? ` (${d.kmsKeyId})` : ''}` : 'no',
    d.deleteOnTermination === undefined ? '—' : d.deleteOnTermination ? 'yes' : 'no',
  ]));
  const storage = snapshotStorage(image, page.pricePerGBMonth);
  let cost: string;
  if (!storage.snapshots.length) {
    cost = '<p>No EBS snapshots: nothing to store.</p>';
  } else if (!page.owned) {
    cost = `<p>${e(plural(storage.snapshots.length, 'snapshot'))}, ${e(storage.totalGiB)} GiB. They belong to the image's owner, who pays for their storage.</p>`;
  } else {
    cost = `<p class="cost">${e(plural(storage.snapshots.length, 'snapshot'))}, ${e(storage.totalGiB)} GiB in total: `
      + `estimated <strong>${e(dollars(storage.monthlyCost))} a month</strong>.</p>`
      + `<p class="note">Assumes ${e(unitPrice(page.pricePerGBMonth))} per GB-month (setting <code>amiExplorer.snapshotPricePerGBMonth</code>) `
      + 'and counts each snapshot at the full size of its volume. EBS bills the data a snapshot holds, often less, and a snapshot '
      + 'other images also use is counted here too: an upper bound, not a bill.</p>';
  }
  return section('storage', 'Storage', devices + cost);
}

export function tagsSection(page: ImagePage): string {
  const tags = Object.entries(page.details.image.tags).sort(([a], [b]) => a.localeCompare(b));
  return section('tags', 'Tags', tags.length ? table(['Key', 'Value'], tags) : '<p>None.</p>');
}

/** Only when the page was given usage: no section stands for what was not looked up. */
export function usageSection(page: ImagePage): string {
  const usage = page.usage;
  if (!usage) {
    return '';
  }
  if (!usage.ok) {
    return section('usage', 'Usage', `<p class="error">Who uses it could not be found out: ${e(usage.error)}</p>`);
  }
  const { references, accounts = [], files } = usage.value;
  const parts: string[] = [];
  if (references.length) {
    parts.push(`<h3>In this account (${references.length})</h3>`, table(['Resource type', 'ARN'], references.map((r) => [r.resourceType, r.arn])));
  }
  if (accounts.length) {
    const count = (r: number | Readonly<Record<string, number>>) => typeof r === 'number'
      ? plural(r, 'resource')
      : Object.entries(r).map(([type, n]) => `${type}: ${n}`).join(', ');
    parts.push(`<h3>In other accounts (${accounts.length})</h3>`, table(['Account', 'Resources'], accounts.map((a) => [a.accountId, count(a.resources)])));
  }
  if (files.length) {
    parts.push(`<h3>In the workspace (${files.length})</h3>`, `<ul>${files.map((f) => `<li><code>${e(f.path)}:${e(f.line)}</code></li>`).join('')}</ul>`);
  }
  return section('usage', 'Usage', parts.length ? parts.join('') : '<p>Nothing found that uses it.</p>');
}

function linkTarget(link: LineageLink, index: number): string {
  const where = `${link.imageId ?? ''} in ${link.region}`;
  if (!link.image) {
    return `<code>${e(link.imageId ?? '')}</code> in ${e(link.region)}`;
  }
  const about = [link.image.name !== link.image.id ? link.image.name : undefined, link.image.state].filter(Boolean).join(' · ');
  return `<button class="link" data-link="${index}" title="Reveal in the Images view">${e(where)}</button> <span class="muted">${e(about)}</span>`;
}

export function lineageSection(page: ImagePage): string {
  const { image } = page.details;
  const items = [`<li>This image: <code>${e(image.id)}</code> in ${e(image.region)}</li>`];
  page.lineage.forEach((link, i) => {
    const from = link.relation === 'copy'
      ? `copied from ${link.imageId ? linkTarget(link, i) : ''}`
      : `made from instance <code>${e(link.instanceId ?? '')}</code>${link.imageId ? `, launched from ${linkTarget(link, i)}` : ''}`;
    items.push(`<li>${from}${link.note ? ` <span class="note">(${e(link.note)})</span>` : ''}</li>`);
  });
  const none = page.lineage.length ? '' : '<p class="note">EC2 reports no source image or instance for this image.</p>';
  return section('lineage', 'Lineage', `<ol class="lineage">${items.join('')}</ol>${none}`);
}

export function rawSection(page: ImagePage): string {
  const { image, launchPermissions } = page.details;
  const blocks = [`<details><summary>DescribeImages</summary><pre>${e(JSON.stringify(image.raw, null, 2))}</pre></details>`];
  if (launchPermissions) {
    blocks.push(`<details><summary>DescribeImageAttribute (launchPermission)</summary><pre>${e(JSON.stringify(launchPermissions, null, 2))}</pre></details>`);
  }
  return section('raw', 'Raw JSON', blocks.join(''));
}
