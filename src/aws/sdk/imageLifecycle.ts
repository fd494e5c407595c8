import {
  DeleteSnapshotCommand,
  DeregisterImageCommand,
  DisableImageDeprecationCommand,
  EnableImageDeprecationCommand,
  paginateDescribeImages,
  paginateDescribeInstances,
} from '@aws-sdk/client-ec2';
import type { Connection } from '../model';
import { ec2Client } from './clients';

export async function enableImageDeprecation(connection: Connection, region: string, imageId: string, deprecateAt: Date, signal?: AbortSignal): Promise<void> {
  await ec2Client(connection, region).send(new EnableImageDeprecationCommand({ ImageId: imageId, DeprecateAt: deprecateAt }), { abortSignal: signal });
}

export async function disableImageDeprecation(connection: Connection, region: string, imageId: string, signal?: AbortSignal): Promise<void> {
  await ec2Client(connection, region).send(new DisableImageDeprecationCommand({ ImageId: imageId }), { abortSignal: signal });
}

/** States in which an instance still depends on its image (terminated ones do not). */
const liveInstanceStates = ['pending', 'running', 'stopping', 'stopped'];

/** The ids of the live instances launched from each image; images without any are absent. */
export async function instancesUsingImages(
  connection: Connection, region: string, imageIds: readonly string[], signal?: AbortSignal,
): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  if (!imageIds.length) {
    return out;
  }
  const pages = paginateDescribeInstances(
    { client: ec2Client(connection, region), pageSize: 1000 },
    { Filters: [{ Name: 'image-id', Values: [...imageIds] }, { Name: 'instance-state-name', Values: liveInstanceStates }] }, { abortSignal: signal },
  );
  for await (const page of pages) {
    signal?.throwIfAborted();
    for (const instance of (page.Reservations ?? []).flatMap((r) => r.Instances ?? [])) {
      if (instance.ImageId && instance.InstanceId) {
        (out[instance.ImageId] ??= []).push(instance.InstanceId);
      }
    }
  }
  return out;
}

/**
 * For each snapshot, every image of the account in the region whose block devices reference it (deprecated and
 * disabled ones too): a snapshot may be deleted only when no image outside the ones being removed uses it.
 */
export async function imagesUsingSnapshots(
  connection: Connection, region: string, snapshotIds: readonly string[], signal?: AbortSignal,
): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  if (!snapshotIds.length) {
    return out;
  }
  const wanted = new Set(snapshotIds);
  const pages = paginateDescribeImages(
    { client: ec2Client(connection, region), pageSize: 1000 },
    {
      Owners: ['self'],
      Filters: [{ Name: 'block-device-mapping.snapshot-id', Values: [...snapshotIds] }],
      IncludeDeprecated: true,
      IncludeDisabled: true,
    }, { abortSignal: signal },
  );
  for await (const page of pages) {
    signal?.throwIfAborted();
    for (const image of page.Images ?? []) {
      for (const mapping of image.BlockDeviceMappings ?? []) {
        const snapshotId = mapping.Ebs?.SnapshotId;
        if (snapshotId && wanted.has(snapshotId) && image.ImageId) {
          const users = (out[snapshotId] ??= []);
          if (!users.includes(image.ImageId)) {
            users.push(image.ImageId);
          }
        }
      }
    }
  }
  return out;
}

export async function deregisterImage(connection: Connection, region: string, imageId: string, signal?: AbortSignal): Promise<void> {
  await ec2Client(connection, region).send(new DeregisterImageCommand({ ImageId: imageId }), { abortSignal: signal });
}

export async function deleteSnapshot(connection: Connection, region: string, snapshotId: string, signal?: AbortSignal): Promise<void> {
  await ec2Client(connection, region).send(new DeleteSnapshotCommand({ SnapshotId: snapshotId }), { abortSignal: signal });
}
