// The usage of one image as a list to pick from: a heading per kind with its count, each resource by name, the
// accounts of the newest usage report, the workspace lines; what could not be checked says so. Pure.
import type { LaunchPermissions } from '../../aws/model';
import type { UsageReport } from '../../aws/usageModel';
import { age, noIcons, plural, utc } from '../../shared/format';
import type { UsageDetails } from '../../shared/imageUsage';
import { checkedKinds, resourcesText } from '../../shared/usageText';
import type { Entry } from '../../shared/wizard/prompts';

/** What picking a line does. */
export type UsageChoice =
  | { readonly kind: 'open'; readonly uri: string; readonly line: number }
  | { readonly kind: 'revealInstance'; readonly instanceId: string }
  | { readonly kind: 'copyArn'; readonly arn: string }
  /** Create a usage report, or wait for the pending one. */
  | { readonly kind: 'report'; readonly pending?: UsageReport };

/** Who besides the owner can launch the image now. */
export function sharingText(permissions: LaunchPermissions | undefined): string {
  if (!permissions) {
    return 'who it is shared with is unknown';
  }
  if (permissions.public) {
    return 'public: any account can launch it';
  }
  const parts = [
    permissions.accounts.length ? plural(permissions.accounts.length, 'account') : '',
    permissions.organizationArns.length ? plural(permissions.organizationArns.length, 'organization') : '',
    permissions.organizationalUnitArns.length ? plural(permissions.organizationalUnitArns.length, 'organizational unit') : '',
  ].filter(Boolean);
  return parts.length ? `shared with ${parts.join(', ')}` : 'not shared now (a report still counts what others launched before)';
}

function accountEntries(usage: UsageDetails, now: number): Entry<UsageChoice>[] {
  const { image, launchPermissions } = usage.details;
  if (!usage.owned || !usage.reports) {
    return [{ heading: 'Other accounts' }, { label: `Only the owner (account ${image.ownerId}) can see what other accounts use`, note: true }];
  }
  if (!usage.reports.ok) {
    return [{ heading: 'Other accounts' }, { label: '$(error) Could not read the usage reports', detail: noIcons(usage.reports.error), note: true }];
  }
  const { available, pending } = usage.reports.value;
  const entries: Entry<UsageChoice>[] = [{ heading: available ? `Other accounts (${available.accounts.length})` : 'Other accounts' }];
  if (available) {
    entries.push(...available.accounts.map((a): Entry<UsageChoice> => ({ label: a.accountId, description: resourcesText(a.resources), note: true })));
    if (!available.accounts.length) {
      entries.push({ label: 'No other account uses it', description: `report of ${utc(available.report.creationTime) ?? 'unknown date'}`, note: true });
    }
  }
  if (pending) {
    entries.push({
      label: '$(watch) Wait for the usage report in progress…',
      description: `started ${age(pending.creationTime, now) ?? 'recently'} ago`.replace('just now ago', 'just now'),
      value: { kind: 'report', pending },
    });
  } else {
    entries.push({
      label: available ? '$(refresh) Create a new usage report…' : '$(graph) Create a usage report…',
      description: available ? `the one shown is of ${utc(available.report.creationTime) ?? 'an unknown date'}; ${sharingText(launchPermissions)}` : sharingText(launchPermissions),
      detail: 'EC2 counts, per account, the instances and launch templates of other accounts that use the image',
      value: { kind: 'report' },
    });
  }
  return entries;
}

function accountResourceEntries(usage: UsageDetails): Entry<UsageChoice>[] {
  const { image } = usage.details;
  if (!usage.inAccount.ok) {
    return [{ heading: 'This account' }, { label: '$(error) Could not check what of this account uses it', detail: noIcons(usage.inAccount.error), note: true }];
  }
  const { groups } = usage.inAccount.value;
  if (!groups.length) {
    return [{ heading: 'This account' }, { label: `$(pass) No ${checkedKinds} of this account uses it`, description: image.region, note: true }];
  }
  return groups.flatMap((g): Entry<UsageChoice>[] => [
    { heading: `${g.heading} (${g.items.length})` },
    ...g.items.map((item): Entry<UsageChoice> => ({
      label: noIcons(item.name ?? item.id),
      description: item.name ? item.id : undefined,
      detail: item.arn,
      value: item.resourceType === 'ec2:Instance' ? { kind: 'revealInstance', instanceId: item.id } : { kind: 'copyArn', arn: item.arn },
    })),
  ]);
}

function fileEntries(usage: UsageDetails): Entry<UsageChoice>[] {
  if (!usage.files.ok) {
    return [{ heading: 'Workspace files' }, { label: '$(error) Could not search the workspace', detail: noIcons(usage.files.error), note: true }];
  }
  const { mentions, truncated } = usage.files.value;
  const files = new Set(mentions.map((m) => m.uri)).size;
  if (!mentions.length) {
    return [{ heading: 'Workspace files' }, { label: 'No workspace file mentions it', note: true }];
  }
  return [
    { heading: `Workspace files (${files})` },
    ...mentions.map((m): Entry<UsageChoice> => ({ label: noIcons(`${m.label}:${m.line}`), value: { kind: 'open', uri: m.uri, line: m.line } })),
    ...(truncated ? [{ label: 'The search stopped at its limit: there may be more', note: true } as const] : []),
  ];
}

/** The lines of the usage list, in the order: this account's resources, other accounts, workspace files. */
export function usageEntries(usage: UsageDetails, now: number = Date.now()): Entry<UsageChoice>[] {
  return [...accountResourceEntries(usage), ...accountEntries(usage, now), ...fileEntries(usage)];
}

/** The list's title: the image and the counts. */
export function usageTitle(usage: UsageDetails): string {
  const { image } = usage.details;
  return noIcons(`${image.name || image.id} (${image.id}, ${image.region})`);
}
