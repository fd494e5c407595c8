// A family of images the cleanup-plan suite makes for itself in sa-east-1, dated in the past through the sandbox's
// clock header and resting on snapshots of known sizes, so the plan's ages and costs are known in advance.
import {
  CreateSnapshotCommand, CreateVolumeCommand, DescribeImagesCommand, DescribeSnapshotsCommand, EC2Client, EnableImageDeregistrationProtectionCommand,
  RegisterImageCommand, RunInstancesCommand, type Image,
} from '@aws-sdk/client-ec2';
import { must } from '../must';

export const retireRegion = 'sa-east-1';

/** A client whose calls EC2 (the sandbox) dates `daysAgo` days in the past. */
function datedClient(daysAgo: number): EC2Client {
  const client = new EC2Client({ region: retireRegion, endpoint: process.env.AWS_ENDPOINT_URL_EC2 });
  const at = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  client.middlewareStack.add(
    (next) => async (args) => {
      (args.request as { headers: Record<string, string> }).headers['x-sandbox-now'] = at;
      return next(args);
    },
    { step: 'build', name: 'sandboxClock' },
  );
  return client;
}

export interface FamilyImage {
  readonly imageId: string;
  readonly name: string;
  readonly snapshotId: string;
  readonly sizeGiB: number;
  readonly ageDays: number;
}

/** Registers `name`, created `ageDays` ago, on a new snapshot of `sizeGiB`. */
export async function registerDated(name: string, ageDays: number, sizeGiB: number, tags: Record<string, string> = {}): Promise<FamilyImage> {
  const client = datedClient(ageDays);
  const { VolumeId } = await client.send(new CreateVolumeCommand({ AvailabilityZone: `${retireRegion}a`, Size: sizeGiB, VolumeType: 'gp3' }));
  const { SnapshotId } = await client.send(new CreateSnapshotCommand({ VolumeId, Description: 'Root volume' }));
  const snapshotId = must(SnapshotId, 'the snapshot id');
  const { ImageId } = await client.send(new RegisterImageCommand({
    Name: name, Architecture: 'x86_64', RootDeviceName: '/dev/xvda', VirtualizationType: 'hvm',
    BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: snapshotId, VolumeSize: sizeGiB, VolumeType: 'gp3', DeleteOnTermination: true } }],
    TagSpecifications: Object.keys(tags).length ? [{ ResourceType: 'image', Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }] : undefined,
  }));
  client.destroy();
  return { imageId: must(ImageId, 'the image id'), name, snapshotId, sizeGiB, ageDays };
}

/** Which of `snapshotIds` still exist. */
export async function existingSnapshots(snapshotIds: readonly string[]): Promise<string[]> {
  const client = new EC2Client({ region: retireRegion, endpoint: process.env.AWS_ENDPOINT_URL_EC2 });
  const out = await client.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }));
  client.destroy();
  return (out.Snapshots ?? []).map((s) => s.SnapshotId ?? '').filter((id) => snapshotIds.includes(id));
}

/** Launches one instance from the image (the sandbox records the image's last launch) and returns its id. */
export async function launchFrom(imageId: string): Promise<string> {
  const client = new EC2Client({ region: retireRegion, endpoint: process.env.AWS_ENDPOINT_URL_EC2 });
  const out = await client.send(new RunInstancesCommand({ ImageId: imageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 }));
  client.destroy();
  return must(out.Instances?.[0]?.InstanceId, 'the instance id');
}

/** Turns on the image's deregistration protection. */
export async function protect(imageId: string): Promise<void> {
  const client = new EC2Client({ region: retireRegion, endpoint: process.env.AWS_ENDPOINT_URL_EC2 });
  await client.send(new EnableImageDeregistrationProtectionCommand({ ImageId: imageId }));
  client.destroy();
}

/** The images among `imageIds` EC2 still lists, by id. */
export async function imagesNow(imageIds: readonly string[]): Promise<Map<string, Image>> {
  const client = new EC2Client({ region: retireRegion, endpoint: process.env.AWS_ENDPOINT_URL_EC2 });
  const out = await client.send(new DescribeImagesCommand({ Owners: ['self'], IncludeDeprecated: true, IncludeDisabled: true }));
  client.destroy();
  return new Map((out.Images ?? []).filter((i) => imageIds.includes(i.ImageId ?? '')).map((i) => [i.ImageId ?? '', i]));
}
