import {
  DescribeInstanceTypesCommand, DescribeKeyPairsCommand, DescribeVpcsCommand, RunInstancesCommand, paginateDescribeInstanceTypes, paginateDescribeSecurityGroups,
  paginateDescribeSubnets, waitUntilInstanceRunning,
} from '@aws-sdk/client-ec2';
import type { _InstanceType, InstanceTypeInfo as SdkInstanceType, SecurityGroup, Subnet, TagSpecification } from '@aws-sdk/client-ec2';
import type { InstanceTypeInfo, LaunchRequest, SecurityGroupInfo, SubnetInfo } from '../launchModel';
import type { Connection } from '../model';
import { ec2Client } from './clients';
import { tagsToRecord } from './convert';

/** The longest an instance may take to reach `running` before the wait gives up (EC2 usually needs under a minute). */
const runningWaitSeconds = 600;

function toInstanceType(t: SdkInstanceType): InstanceTypeInfo {
  return {
    name: t.InstanceType ?? '',
    architectures: t.ProcessorInfo?.SupportedArchitectures ?? [],
    vcpus: t.VCpuInfo?.DefaultVCpus,
    memoryMiB: t.MemoryInfo?.SizeInMiB,
    currentGeneration: t.CurrentGeneration === true,
    freeTierEligible: t.FreeTierEligible === true,
    instanceStorageGiB: t.InstanceStorageSupported ? t.InstanceStorageInfo?.TotalSizeInGB : undefined,
  };
}

function toSubnet(s: Subnet): SubnetInfo {
  return {
    id: s.SubnetId ?? '',
    vpcId: s.VpcId ?? '',
    availabilityZone: s.AvailabilityZone,
    cidr: s.CidrBlock,
    name: tagsToRecord(s.Tags).Name || undefined,
    defaultForAz: s.DefaultForAz === true,
  };
}

function toSecurityGroup(g: SecurityGroup): SecurityGroupInfo {
  return { id: g.GroupId ?? '', name: g.GroupName ?? g.GroupId ?? '', vpcId: g.VpcId, description: g.Description || undefined };
}

/** Every instance type that runs `architecture` (e.g. x86_64, arm64), read page by page. */
export async function listInstanceTypes(connection: Connection, region: string, architecture: string, signal?: AbortSignal): Promise<InstanceTypeInfo[]> {
  const out: InstanceTypeInfo[] = [];
  const pages = paginateDescribeInstanceTypes(
    { client: ec2Client(connection, region), pageSize: 100 },
    { Filters: [{ Name: 'processor-info.supported-architecture', Values: [architecture] }] }, { abortSignal: signal },
  );
  for await (const page of pages) {
    signal?.throwIfAborted();
    out.push(...(page.InstanceTypes ?? []).map(toInstanceType));
  }
  return out;
}

/** One instance type, or undefined when the region does not offer it. */
export async function findInstanceType(connection: Connection, region: string, instanceType: string, signal?: AbortSignal): Promise<InstanceTypeInfo | undefined> {
  try {
    const out = await ec2Client(connection, region).send(new DescribeInstanceTypesCommand({ InstanceTypes: [instanceType as _InstanceType] }), { abortSignal: signal });
    const found = out.InstanceTypes?.[0];
    return found && toInstanceType(found);
  } catch (error) {
    if ((error as { name?: string }).name === 'InvalidInstanceType') {
      return undefined;
    }
    throw error;
  }
}

export async function listKeyPairNames(connection: Connection, region: string, signal?: AbortSignal): Promise<string[]> {
  const out = await ec2Client(connection, region).send(new DescribeKeyPairsCommand({}), { abortSignal: signal });
  return (out.KeyPairs ?? []).flatMap((k) => (k.KeyName ? [k.KeyName] : [])).sort((a, b) => a.localeCompare(b));
}

/** The names among `names` that are key pairs of the region. */
export async function existingKeyPairs(connection: Connection, region: string, names: readonly string[], signal?: AbortSignal): Promise<string[]> {
  const out = await ec2Client(connection, region).send(
    new DescribeKeyPairsCommand({ Filters: [{ Name: 'key-name', Values: [...names] }] }),
    { abortSignal: signal },
  );
  return (out.KeyPairs ?? []).flatMap((k) => (k.KeyName ? [k.KeyName] : []));
}

/** The subnets of the region, or only those among `ids` (the filter skips unknown ids instead of failing). */
export async function listSubnets(connection: Connection, region: string, ids?: readonly string[], signal?: AbortSignal): Promise<SubnetInfo[]> {
  const out: SubnetInfo[] = [];
  const pages = paginateDescribeSubnets(
    { client: ec2Client(connection, region) },
    { Filters: ids ? [{ Name: 'subnet-id', Values: [...ids] }] : undefined }, { abortSignal: signal },
  );
  for await (const page of pages) {
    signal?.throwIfAborted();
    out.push(...(page.Subnets ?? []).map(toSubnet));
  }
  return out;
}

/** The region's default VPC, or undefined when the account has none there. */
export async function defaultVpcId(connection: Connection, region: string, signal?: AbortSignal): Promise<string | undefined> {
  const out = await ec2Client(connection, region).send(
    new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }),
    { abortSignal: signal },
  );
  return out.Vpcs?.[0]?.VpcId;
}

/** Security groups of one VPC, or those among `ids` wherever they are. */
export async function listSecurityGroups(
  connection: Connection, region: string, where: { vpcId?: string; ids?: readonly string[] }, signal?: AbortSignal,
): Promise<SecurityGroupInfo[]> {
  const filters = [];
  if (where.vpcId) {
    filters.push({ Name: 'vpc-id', Values: [where.vpcId] });
  }
  if (where.ids) {
    filters.push({ Name: 'group-id', Values: [...where.ids] });
  }
  const out: SecurityGroupInfo[] = [];
  const pages = paginateDescribeSecurityGroups({ client: ec2Client(connection, region) }, { Filters: filters.length ? filters : undefined }, { abortSignal: signal });
  for await (const page of pages) {
    signal?.throwIfAborted();
    out.push(...(page.SecurityGroups ?? []).map(toSecurityGroup));
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** An instance profile given by ARN or by name, as RunInstances takes it. */
function profileSpecification(profile: string): { Arn?: string; Name?: string } {
  return profile.startsWith('arn:') ? { Arn: profile } : { Name: profile };
}

/** RunInstances for exactly `count` instances (all or none); the Name tag goes on the instances and their volumes. */
export async function runInstances(connection: Connection, region: string, request: LaunchRequest, signal?: AbortSignal): Promise<string[]> {
  const tags: TagSpecification[] | undefined = request.name
    ? ['instance' as const, 'volume' as const].map((kind) => ({ ResourceType: kind, Tags: [{ Key: 'Name', Value: request.name }] }))
    : undefined;
  const out = await ec2Client(connection, region).send(
    new RunInstancesCommand({
      ImageId: request.imageId,
      InstanceType: request.instanceType as _InstanceType,
      MinCount: request.count,
      MaxCount: request.count,
      KeyName: request.keyName,
      SecurityGroupIds: request.securityGroupIds?.length ? [...request.securityGroupIds] : undefined,
      SubnetId: request.subnetId,
      TagSpecifications: tags,
      // EC2 takes user data base64-encoded; people and callers give its text.
      UserData: request.userData === undefined ? undefined : Buffer.from(request.userData, 'utf8').toString('base64'),
      IamInstanceProfile: request.instanceProfile ? profileSpecification(request.instanceProfile) : undefined,
      // IMDSv1 answers any request from the instance, which server-side request forgery can reach; v2 needs a token.
      MetadataOptions: request.imdsV2 ? { HttpTokens: 'required', HttpEndpoint: 'enabled' } : undefined,
    }),
    { abortSignal: signal },
  );
  return (out.Instances ?? []).flatMap((i) => (i.InstanceId ? [i.InstanceId] : []));
}

export async function waitForInstancesRunning(connection: Connection, region: string, instanceIds: readonly string[], signal?: AbortSignal): Promise<void> {
  await waitUntilInstanceRunning(
    { client: ec2Client(connection, region), maxWaitTime: runningWaitSeconds, abortSignal: signal },
    { InstanceIds: [...instanceIds] },
  );
}
