// Markdown that explains an image, shared by tree tooltips and code hovers. Pure.
import type { ImageInfo } from '../aws/model';
import { age, isPast, md, utc } from './format';
import { protectionLabel } from './retirementText';
import { allowedLabel, freeTierLabel, imdsLabel, lastLaunchedLabel, sourceLabels, type LastLaunched } from './imageLabels';

export function ownerLabel(image: ImageInfo, selfAccount?: string): string {
  const parts = [image.ownerAlias, image.ownerId].filter(Boolean);
  const label = parts.join(' · ') || 'unknown owner';
  return selfAccount && image.ownerId === selfAccount ? `${label} (you)` : label;
}

export function platformLabel(image: ImageInfo): string {
  return image.platformDetails ?? (image.platform === 'windows' ? 'Windows' : 'Linux/UNIX');
}

/** "deprecated since 2026-01-01 00:00 UTC" / "deprecation scheduled for …" / undefined. */
export function deprecationLabel(image: ImageInfo, now: number = Date.now()): string | undefined {
  if (!image.deprecationTime) {
    return undefined;
  }
  return isPast(image.deprecationTime, now)
    ? `deprecated since ${utc(image.deprecationTime)}`
    : `deprecation scheduled for ${utc(image.deprecationTime)}`;
}

/**
 * Rows of facts, in the order people scan them. `lastLaunched` is read apart (it costs a call per image): when it
 * is not given, the row shows only what DescribeImages reported.
 */
export function imageFacts(image: ImageInfo, now: number = Date.now(), selfAccount?: string, lastLaunched?: LastLaunched): [string, string][] {
  const launched = lastLaunched ?? (image.lastLaunchedTime ? { kind: 'known', at: image.lastLaunchedTime } : undefined);
  const rows: [string, string | undefined][] = [
    ['ID', image.id],
    ['Region', image.region],
    ['Owner', ownerLabel(image, selfAccount)],
    ['State', image.stateReason ? `${image.state} (${image.stateReason})` : image.state],
    ['Architecture', image.architecture],
    ['Platform', platformLabel(image)],
    ['Virtualization', image.virtualizationType],
    ['Root device', [image.rootDeviceType, image.rootDeviceName].filter(Boolean).join(' · ') || undefined],
    ['Created', image.creationDate ? `${utc(image.creationDate)} (${age(image.creationDate, now)} ago)` : undefined],
    ['Deprecation', deprecationLabel(image, now)],
    ['Last launched', launched && lastLaunchedLabel(launched, now)],
    ['Deregistration protection', protectionLabel(image.deregistrationProtection, now)],
    ['Allowed AMIs', allowedLabel(image.imageAllowed)],
    ['Visibility', image.public ? 'public' : 'private'],
    ['Boot mode', image.bootMode],
    ['IMDS', imdsLabel(image.imdsSupport)],
    ['Free tier', freeTierLabel(image.freeTierEligible)],
    ...sourceLabels(image),
  ];
  return rows.filter((r): r is [string, string] => r[1] !== undefined && r[1] !== '');
}

export function imageTooltipMarkdown(image: ImageInfo, now: number = Date.now(), selfAccount?: string, lastLaunched?: LastLaunched): string {
  const lines = [`**${md(image.name)}**`, ''];
  if (image.description && image.description !== image.name) {
    lines.push(md(image.description), '');
  }
  lines.push('| | |', '|---|---|');
  for (const [key, value] of imageFacts(image, now, selfAccount, lastLaunched)) {
    lines.push(`| ${key} | ${md(value)} |`);
  }
  const tags = Object.entries(image.tags).sort(([a], [b]) => a.localeCompare(b));
  if (tags.length) {
    lines.push('', `**Tags:** ${tags.map(([k, v]) => `${md(k)} = ${md(v)}`).join(', ')}`);
  }
  return lines.join('\n');
}
