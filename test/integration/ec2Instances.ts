// EC2 state the Launch and Create image suites set up and check, straight from the API.
import {
  DescribeInstancesCommand, DescribeSnapshotsCommand, RunInstancesCommand, type Instance, type Snapshot,
} from '@aws-sdk/client-ec2';
import { ec2 } from './ec2';
import { must } from '../must';

export async function runTestInstance(region: string, imageId: string, tags: Record<string, string>): Promise<string> {
  const out = await ec2(region).send(new RunInstancesCommand({
    ImageId: imageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1,
    TagSpecifications: [{ ResourceType: 'instance', Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }],
  }));
  return must(out.Instances?.[0]?.InstanceId, `the id of the instance launched from ${imageId}`);
}

/** Every instance of the region that is not terminated. */
export async function liveInstances(region: string): Promise<Instance[]> {
  const out = await ec2(region).send(new DescribeInstancesCommand({
    Filters: [{ Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped'] }],
  }));
  return (out.Reservations ?? []).flatMap((r) => r.Instances ?? []);
}

export async function instancesById(region: string, ids: readonly string[]): Promise<Instance[]> {
  const out = await ec2(region).send(new DescribeInstancesCommand({ InstanceIds: [...ids] }));
  return (out.Reservations ?? []).flatMap((r) => r.Instances ?? []);
}

export async function snapshotsOf(region: string, ids: readonly string[]): Promise<Snapshot[]> {
  const out = await ec2(region).send(new DescribeSnapshotsCommand({ SnapshotIds: [...ids] }));
  return out.Snapshots ?? [];
}
