// The read-only "details" document: everything DescribeImages and DescribeImageAttribute say. Pure.
import type { ImageDetails, LaunchPermissions } from '../aws/model';
import { md } from '../shared/format';
import { imageFacts } from '../shared/imageMarkdown';

function launchPermissionLines(permissions: LaunchPermissions | undefined, isPublic: boolean): string[] {
  if (!permissions) {
    return [isPublic ? 'Public: anyone can launch it.' : 'Only the owner can read who may launch this image.'];
  }
  const lines: string[] = [];
  lines.push(permissions.public ? '- **Public**: every AWS account can launch it' : '- Not public');
  for (const account of permissions.accounts) {
    lines.push(`- Account ${md(account)}`);
  }
  for (const arn of permissions.organizationArns) {
    lines.push(`- Organization ${md(arn)}`);
  }
  for (const arn of permissions.organizationalUnitArns) {
    lines.push(`- Organizational unit ${md(arn)}`);
  }
  if (!permissions.public && !permissions.accounts.length && !permissions.organizationArns.length && !permissions.organizationalUnitArns.length) {
    lines.push('- Nobody else: the image is private to its owner');
  }
  return lines;
}

export function imageDetailsMarkdown({ image, launchPermissions }: ImageDetails, now: number = Date.now()): string {
  const out: string[] = [`# ${md(image.name)}`, ''];
  if (image.description) {
    out.push(md(image.description), '');
  }
  out.push('| | |', '|---|---|');
  for (const [key, value] of imageFacts(image, now)) {
    out.push(`| ${key} | ${md(value)} |`);
  }
  const extra: [string, string | undefined][] = [
    ['Image type', image.imageType],
    ['Boot mode', image.bootMode],
    ['ENA support', image.enaSupport === undefined ? undefined : String(image.enaSupport)],
    ['IMDS', image.imdsSupport],
    ['Copied from', image.sourceImageId ? `${image.sourceImageId} (${image.sourceImageRegion ?? '?'})` : undefined],
  ];
  for (const [key, value] of extra) {
    if (value) {
      out.push(`| ${key} | ${md(value)} |`);
    }
  }

  out.push('', '## Who can launch it', '', ...launchPermissionLines(launchPermissions, image.public));

  out.push('', '## Block devices', '');
  if (image.blockDevices.length) {
    out.push('| Device | Snapshot | Size | Type | Encrypted | Delete on termination |', '|---|---|---|---|---|---|');
    for (const d of image.blockDevices) {
      out.push(`| ${md(d.deviceName)} | ${md(d.snapshotId ?? d.virtualName ?? '—')} | ${d.volumeSizeGiB !== undefined ? `${d.volumeSizeGiB} GiB` : '—'} | `
        + `${md(d.volumeType ?? '—')} | ${d.encrypted === undefined ? '—' : d.encrypted ? `yes${d.kmsKeyId ? ` (${md(d.kmsKeyId)})` : ''}` : 'no'} | `
        + `${d.deleteOnTermination === undefined ? '—' : d.deleteOnTermination ? 'yes' : 'no'} |`);
    }
  } else {
    out.push('None.');
  }

  const tags = Object.entries(image.tags).sort(([a], [b]) => a.localeCompare(b));
  out.push('', '## Tags', '');
  if (tags.length) {
    out.push('| Key | Value |', '|---|---|', ...tags.map(([k, v]) => `| ${md(k)} | ${md(v)} |`));
  } else {
    out.push('None.');
  }

  out.push('', '## DescribeImages', '', '```json', JSON.stringify(image.raw, null, 2), '```');
  if (launchPermissions) {
    out.push('', '## DescribeImageAttribute (launchPermission)', '', '```json', JSON.stringify(launchPermissions, null, 2), '```');
  }
  return out.join('\n') + '\n';
}
