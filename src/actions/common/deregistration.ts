// Deregistering prepared batches of owned images, shared by Deregister and the cleanup plan: what retiring them
// means (read before asking), then the deregistrations and the snapshot deletions, each recorded as it happens.
import type { AwsService } from '../../aws/awsService';
import { AwsError } from '../../aws/errors';
import type { ImageInfo } from '../../aws/model';
import { ownedImages } from '../../aws/ownedImages';
import { isCancellation } from '../../shared/cancellation';
import { inAccountUsage, type InAccountUsage } from '../../shared/imageUsage';
import { snapshotsOf } from '../../shared/imageSnapshots';
import { withProgress } from '../../shared/progress';
import { isProtected, protectionRefusal } from '../../shared/retirementText';
import type { DeregisterResult } from '../../api/amiExplorerApi';
import { retentionOf, type Retention, type RulesRead } from './recycleBinRetention';
import { snapshotPlan, type SnapshotPlan } from './retirementPlan';

/** Images to retire in one region. */
export interface RegionBatch {
  readonly region: string;
  readonly imageIds: readonly string[];
}

/** What of the account uses each image, as EC2 says (DescribeImageReferences), or why it could not be checked. */
export type UsageCheck = { readonly byImage: ReadonlyMap<string, InAccountUsage> } | { readonly error: string };

/** What retiring one region's batch means, read before asking. */
export interface Prepared {
  readonly region: string;
  readonly images: ImageInfo[];
  /** Live instances per image id. */
  readonly instances: Record<string, string[]>;
  readonly plan: SnapshotPlan;
  /** Per image id: whether the Recycle Bin will keep it, by the region's retention rules. */
  readonly retention: Record<string, Retention>;
  /** For the person's confirmation only (the API asks nothing, so does not look). */
  readonly usage?: UsageCheck;
}

/** The region's retention rules, or why they could not be read (which is never "no rules"). */
function readRules(aws: AwsService, region: string, signal?: AbortSignal): Promise<RulesRead> {
  return aws.imageRetentionRules(region, signal).then((rules) => ({ rules }), (error: unknown) => {
    if (isCancellation(error)) {
      throw error;
    }
    return { problem: error instanceof AwsError ? error.summary : error instanceof Error ? error.message : String(error) };
  });
}

/** The usage of the images, or why it is unknown: a failed check never reads as "unused". */
async function checkUsage(aws: AwsService, region: string, imageIds: readonly string[], signal?: AbortSignal): Promise<UsageCheck> {
  try {
    return { byImage: await inAccountUsage(aws, region, imageIds, signal) };
  } catch (error) {
    if (isCancellation(error)) {
      throw error;
    }
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The batch's images (owned, and none protected from deregistration, or it rejects before anything changes), the
 * instances still running from them, their snapshots' fate, whether the Recycle Bin will keep each, and
 * (`withUsage`, for a person's confirmation) what of the account uses them.
 */
export async function prepare(aws: AwsService, batch: RegionBatch, signal?: AbortSignal, withUsage = false): Promise<Prepared> {
  const { region } = batch;
  const images = await ownedImages(aws, region, batch.imageIds, signal);
  const protectedOnes = images.filter((i) => isProtected(i.deregistrationProtection));
  if (protectedOnes.length) {
    const others = images.length > protectedOnes.length ? ' Nothing was deregistered: deselect it, or lift its protection, and try again.' : '';
    throw new Error(protectedOnes.map(protectionRefusal).join(' ') + others);
  }
  const [instances, users, rules, usage] = await Promise.all([
    aws.instancesUsingImages(region, batch.imageIds, signal),
    aws.imagesUsingSnapshots(region, snapshotsOf(images), signal),
    readRules(aws, region, signal),
    withUsage ? checkUsage(aws, region, batch.imageIds, signal) : undefined,
  ]);
  const retention = Object.fromEntries(images.map((i) => [i.id, retentionOf(i, rules)]));
  return { region, images, instances, plan: snapshotPlan(images, users), retention, usage };
}

/** Every batch prepared, under a cancellable progress notification. */
export function prepareAll(aws: AwsService, batches: readonly RegionBatch[]): Promise<Prepared[]> {
  return withProgress('Checking the images to deregister', (_report, signal) => Promise.all(batches.map((b) => prepare(aws, b, signal, true))));
}

/** A result with nothing done yet, filled in as the work goes. */
export function emptyDeregisterResult(): DeregisterResult {
  return { deregistered: [], deletedSnapshots: [], keptSnapshots: [], runningInstances: {} };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Deregisters one prepared batch, then deletes the snapshots no remaining image uses (checked again, now that the
 * images are gone). Each step is recorded in `out` as it happens, a failed one in `failures`; cancelling rejects,
 * leaving `out` saying exactly what was done.
 */
export async function deregisterPrepared(aws: AwsService, p: Prepared, deleteSnapshots: boolean, out: DeregisterResult, failures: string[], report: (m: string) => void, signal: AbortSignal): Promise<void> {
  const { region } = p;
  const gone: ImageInfo[] = [];
  for (const image of p.images) {
    report(`deregistering ${image.name} (${image.id})`);
    try {
      await aws.deregisterImage(region, image.id, signal);
      gone.push(image);
      out.deregistered.push(image.id);
      const running = p.instances[image.id];
      if (running?.length) {
        out.runningInstances[image.id] = running;
      }
    } catch (error) {
      if (isCancellation(error)) {
        throw error;
      }
      failures.push(`could not deregister ${image.id} in ${region}: ${reason(error)}`);
    }
  }
  if (!deleteSnapshots) {
    return;
  }
  const users = await aws.imagesUsingSnapshots(region, snapshotsOf(gone), signal);
  const plan = snapshotPlan(gone, users);
  out.keptSnapshots.push(...plan.kept);
  for (const snapshotId of plan.deletable) {
    report(`deleting snapshot ${snapshotId}`);
    try {
      await aws.deleteSnapshot(region, snapshotId, signal);
      out.deletedSnapshots.push(snapshotId);
    } catch (error) {
      if (isCancellation(error)) {
        throw error;
      }
      out.keptSnapshots.push({ snapshotId, reason: `could not be deleted: ${reason(error)}` });
      failures.push(`could not delete snapshot ${snapshotId} in ${region}: ${reason(error)}`);
    }
  }
}
