// What the deregister summary and confirmation say about who uses each image: what EC2 reports (counts and names),
// or that it could not be checked; never a guess. Pure.
import type { ImageInfo } from '../../aws/model';
import { joinAnd, plural } from '../../shared/format';
import { countOf, inAccountText, type UsageGroup } from '../../shared/usageText';
import type { UsageCheck } from '../common/deregistration';

const empty: readonly UsageGroup[] = [];

function groupsOf(usage: UsageCheck, imageId: string): readonly UsageGroup[] {
  return 'byImage' in usage ? usage.byImage.get(imageId)?.groups ?? empty : empty;
}

/**
 * "pettracker-ml-v1.2 (ami-0abc…, us-east-1): used by 1 instance (pettracker-api-1) and 1 launch template (web)".
 * Without a usage check (or when it failed) the live instances read by DescribeInstances stand in for it.
 */
export function imageUsageLine(image: Pick<ImageInfo, 'id' | 'name' | 'region'>, instances: readonly string[] | undefined, usage: UsageCheck | undefined): string {
  const where = `${image.name} (${image.id}, ${image.region})`;
  const running = instances?.length
    ? `${plural(instances.length, 'instance')} still run${instances.length === 1 ? 's' : ''} from it (${instances.join(', ')})` : 'no instance runs from it';
  if (!usage) {
    return `${where}: ${running}`;
  }
  if ('error' in usage) {
    return `${where}: ${running}; ${inAccountText(usage)}`;
  }
  return `${where}: ${inAccountText({ groups: groupsOf(usage, image.id) })}`;
}

/**
 * What deregistering means for what uses the images: running instances go on, but the launch templates, SSM
 * parameters and recipes EC2 named can no longer launch them; nothing, when EC2 found nothing.
 */
export function usageConsequence(images: readonly Pick<ImageInfo, 'id'>[], usage: readonly (UsageCheck | undefined)[], anyRunning: boolean): string {
  const them = images.length === 1 ? 'it' : 'them';
  const these = images.length === 1 ? 'this image' : 'these images';
  const checks = usage.filter((u): u is UsageCheck => u !== undefined);
  if (checks.length < usage.length || checks.some((u) => 'error' in u)) {
    // Not checked everywhere: say what is certain, and name nothing as safe.
    return `${anyRunning ? 'Running instances keep running, but n' : 'N'}o new instance can be launched from ${these}; whatever still names ${them} (launch templates, Auto Scaling groups, SSM parameters) will fail to launch.`;
  }
  const counts = new Map<string, number>();
  for (const check of checks) {
    for (const image of images) {
      for (const g of groupsOf(check, image.id)) {
        counts.set(g.resourceType, (counts.get(g.resourceType) ?? 0) + g.items.length);
      }
    }
  }
  const instances = counts.get('ec2:Instance') ?? 0;
  counts.delete('ec2:Instance');
  const launchers = [...counts].map(([type, n]) => countOf(type, n));
  if (!instances && !launchers.length) {
    return `No new instance can be launched from ${these}; EC2 reports nothing of this account that uses ${them}.`;
  }
  const keep = instances ? `The ${plural(instances, 'instance')} above keep${instances === 1 ? 's' : ''} running, but n` : 'N';
  const fail = launchers.length ? `: the ${joinAnd(launchers)} above will fail to launch` : '';
  return `${keep}o new instance can be launched from ${these}${fail}.`;
}
