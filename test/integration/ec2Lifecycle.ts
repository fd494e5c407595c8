// Images, snapshots and instances the tag / deprecate / deregister suites create for themselves in ca-central-1,
// so the seeded estate other suites count stays untouched.
import {
  DescribeImagesCommand,
  DescribeSnapshotsCommand,
  EC2Client,
  ModifyImageAttributeCommand,
  RunInstancesCommand,
  type Image,
} from '@aws-sdk/client-ec2';
import { must } from '../must';
import { ec2, newSnapshot as sharedNewSnapshot, registerTestImage, type TestImage } from './ec2';

export type { TestImage };

export const lifecycleRegion = 'ca-central-1';
export const otherAccount = '777788889999';

/** A client acting as another account (the sandbox's x-moto-account-id header), for images that are not ours. */
function foreignClient(region: string): EC2Client {
  const client = new EC2Client({ region, endpoint: process.env.AWS_ENDPOINT_URL_EC2 });
  client.middlewareStack.add(
    (next) => async (args) => {
      (args.request as { headers: Record<string, string> }).headers['x-moto-account-id'] = otherAccount;
      return next(args);
    },
    { step: 'build', name: 'sandboxAccount' },
  );
  return client;
}

export function newSnapshot(client: EC2Client = ec2(lifecycleRegion)): Promise<string> {
  return sharedNewSnapshot(lifecycleRegion, { client });
}

/** Registers an EBS-backed image in the suites' region with a root snapshot (its own unless `snapshotId` is given). */
export function registerImage(spec: { prefix: string; tags?: Record<string, string>; snapshotId?: string; client?: EC2Client }): Promise<TestImage> {
  return registerTestImage({ region: lifecycleRegion, ...spec });
}

/** An image of another account, shared with ours: visible, but not ours to change. */
export async function foreignSharedImage(ourAccount: string): Promise<TestImage> {
  const client = foreignClient(lifecycleRegion);
  const image = await registerImage({ prefix: 'foreign', client, tags: { Project: 'Foreign' } });
  await client.send(new ModifyImageAttributeCommand({ ImageId: image.imageId, LaunchPermission: { Add: [{ UserId: ourAccount }] } }));
  return image;
}

export async function runInstance(imageId: string): Promise<string> {
  const { Instances = [] } = await ec2(lifecycleRegion).send(new RunInstancesCommand({ ImageId: imageId, MinCount: 1, MaxCount: 1, InstanceType: 't3.micro' }));
  return must(Instances[0]?.InstanceId, `the id of the instance launched from ${imageId}`);
}

/** The image as EC2 reports it now, or undefined once it is gone. */
export async function imageNow(imageId: string): Promise<Image | undefined> {
  const out = await ec2(lifecycleRegion).send(new DescribeImagesCommand({ Filters: [{ Name: 'image-id', Values: [imageId] }], IncludeDeprecated: true, IncludeDisabled: true }));
  return out.Images?.[0];
}

export function tagsOf(resource: { Tags?: { Key?: string; Value?: string }[] } | undefined): Record<string, string> {
  return Object.fromEntries((resource?.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
}

/** The snapshot's tags, or undefined when it no longer exists. */
export async function snapshotNow(snapshotId: string): Promise<{ tags: Record<string, string> } | undefined> {
  const out = await ec2(lifecycleRegion).send(new DescribeSnapshotsCommand({ Filters: [{ Name: 'snapshot-id', Values: [snapshotId] }] }));
  const snapshot = out.Snapshots?.[0];
  return snapshot ? { tags: tagsOf(snapshot) } : undefined;
}
