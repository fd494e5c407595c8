// What Stop, Start, Reboot and Terminate say before anything changes: the summary, what is lost, the modal. Pure.
import type { VolumeInfo } from '../../aws/instanceModel';
import type { InstanceInfo } from '../../aws/model';
import type { ActionSummary } from '../../shared/summaryText';
import { instanceLabel, verbRules, type InstanceVerb } from './request';

/** An attached EBS volume, with its size when DescribeVolumes told it. */
export interface AttachedVolume extends Partial<VolumeInfo> {
  readonly volumeId: string;
  readonly deviceName: string;
  readonly deleteOnTermination: boolean;
}

/** What the instance holds that a state change may lose; undefined / 'unknown' where it could not be read. */
export interface InstanceFacts {
  readonly volumes: readonly AttachedVolume[];
  /** GiB of local instance-store disks of its type; 'none' when the type has none. */
  readonly instanceStore: number | 'none' | 'unknown';
  /** Its Elastic IPs; undefined when they could not be read. */
  readonly elasticIps?: readonly string[];
}

function volumeText(v: AttachedVolume): string {
  return `${v.volumeId} (${v.sizeGiB === undefined ? 'size unknown' : `${v.sizeGiB} GiB`}, ${v.deviceName})`;
}

/** What becomes of its local disks' data, or undefined when it has none. */
function instanceStoreLine(instance: InstanceInfo, facts: InstanceFacts): string | undefined {
  if (instance.rootDeviceType === 'instance-store') {
    return 'Its instance-store root device and all data on it are lost';
  }
  if (facts.instanceStore === 'none') {
    return undefined;
  }
  return facts.instanceStore === 'unknown'
    ? 'Data on its instance-store volumes, if its type has any, is lost'
    : `Data on its instance-store volumes (${facts.instanceStore} GiB of local disks) is lost`;
}

/** What becomes of its public address when it stops or goes, or undefined when it has none. */
function publicIpLine(instance: InstanceInfo, facts: InstanceFacts, verb: 'stop' | 'terminate'): string | undefined {
  const ip = instance.publicIp;
  if (!ip) {
    return undefined;
  }
  if (facts.elasticIps?.includes(ip)) {
    return verb === 'stop' ? `Its Elastic IP ${ip} stays associated`
      : `Its Elastic IP ${ip} is disassociated and stays allocated to the account (still billed)`;
  }
  const released = verb === 'stop' ? `Its public IP ${ip} is released; it gets a new one when it starts` : `Its public IP ${ip} is released`;
  return facts.elasticIps ? released : `${released}, unless it is an Elastic IP`;
}

const present = (lines: readonly (string | undefined)[]): string[] => lines.filter((l): l is string => l !== undefined);

/** Every fact of what terminating loses, one a line: volumes deleted and kept, local disks, the public IP. */
export function terminationLosses(instance: InstanceInfo, facts: InstanceFacts): string[] {
  const deleted = facts.volumes.filter((v) => v.deleteOnTermination);
  const kept = facts.volumes.filter((v) => !v.deleteOnTermination);
  return present([
    deleted.length ? `EBS volumes deleted with it (DeleteOnTermination): ${deleted.map(volumeText).join(', ')}` : 'No EBS volume is deleted with it',
    kept.length ? `EBS volumes kept, detached (they still cost storage): ${kept.map(volumeText).join(', ')}` : undefined,
    instanceStoreLine(instance, facts),
    publicIpLine(instance, facts, 'terminate'),
  ]);
}

function verbLines(verb: InstanceVerb, instance: InstanceInfo, facts: InstanceFacts): string[] {
  const who = `${instanceLabel(instance)}, now ${instance.state}${instance.type ? `, ${instance.type}` : ''}`;
  switch (verb) {
    case 'stop':
      return present([
        `Stops ${who}: its operating system shuts down; its running hours stop being billed, its EBS storage still is`,
        facts.volumes.length ? `Keeps its EBS volumes: ${facts.volumes.map(volumeText).join(', ')}` : undefined,
        instanceStoreLine(instance, facts),
        publicIpLine(instance, facts, 'stop'),
      ]);
    case 'start':
      return [`Starts ${who}: billed while it runs`];
    case 'reboot':
      return [`Reboots ${who}: its operating system restarts; it keeps its public IP, its volumes and its instance-store data`];
    case 'terminate':
      return [`Terminates ${who}: it cannot be started again`, ...terminationLosses(instance, facts)];
  }
}

/** The summary before the change: the instance, what it loses or costs, and where. */
export function instanceStateSummary(verb: InstanceVerb, instance: InstanceInfo, facts: InstanceFacts): ActionSummary {
  const { title } = verbRules[verb];
  return {
    title: `${title} ${instanceLabel(instance)}`,
    accept: title,
    regions: [instance.region],
    lines: verbLines(verb, instance, facts),
    destructive: verb === 'terminate',
  };
}

/** The modal after the summary: Terminate, naming the instance and everything lost with it. */
export function terminationQuestion(instance: InstanceInfo, facts: InstanceFacts): { message: string; detail: string } {
  return {
    message: `Terminate ${instanceLabel(instance)} in ${instance.region}?`,
    detail: [...terminationLosses(instance, facts).map((l) => `${l}.`), 'A terminated instance cannot be started again. This cannot be undone.'].join('\n'),
  };
}

/** Why Terminate refuses a protected instance, and how to lift the protection. */
export function protectedMessage(instance: InstanceInfo): string {
  return `${instanceLabel(instance)} in ${instance.region} has termination protection on (DisableApiTermination), so EC2 refuses to terminate it. `
    + 'Turn it off first (EC2 console: Actions → Instance settings → Change termination protection, or '
    + `\`aws ec2 modify-instance-attribute --instance-id ${instance.id} --no-disable-api-termination --region ${instance.region}\`), then terminate it again.`;
}
