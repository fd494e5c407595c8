// Which images to retire and which of their snapshots may go with them. Pure.
import type { ImageInfo } from '../../aws/model';
import { snapshotsOf } from '../../shared/imageSnapshots';

export interface KeptSnapshot {
  readonly snapshotId: string;
  /** Why it stays, e.g. "used by ami-0abc…". */
  readonly reason: string;
}

export interface SnapshotPlan {
  /** Snapshots only the retired images use. */
  readonly deletable: string[];
  /** Snapshots another image of the account still uses. */
  readonly kept: KeptSnapshot[];
}

/**
 * `usersBySnapshot` lists, per snapshot, every image of the account in the region that references it. A snapshot
 * may be deleted only when all of its users are among the images being retired.
 */
export function snapshotPlan(retired: readonly Pick<ImageInfo, 'id' | 'blockDevices'>[], usersBySnapshot: Readonly<Record<string, readonly string[]>>): SnapshotPlan {
  const retiredIds = new Set(retired.map((i) => i.id));
  const deletable: string[] = [];
  const kept: KeptSnapshot[] = [];
  for (const snapshotId of snapshotsOf(retired)) {
    const others = (usersBySnapshot[snapshotId] ?? []).filter((id) => !retiredIds.has(id));
    if (others.length) {
      kept.push({ snapshotId, reason: `used by ${others.join(', ')}` });
    } else {
      deletable.push(snapshotId);
    }
  }
  return { deletable, kept };
}

/**
 * "Older than `days` days except the newest `keep`": the old versions of a group worth retiring. The newest `keep`
 * are spared whatever their age; images without a creation date are never picked.
 */
export function olderThanExceptNewest<T extends Pick<ImageInfo, 'creationDate' | 'name'>>(images: readonly T[], days: number, keep: number, now: number = Date.now()): T[] {
  const dated = images.filter((i) => i.creationDate && !Number.isNaN(Date.parse(i.creationDate)));
  const newestFirst = [...dated].sort((a, b) => Date.parse(b.creationDate!) - Date.parse(a.creationDate!) || a.name.localeCompare(b.name));
  const cutoff = now - days * 86_400_000;
  return newestFirst.slice(Math.max(0, keep)).filter((i) => Date.parse(i.creationDate!) < cutoff);
}

/** What a deregistration stopped part way did and did not do, in one sentence for the person or the caller. */
export function partialRetirement(
  cause: string,
  done: { readonly deregistered: readonly string[]; readonly deletedSnapshots: readonly string[] },
  planned: { readonly images: readonly string[]; readonly snapshots: readonly string[] },
): string {
  const did = [
    done.deregistered.length ? `deregistered ${done.deregistered.join(', ')}` : 'deregistered nothing',
    ...(done.deletedSnapshots.length ? [`deleted ${done.deletedSnapshots.join(', ')}`] : []),
  ].join(' and ');
  const images = planned.images.filter((id) => !done.deregistered.includes(id));
  const snapshots = planned.snapshots.filter((id) => !done.deletedSnapshots.includes(id));
  const left = [
    ...(images.length ? [`${images.join(', ')} ${images.length === 1 ? 'is' : 'are'} still registered`] : []),
    ...(snapshots.length ? [`${snapshots.join(', ')} ${snapshots.length === 1 ? 'was' : 'were'} not deleted`] : []),
  ];
  return `${cause} after it ${did}.${left.length ? ` Not done: ${left.join('; ')}.` : ''}`;
}
