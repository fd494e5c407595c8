import { DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import type { Connection, InstanceInfo, Page } from '../model';
import { ec2Client } from './clients';
import { toInstanceInfo } from './convert';

export async function listInstancesPage(
  connection: Connection, region: string, pageSize: number, nextToken: string | undefined, signal?: AbortSignal,
): Promise<Page<InstanceInfo>> {
  const out = await ec2Client(connection, region).send(
    new DescribeInstancesCommand({
      MaxResults: Math.max(5, Math.min(1000, pageSize)),
      NextToken: nextToken,
      // Terminated instances cannot be imaged; they only add noise.
      Filters: [{ Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped', 'shutting-down'] }],
    }),
    { abortSignal: signal },
  );
  const items = (out.Reservations ?? []).flatMap((r) => (r.Instances ?? []).map((i) => toInstanceInfo(i, region)));
  return { items, nextToken: out.NextToken || undefined };
}
