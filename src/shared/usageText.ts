// Who uses an image, grouped and worded the same way in the tree, the usage list, the confirmations and the
// details. Pure.
import { resourceOf, type ImageReference, type UsageReportEntry } from '../aws/usageModel';
import { joinAnd, plural } from './format';

interface KindWords {
  readonly resourceType: string;
  readonly one: string;
  readonly many: string;
  /** The tree's heading, "Instances". */
  readonly heading: string;
}

/** The kinds EC2 checks, in the order they are shown. */
const kinds: readonly KindWords[] = [
  { resourceType: 'ec2:Instance', one: 'instance', many: 'instances', heading: 'Instances' },
  { resourceType: 'ec2:LaunchTemplate', one: 'launch template', many: 'launch templates', heading: 'Launch templates' },
  { resourceType: 'ssm:Parameter', one: 'SSM parameter', many: 'SSM parameters', heading: 'SSM parameters' },
  { resourceType: 'imagebuilder:ImageRecipe', one: 'Image Builder image recipe', many: 'Image Builder image recipes', heading: 'Image Builder image recipes' },
  { resourceType: 'imagebuilder:ContainerRecipe', one: 'Image Builder container recipe', many: 'Image Builder container recipes', heading: 'Image Builder container recipes' },
];

function wordsOf(resourceType: string): KindWords {
  return kinds.find((k) => k.resourceType === resourceType) ?? { resourceType, one: `${resourceType} resource`, many: `${resourceType} resources`, heading: resourceType };
}

/** "2 instances", "1 launch template". */
export function countOf(resourceType: string, n: number): string {
  const words = wordsOf(resourceType);
  return `${n} ${n === 1 ? words.one : words.many}`;
}

/** What the account's check covers, for "nothing uses it" and the command's notes. */
export const checkedKinds = 'instance, launch template, SSM parameter or Image Builder recipe';

/** One resource that uses the image. */
export interface UsedBy {
  readonly resourceType: string;
  readonly arn: string;
  /** The instance id, launch template id, parameter path or recipe name and version. */
  readonly id: string;
  /** The instance's Name tag or the launch template's name, when known. */
  readonly name?: string;
}

/** The resources of one kind that use the image. */
export interface UsageGroup {
  readonly resourceType: string;
  /** "Instances" */
  readonly heading: string;
  readonly items: readonly UsedBy[];
}

/** "web-1 (i-0abc…)", or the id alone. */
export function usedByLabel(item: UsedBy): string {
  return item.name && item.name !== item.id ? `${item.name} (${item.id})` : item.id;
}

/** References grouped by kind in the order of `kinds` (unknown kinds last), each group by name then id. */
export function groupReferences(refs: readonly ImageReference[], names: Readonly<Record<string, string>> = {}): UsageGroup[] {
  const byType = new Map<string, UsedBy[]>();
  for (const ref of refs) {
    const items = byType.get(ref.resourceType) ?? [];
    if (!items.some((i) => i.arn === ref.arn)) {
      items.push({ resourceType: ref.resourceType, arn: ref.arn, id: resourceOf(ref.arn).id, name: names[ref.arn] });
    }
    byType.set(ref.resourceType, items);
  }
  const rank = (type: string) => {
    const i = kinds.findIndex((k) => k.resourceType === type);
    return i < 0 ? kinds.length : i;
  };
  return [...byType].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)).map(([resourceType, items]) => ({
    resourceType,
    heading: wordsOf(resourceType).heading,
    items: [...items].sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff') || a.id.localeCompare(b.id)),
  }));
}

/** "2 instances, 1 launch template and 1 SSM parameter". */
export function countsText(groups: readonly UsageGroup[]): string {
  return joinAnd(groups.map((g) => countOf(g.resourceType, g.items.length)));
}

/** "2 instances (web-1, i-0def) and 1 launch template (web)": at most `maxNames` named per kind. */
export function usedByText(groups: readonly UsageGroup[], maxNames = 3): string {
  return joinAnd(groups.map((g) => {
    const shown = g.items.slice(0, maxNames).map((i) => i.name ?? i.id);
    const more = g.items.length - shown.length;
    return `${countOf(g.resourceType, g.items.length)} (${shown.join(', ')}${more ? ` and ${more} more` : ''})`;
  }));
}

/** What other accounts use, as a report counted it. */
export interface AccountUsage {
  readonly accountId: string;
  /** Count per resource type, e.g. { "ec2:Instance": 2, "ec2:LaunchTemplate": 1 }. */
  readonly resources: Readonly<Record<string, number>>;
}

/** A report's entries per account, accounts in order, leaving out counts of zero. */
export function accountsOf(entries: readonly UsageReportEntry[]): AccountUsage[] {
  const byAccount = new Map<string, Record<string, number>>();
  for (const e of entries) {
    if (e.usageCount > 0) {
      const resources = byAccount.get(e.accountId) ?? {};
      resources[e.resourceType] = (resources[e.resourceType] ?? 0) + e.usageCount;
      byAccount.set(e.accountId, resources);
    }
  }
  return [...byAccount].sort(([a], [b]) => a.localeCompare(b)).map(([accountId, resources]) => ({ accountId, resources }));
}

/** "2 instances and 1 launch template". */
export function resourcesText(resources: Readonly<Record<string, number>>): string {
  const rank = (type: string) => {
    const i = kinds.findIndex((k) => k.resourceType === type);
    return i < 0 ? kinds.length : i;
  };
  return joinAnd(Object.entries(resources).sort(([a], [b]) => rank(a) - rank(b)).map(([type, n]) => countOf(type, n)));
}

/** "3 accounts use it: 444455556666 (2 instances and 1 launch template), …". */
export function accountsText(accounts: readonly AccountUsage[], maxAccounts = 5): string {
  if (!accounts.length) {
    return 'no other account uses it';
  }
  const shown = accounts.slice(0, maxAccounts).map((a) => `${a.accountId} (${resourcesText(a.resources)})`);
  const more = accounts.length - shown.length;
  return `${plural(accounts.length, 'other account')} ${accounts.length === 1 ? 'uses' : 'use'} it: ${shown.join(', ')}${more ? ` and ${more} more` : ''}`;
}

/** The account's check of one image in a sentence: who uses it, or that nothing does, or why it is unknown. */
export function inAccountText(check: { readonly groups: readonly UsageGroup[] } | { readonly error: string }): string {
  if ('error' in check) {
    return `could not check usage: ${check.error}`;
  }
  return check.groups.length ? `used by ${usedByText(check.groups)}` : `no ${checkedKinds} of this account uses it`;
}
