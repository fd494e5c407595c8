// Which images to retire and which of their snapshots may go with them. Pure.
import type { ImageInfo } from '../aws/model';
import { snapshotsOf } from '../shared/imageSnapshots';

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
