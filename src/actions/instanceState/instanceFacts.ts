import type { AwsService } from '../../aws/awsService';
import type { InstanceInfo } from '../../aws/model';
import type { InstanceVerb } from './request';
import type { InstanceFacts } from './summary';

/**
 * What a stop or a termination would lose, read from EC2: each volume's size, the type's local disks and whether
 * the public IP is an Elastic IP. A read that fails (a narrow policy) leaves its fact unknown, never "none".
 */
export async function readInstanceFacts(aws: AwsService, instance: InstanceInfo, verb: InstanceVerb): Promise<InstanceFacts> {
  const attached = instance.volumes ?? [];
  if (verb === 'start' || verb === 'reboot') {
    return { volumes: attached, instanceStore: 'unknown' };
  }
  const { region } = instance;
  const [sizes, instanceStore, elasticIps] = await Promise.all([
    aws.describeVolumes(region, attached.map((v) => v.volumeId)).catch(() => []),
    instance.type
      ? aws.findInstanceType(region, instance.type).then((t) => (t ? t.instanceStorageGiB ?? 'none' as const : 'unknown' as const), () => 'unknown' as const)
      : 'unknown' as const,
    instance.publicIp ? aws.elasticIpsOf(region, instance.id).catch(() => undefined) : [],
  ]);
  return {
    volumes: attached.map((v) => ({ ...v, ...sizes.find((s) => s.id === v.volumeId) })),
    instanceStore,
    elasticIps,
  };
}
