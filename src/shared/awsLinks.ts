// Where an image or instance lives in the AWS console, and its ARN, by the partition of its region. Pure.
import { partitionOf, type Partition } from './partition';

export type ResourceKind = 'image' | 'instance';

/** The EC2 console of each partition with a public one; the isolated and sovereign partitions have none here. */
const consoleHosts: Partial<Record<Partition, (region: string) => string>> = {
  aws: (region) => `${region}.console.aws.amazon.com`,
  'aws-cn': () => 'console.amazonaws.cn',
  'aws-us-gov': () => 'console.amazonaws-us-gov.com',
};

const pages: Record<ResourceKind, (id: string) => string> = {
  image: (id) => `ImageDetails:imageId=${encodeURIComponent(id)}`,
  instance: (id) => `InstanceDetails:instanceId=${encodeURIComponent(id)}`,
};

/** The console page of the image or instance, or undefined when its partition has no public console. */
export function consoleUrl(kind: ResourceKind, region: string, id: string): string | undefined {
  const host = consoleHosts[partitionOf(region)];
  return host && `https://${host(region)}/ec2/home?region=${encodeURIComponent(region)}#${pages[kind](id)}`;
}

/** Images have no account in their ARN; instances have their account's. */
export function resourceArn(kind: ResourceKind, region: string, id: string, account?: string): string {
  const partition = partitionOf(region);
  return kind === 'image'
    ? `arn:${partition}:ec2:${region}::image/${id}`
    : `arn:${partition}:ec2:${region}:${account ?? ''}:instance/${id}`;
}
