// The default saved searches of the public catalog, for the partition of the region they run in. Pure.
import { partitionOf, type Partition } from '../shared/partition';

/** Owners of the default searches that exist in one partition only, with their counterparts elsewhere. */
const ownerInPartition: Readonly<Record<string, Partial<Record<Partition, string>>>> = {
  // Canonical publishes Ubuntu from a different account in each partition
  // (documented by Canonical as Ubuntu images' OwnerId per partition).
  '099720109477': { 'aws': '099720109477', 'aws-us-gov': '513442679011', 'aws-cn': '837727238323' },
};

/** Aliases that EC2 resolves in every partition. */
const aliases = new Set(['amazon', 'aws-marketplace', 'aws-backup-vault', 'self']);

/**
 * The searches of the setting's default, with each owner replaced by its counterpart in the region's partition.
 * A search whose owners do not exist there is left out, so nobody is shown a search that can only be empty.
 * Values that are not searches pass through unchanged (they are reported where the setting is read).
 */
export function defaultSearchesFor(defaults: readonly unknown[], region: string): unknown[] {
  const partition = partitionOf(region);
  const out: unknown[] = [];
  for (const search of defaults) {
    const owners = (search as { owners?: unknown } | null)?.owners;
    if (!Array.isArray(owners)) {
      out.push(search);
      continue;
    }
    const mapped = owners.flatMap((owner: unknown) => {
      if (typeof owner !== 'string' || aliases.has(owner)) {
        return [owner];
      }
      const known = ownerInPartition[owner];
      if (!known) {
        return partition === 'aws' ? [owner] : [];
      }
      return known[partition] ? [known[partition]] : [];
    });
    if (mapped.length) {
      out.push({ ...(search as object), owners: mapped });
    }
  }
  return out;
}

/** Where a setting has a value, as `WorkspaceConfiguration.inspect` tells it. */
export interface SettingLevels {
  readonly globalValue?: unknown;
  readonly workspaceValue?: unknown;
  readonly workspaceFolderValue?: unknown;
}

/**
 * The saved searches for a region: a value the user set, as is; else the default (`value` when nothing is set),
 * with the owners of the region's partition. A workspace's value counts only in a trusted workspace: Restricted
 * Mode ignores it (the setting is in restrictedConfigurations).
 */
export function catalogSearchesFor(region: string | undefined, value: unknown, levels: SettingLevels | undefined, trusted: boolean): unknown {
  const set = levels?.globalValue !== undefined
    || (trusted && (levels?.workspaceValue !== undefined || levels?.workspaceFolderValue !== undefined));
  return !set && region && Array.isArray(value) ? defaultSearchesFor(value as unknown[], region) : value;
}
