// The benchmark's own estate: images spread evenly over many regions, created through the EC2 API.
import { CreateSnapshotCommand, CreateVolumeCommand, EC2Client, RegisterImageCommand } from '@aws-sdk/client-ec2';
import type { BenchContext } from './context';
import { mapLimit } from './stats';

export const benchRegions = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-north-1',
  'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-south-1',
  'ca-central-1', 'sa-east-1',
] as const;

export interface Estate {
  /** Image ids in creation order: image i lives in region i mod the region count, so any prefix spans them all. */
  readonly ids: readonly string[];
  readonly regionOf: ReadonlyMap<string, string>;
  readonly createMs: number;
}

/** Registers `count` EBS-backed images, one shared root snapshot per region, with at most `concurrency` calls in flight. */
export async function createEstate(endpoint: string, count: number, concurrency = 8): Promise<Estate> {
  const start = Date.now();
  const clients = new Map(benchRegions.map((region) => [region, new EC2Client({ region, endpoint, maxAttempts: 2 })]));
  const snapshots = new Map(await mapLimit(benchRegions, concurrency, async (region) => {
    const client = clients.get(region)!;
    const volume = await client.send(new CreateVolumeCommand({ AvailabilityZone: `${region}a`, Size: 8, VolumeType: 'gp3' }));
    const snapshot = await client.send(new CreateSnapshotCommand({ VolumeId: volume.VolumeId, Description: 'Root volume' }));
    return [region, snapshot.SnapshotId!] as const;
  }));
  const regionOf = new Map<string, string>();
  const ids = await mapLimit(Array.from({ length: count }, (_, i) => i), concurrency, async (i) => {
    const region = benchRegions[i % benchRegions.length]!;
    const arm = i % 3 === 0;
    const out = await clients.get(region)!.send(new RegisterImageCommand({
      Name: `service-${String(i).padStart(4, '0')}-${arm ? 'arm64' : 'x86_64'}`,
      Description: 'Application image',
      Architecture: arm ? 'arm64' : 'x86_64',
      RootDeviceName: '/dev/xvda',
      VirtualizationType: 'hvm',
      EnaSupport: true,
      BootMode: arm ? 'uefi' : 'uefi-preferred',
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: snapshots.get(region), VolumeSize: 8, VolumeType: 'gp3', DeleteOnTermination: true } }],
      TagSpecifications: [{ ResourceType: 'image', Tags: [{ Key: 'Project', Value: `service-${i % 40}` }, { Key: 'Team', Value: 'platform' }] }],
    }));
    regionOf.set(out.ImageId!, region);
    return out.ImageId!;
  });
  for (const client of clients.values()) {
    client.destroy();
  }
  return { ids, regionOf, createMs: Date.now() - start };
}

/** The estate of `count` images, created once per run (through moto directly) and shared by the parts that need it. */
export function sharedEstate(context: BenchContext, count: number): Promise<Estate> {
  const key = `estate:${count}`;
  let estate = context.shared.get(key) as Promise<Estate> | undefined;
  if (!estate) {
    estate = createEstate(context.motoEndpoint, count);
    context.shared.set(key, estate);
  }
  return estate;
}
