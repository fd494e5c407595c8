import {
  CreateImageCommand, DescribeImagesCommand, DescribeInstancesCommand, paginateDescribeInstances, waitUntilImageAvailable,
} from '@aws-sdk/client-ec2';
import type { Tag, TagSpecification } from '@aws-sdk/client-ec2';
import type { ImageCreationRequest } from '../launchModel';
import type { Connection, ImageInfo, InstanceInfo } from '../model';
import { ec2Client } from './clients';
import { toImageInfo, toInstanceInfo } from './convert';

/** One instance, or undefined when the region has no instance with that id. */
export async function findInstance(connection: Connection, region: string, instanceId: string, signal?: AbortSignal): Promise<InstanceInfo | undefined> {
  try {
    const out = await ec2Client(connection, region).send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }), { abortSignal: signal });
    const instance = (out.Reservations ?? []).flatMap((r) => r.Instances ?? [])[0];
    return instance && toInstanceInfo(instance, region);
  } catch (error) {
    if ((error as { name?: string }).name === 'InvalidInstanceID.NotFound') {
      return undefined;
    }
    throw error;
  }
}

/** The instances an image can be made from: running or stopped. */
export async function listImageableInstances(connection: Connection, region: string, signal?: AbortSignal): Promise<InstanceInfo[]> {
  const out: InstanceInfo[] = [];
  const pages = paginateDescribeInstances(
    { client: ec2Client(connection, region), pageSize: 1000 },
    { Filters: [{ Name: 'instance-state-name', Values: ['running', 'stopped'] }] }, { abortSignal: signal },
  );
  for await (const page of pages) {
    signal?.throwIfAborted();
    out.push(...(page.Reservations ?? []).flatMap((r) => (r.Instances ?? []).map((i) => toInstanceInfo(i, region))));
  }
  return out;
}

/** The caller's own images named exactly `name` (EC2 names are unique per account and region). */
export async function ownedImagesNamed(connection: Connection, region: string, name: string, signal?: AbortSignal): Promise<ImageInfo[]> {
  const out = await ec2Client(connection, region).send(
    new DescribeImagesCommand({ Owners: ['self'], Filters: [{ Name: 'name', Values: [name] }], IncludeDeprecated: true, IncludeDisabled: true }),
    { abortSignal: signal },
  );
  // The name filter takes wildcards; an exact match is what counts.
  return (out.Images ?? []).filter((i) => i.Name === name).map((i) => toImageInfo(i, region));
}

/** The values of `tagKey` on the caller's images whose value starts with `prefix`, e.g. today's versions. */
export async function ownedTagValues(connection: Connection, region: string, tagKey: string, prefix: string, signal?: AbortSignal): Promise<string[]> {
  const out = await ec2Client(connection, region).send(
    new DescribeImagesCommand({ Owners: ['self'], Filters: [{ Name: `tag:${tagKey}`, Values: [`${prefix}*`] }], IncludeDeprecated: true, IncludeDisabled: true }),
    { abortSignal: signal },
  );
  return (out.Images ?? []).flatMap((i) => (i.Tags ?? []).filter((t) => t.Key === tagKey).map((t) => t.Value ?? ''));
}

/** CreateImage, tagging the image and the snapshots it makes alike. */
export async function createImageFromInstance(connection: Connection, region: string, request: ImageCreationRequest, signal?: AbortSignal): Promise<string> {
  const tags: Tag[] = Object.entries(request.tags).map(([Key, Value]) => ({ Key, Value }));
  const specs: TagSpecification[] | undefined = tags.length
    ? [{ ResourceType: 'image', Tags: tags }, { ResourceType: 'snapshot', Tags: tags }]
    : undefined;
  const out = await ec2Client(connection, region).send(
    new CreateImageCommand({
      InstanceId: request.instanceId,
      Name: request.name,
      Description: request.description || undefined,
      NoReboot: request.noReboot,
      TagSpecifications: specs,
    }),
    { abortSignal: signal },
  );
  if (!out.ImageId) {
    throw new Error(`CreateImage in ${region} returned no image id.`);
  }
  return out.ImageId;
}

/** Until the image is available, or `maxWaitSeconds` pass (the image still completes on EC2's side). */
export async function waitForImageAvailable(connection: Connection, region: string, imageId: string, maxWaitSeconds: number, signal?: AbortSignal): Promise<void> {
  await waitUntilImageAvailable(
    { client: ec2Client(connection, region), maxWaitTime: maxWaitSeconds, abortSignal: signal },
    { ImageIds: [imageId] },
  );
}
