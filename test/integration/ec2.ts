// The tests' own view of EC2, straight from the API, to compare with what the extension shows.
import {
  CreateSnapshotCommand, CreateVolumeCommand, DescribeImagesCommand, EC2Client, RegisterImageCommand, type Image,
} from '@aws-sdk/client-ec2';

const clients = new Map<string, EC2Client>();
export function ec2(region: string): EC2Client {
  let c = clients.get(region);
  if (!c) {
    c = new EC2Client({ region, endpoint: process.env.AWS_ENDPOINT_URL_EC2 });
    clients.set(region, c);
  }
  return c;
}

export async function ownedImages(region: string): Promise<Image[]> {
  const out = await ec2(region).send(new DescribeImagesCommand({ Owners: ['self'], IncludeDeprecated: true }));
  return out.Images ?? [];
}

/** A tag's value on an image, instance or snapshot. */
export function tag(resource: { Tags?: { Key?: string; Value?: string }[] }, key: string): string | undefined {
  return resource.Tags?.find((t) => t.Key === key)?.Value;
}

/** A fresh snapshot of an 8 GiB volume, to back a test image. */
export async function newSnapshot(region: string, options: { client?: EC2Client; encrypted?: boolean } = {}): Promise<string> {
  const client = options.client ?? ec2(region);
  const { VolumeId } = await client.send(new CreateVolumeCommand({ AvailabilityZone: `${region}a`, Size: 8, VolumeType: 'gp3', Encrypted: options.encrypted }));
  const { SnapshotId } = await client.send(new CreateSnapshotCommand({ VolumeId, Description: 'Root volume' }));
  return SnapshotId!;
}

export interface TestImage {
  readonly imageId: string;
  readonly snapshotId: string;
  readonly name: string;
}

let counter = 0;

/**
 * An EBS-backed image a suite makes for itself, so the seeded estate other suites count stays untouched: a root
 * snapshot of its own unless `snapshotId` is given, and a name unique across runs of one sandbox unless `name` is.
 */
export async function registerTestImage(spec: {
  region: string; prefix?: string; name?: string; architecture?: 'x86_64' | 'arm64'; tags?: Record<string, string>; description?: string;
  encrypted?: boolean; snapshotId?: string; client?: EC2Client;
}): Promise<TestImage> {
  const client = spec.client ?? ec2(spec.region);
  const snapshotId = spec.snapshotId ?? await newSnapshot(spec.region, { client, encrypted: spec.encrypted });
  const name = spec.name ?? `${spec.prefix ?? 'test-image'}-${Date.now()}-${++counter}`;
  const tags = Object.entries(spec.tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
  const { ImageId } = await client.send(new RegisterImageCommand({
    Name: name,
    Description: spec.description,
    Architecture: spec.architecture ?? 'x86_64',
    RootDeviceName: '/dev/xvda',
    VirtualizationType: 'hvm',
    BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: snapshotId, VolumeSize: 8, VolumeType: 'gp3', DeleteOnTermination: true } }],
    TagSpecifications: tags.length ? [{ ResourceType: 'image', Tags: tags }] : undefined,
  }));
  return { imageId: ImageId!, snapshotId, name };
}
