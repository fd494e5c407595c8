import {
  DescribeAddressesCommand, DescribeInstanceAttributeCommand, DescribeVolumesCommand, RebootInstancesCommand, StartInstancesCommand,
  StopInstancesCommand, TerminateInstancesCommand, paginateDescribeInstances, waitUntilInstanceRunning, waitUntilInstanceStopped,
  waitUntilInstanceTerminated,
} from '@aws-sdk/client-ec2';
import type { InstanceStateChange as SdkStateChange } from '@aws-sdk/client-ec2';
import type { InstanceStateChange, SettledState, VolumeInfo } from '../instanceModel';
import type { Connection, InstanceInfo } from '../model';
import { ec2Client } from './clients';
import { toInstanceInfo } from './convert';

function change(changes: readonly SdkStateChange[] | undefined, instanceId: string): InstanceStateChange {
  const found = (changes ?? []).find((c) => c.InstanceId === instanceId);
  return { instanceId, previousState: found?.PreviousState?.Name, currentState: found?.CurrentState?.Name };
}

export async function stopInstance(connection: Connection, region: string, instanceId: string, signal?: AbortSignal): Promise<InstanceStateChange> {
  const out = await ec2Client(connection, region).send(new StopInstancesCommand({ InstanceIds: [instanceId] }), { abortSignal: signal });
  return change(out.StoppingInstances, instanceId);
}

export async function startInstance(connection: Connection, region: string, instanceId: string, signal?: AbortSignal): Promise<InstanceStateChange> {
  const out = await ec2Client(connection, region).send(new StartInstancesCommand({ InstanceIds: [instanceId] }), { abortSignal: signal });
  return change(out.StartingInstances, instanceId);
}

export async function rebootInstance(connection: Connection, region: string, instanceId: string, signal?: AbortSignal): Promise<void> {
  await ec2Client(connection, region).send(new RebootInstancesCommand({ InstanceIds: [instanceId] }), { abortSignal: signal });
}

export async function terminateInstance(connection: Connection, region: string, instanceId: string, signal?: AbortSignal): Promise<InstanceStateChange> {
  const out = await ec2Client(connection, region).send(new TerminateInstancesCommand({ InstanceIds: [instanceId] }), { abortSignal: signal });
  return change(out.TerminatingInstances, instanceId);
}

const waiters = { running: waitUntilInstanceRunning, stopped: waitUntilInstanceStopped, terminated: waitUntilInstanceTerminated };

/** Until the instance reports `state`, or `maxWaitSeconds` pass (EC2 goes on either way). */
export async function waitForInstanceState(
  connection: Connection, region: string, instanceId: string, state: SettledState, maxWaitSeconds: number, signal?: AbortSignal,
): Promise<void> {
  await waiters[state]({ client: ec2Client(connection, region), maxWaitTime: maxWaitSeconds, abortSignal: signal }, { InstanceIds: [instanceId] });
}

/** Whether termination protection (DisableApiTermination) is on. */
export async function terminationProtected(connection: Connection, region: string, instanceId: string, signal?: AbortSignal): Promise<boolean> {
  const out = await ec2Client(connection, region).send(
    new DescribeInstanceAttributeCommand({ InstanceId: instanceId, Attribute: 'disableApiTermination' }),
    { abortSignal: signal },
  );
  return out.DisableApiTermination?.Value === true;
}

export async function describeVolumes(connection: Connection, region: string, volumeIds: readonly string[], signal?: AbortSignal): Promise<VolumeInfo[]> {
  if (!volumeIds.length) {
    return [];
  }
  const out = await ec2Client(connection, region).send(new DescribeVolumesCommand({ VolumeIds: [...volumeIds] }), { abortSignal: signal });
  return (out.Volumes ?? []).map((v) => ({ id: v.VolumeId ?? '', sizeGiB: v.Size, type: v.VolumeType }));
}

/** The Elastic IPs associated with the instance: they stay with the account when it stops or goes. */
export async function elasticIpsOf(connection: Connection, region: string, instanceId: string, signal?: AbortSignal): Promise<string[]> {
  const out = await ec2Client(connection, region).send(
    new DescribeAddressesCommand({ Filters: [{ Name: 'instance-id', Values: [instanceId] }] }),
    { abortSignal: signal },
  );
  return (out.Addresses ?? []).flatMap((a) => (a.PublicIp ? [a.PublicIp] : []));
}

/** The region's instances in any of `states`, every page. */
export async function listInstancesInStates(connection: Connection, region: string, states: readonly string[], signal?: AbortSignal): Promise<InstanceInfo[]> {
  const out: InstanceInfo[] = [];
  const pages = paginateDescribeInstances(
    { client: ec2Client(connection, region), pageSize: 1000 },
    { Filters: [{ Name: 'instance-state-name', Values: [...states] }] }, { abortSignal: signal },
  );
  for await (const page of pages) {
    signal?.throwIfAborted();
    out.push(...(page.Reservations ?? []).flatMap((r) => (r.Instances ?? []).map((i) => toInstanceInfo(i, region))));
  }
  return out;
}
