// Which owned images a cleanup plan retires, which it keeps and why, and what their snapshots cost. Pure.
import type { ImageInfo } from '../../aws/model';
import { plural } from '../../shared/format';
import { snapshotStorage } from '../../shared/snapshotCost';
import type { RetireAction, RetireCriteria } from './request';

/** What is known of an image beyond DescribeImages; undefined means the lookup failed, never "none". */
export interface ImageFacts {
  /** ISO time of the last launch; null: never launched. */
  readonly lastLaunched: string | null | undefined;
  /** How many resources of the account refer to it. */
  readonly references: number | undefined;
  /** Who uses it, named: "1 instance (web-1) and 1 launch template (web)". */
  readonly usedBy?: string;
  /** Why the facts are incomplete, e.g. "could not read the last launch: AccessDenied". */
  readonly unknownBecause?: string;
}

export interface Candidate {
  readonly image: ImageInfo;
  readonly facts: ImageFacts;
}

export interface PlannedImage {
  readonly image: ImageInfo;
  readonly group: string;
  readonly ageDays: number;
  readonly lastLaunched: string | null | undefined;
  readonly references: number | undefined;
  readonly usedBy?: string;
  readonly snapshotGiB: number;
  readonly monthlyCost: number;
}

export interface KeptImage {
  readonly image: ImageInfo;
  readonly reason: string;
}

export interface CleanupPlan {
  readonly action: RetireAction;
  readonly retire: readonly PlannedImage[];
  readonly kept: readonly KeptImage[];
  /** Each snapshot once, however many retired images use it. */
  readonly totalSnapshotGiB: number;
  readonly monthlyCost: number;
  readonly pricePerGBMonth: number;
}

export interface PlanContext {
  readonly now: number;
  /** amiExplorer.groupByTag: images with the same value of this tag form a group. */
  readonly groupKey?: string;
  readonly pricePerGBMonth: number;
}

const day = 86_400_000;

/**
 * An image's group: the value of the group tag when it has one, else its name with every run of digits (versions,
 * dates, build numbers) folded, so "web-1.4.2" and "web-1.5.0" are one family.
 */
export function groupOf(image: Pick<ImageInfo, 'name' | 'tags'>, groupKey?: string): string {
  const value = groupKey ? image.tags[groupKey] : undefined;
  return value !== undefined ? `${groupKey}=${value}` : image.name.replace(/\d+(?:[._-]\d+)*/g, '#');
}

/** The GiB of the EBS snapshots an image rests on, each snapshot once. */
export function snapshotGiBOf(image: Pick<ImageInfo, 'blockDevices'>): number {
  return snapshotStorage(image, 0).totalGiB;
}

/** Each snapshot of the images once, with its size. */
function snapshotSizes(images: readonly Pick<ImageInfo, 'blockDevices'>[]): Map<string, number> {
  return new Map(images.flatMap((i) => snapshotStorage(i, 0).snapshots.map((s) => [s.snapshotId, s.sizeGiB ?? 0] as const)));
}

const created = (image: ImageInfo): number => (image.creationDate ? Date.parse(image.creationDate) : Number.NaN);
const daysSince = (time: number, now: number): number => Math.floor((now - time) / day);

/** Why an image the action cannot or need not touch stays; undefined when the action applies. */
function actionBlocker(image: ImageInfo, action: RetireAction, now: number): string | undefined {
  if (image.state !== 'available' && !(image.state === 'disabled' && action === 'deregister')) {
    return `its state is ${image.state}`;
  }
  if (action === 'deprecate' && image.deprecationTime && Date.parse(image.deprecationTime) <= now) {
    return 'already deprecated';
  }
  const protection = image.deregistrationProtection;
  if (action === 'deregister' && protection && protection !== 'disabled') {
    return `deregistration protection is ${protection}`;
  }
  return undefined;
}

/**
 * The first rule that keeps the image, or undefined when every rule lets it go. The rules on facts read from EC2
 * (last launch, references) come last: only images every other rule lets go have them read.
 */
function keptBecause(c: Candidate, criteria: RetireCriteria, action: RetireAction, now: number): string | undefined {
  const { image, facts } = c;
  const time = created(image);
  if (Number.isNaN(time)) {
    return 'its creation date is unknown';
  }
  if (criteria.excludeLatest && image.tags.Latest === 'true') {
    return 'tagged Latest=true';
  }
  if (criteria.olderThanDays !== undefined && daysSince(time, now) < criteria.olderThanDays) {
    return `${plural(daysSince(time, now), 'day')} old (the plan retires images older than ${plural(criteria.olderThanDays, 'day')})`;
  }
  const blocked = actionBlocker(image, action, now);
  if (blocked) {
    return blocked;
  }
  if (criteria.notLaunchedForDays !== undefined) {
    if (facts.lastLaunched === undefined) {
      return `its last launch is unknown${facts.unknownBecause ? ` (${facts.unknownBecause})` : ''}`;
    }
    if (facts.lastLaunched !== null && daysSince(Date.parse(facts.lastLaunched), now) < criteria.notLaunchedForDays) {
      return `launched ${plural(daysSince(Date.parse(facts.lastLaunched), now), 'day')} ago`;
    }
  }
  if (criteria.unreferencedOnly) {
    if (facts.references === undefined) {
      return `its usage is unknown${facts.unknownBecause ? ` (${facts.unknownBecause})` : ''}`;
    }
    if (facts.references > 0) {
      return `used by ${plural(facts.references, 'resource')}`;
    }
  }
  return undefined;
}

/**
 * The plan: per group, the newest `keepNewest` images are kept; every other image is retired only when it passes
 * every rule. Unknown facts keep an image (a failed lookup never reads as "unused").
 */
export function planCleanup(candidates: readonly Candidate[], criteria: RetireCriteria, action: RetireAction, ctx: PlanContext): CleanupPlan {
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const key = `${c.image.region}\u0000${groupOf(c.image, ctx.groupKey)}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const retire: PlannedImage[] = [];
  const kept: KeptImage[] = [];
  for (const members of groups.values()) {
    const newestFirst = [...members].sort((a, b) => (created(b.image) || 0) - (created(a.image) || 0) || a.image.id.localeCompare(b.image.id));
    newestFirst.forEach((c, index) => {
      const group = groupOf(c.image, ctx.groupKey);
      const reason = index < criteria.keepNewest
        ? `one of the newest ${criteria.keepNewest} of ${group} in ${c.image.region}`
        : keptBecause(c, criteria, action, ctx.now);
      if (reason) {
        kept.push({ image: c.image, reason });
        return;
      }
      const snapshotGiB = snapshotGiBOf(c.image);
      retire.push({
        image: c.image, group, ageDays: daysSince(created(c.image), ctx.now), lastLaunched: c.facts.lastLaunched,
        references: c.facts.references, usedBy: c.facts.usedBy, snapshotGiB, monthlyCost: snapshotGiB * ctx.pricePerGBMonth,
      });
    });
  }
  const byAge = <T extends { image: ImageInfo }>(a: T, b: T) => a.image.region.localeCompare(b.image.region) || (created(a.image) || 0) - (created(b.image) || 0);
  retire.sort(byAge);
  kept.sort(byAge);
  const totalSnapshotGiB = [...snapshotSizes(retire.map((r) => r.image)).values()].reduce((n, s) => n + s, 0);
  return { action, retire, kept, totalSnapshotGiB, monthlyCost: totalSnapshotGiB * ctx.pricePerGBMonth, pricePerGBMonth: ctx.pricePerGBMonth };
}
