import type { AwsService } from '../../aws/awsService';
import type { ImageInfo } from '../../aws/model';
import { ownedImages } from '../../aws/ownedImages';
import { snapshotsOf } from '../../shared/imageSnapshots';
import { withProgress } from '../../shared/progress';
import { snapshotPlan, type SnapshotPlan } from './retirementPlan';

/** Images to retire in one region. */
export interface RegionBatch {
  readonly region: string;
  readonly imageIds: readonly string[];
}

/** What retiring one region's batch means, read before asking. */
export interface Prepared {
  readonly region: string;
  readonly images: ImageInfo[];
  /** Live instances per image id. */
  readonly instances: Record<string, string[]>;
  readonly plan: SnapshotPlan;
}

/** The batch's images (owned, or it rejects), the instances still running from them, and their snapshots' fate. */
export async function prepare(aws: AwsService, batch: RegionBatch, signal?: AbortSignal): Promise<Prepared> {
  const { region } = batch;
  const images = await ownedImages(aws, region, batch.imageIds, signal);
  const [instances, users] = await Promise.all([
    aws.instancesUsingImages(region, batch.imageIds, signal),
    aws.imagesUsingSnapshots(region, snapshotsOf(images), signal),
  ]);
  return { region, images, instances, plan: snapshotPlan(images, users) };
}

/** Every batch prepared, under a cancellable progress notification. */
export function prepareAll(aws: AwsService, batches: readonly RegionBatch[]): Promise<Prepared[]> {
  return withProgress('Checking the images to deregister', (_report, signal) => Promise.all(batches.map((b) => prepare(aws, b, signal))));
}
