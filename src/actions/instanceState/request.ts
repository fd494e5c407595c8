// What Stop, Start, Reboot and Terminate accept, check and say before anything changes. Pure.
import type { SettledState, VolumeInfo } from '../../aws/instanceModel';
import type { InstanceInfo } from '../../aws/model';
import { checkWith, isBoolean, optional, readOptions, required, type Schema } from '../../shared/options';
import type { ActionSummary } from '../../shared/summaryText';
import { checkInstanceId, checkRegion } from '../../shared/validation';

export type InstanceVerb = 'stop' | 'start' | 'reboot' | 'terminate';

interface VerbRules {
  /** "Stop", as in the command's title and the summary's button. */
  readonly title: string;
  /** "Stopping", for the progress notification. */
  readonly doing: string;
  /** The states EC2 applies the verb to. */
  readonly from: readonly string[];
  /** Where the instance ends up. */
  readonly settles: SettledState;
}

export const verbRules: Readonly<Record<InstanceVerb, VerbRules>> = {
  stop: { title: 'Stop', doing: 'Stopping', from: ['running'], settles: 'stopped' },
  start: { title: 'Start', doing: 'Starting', from: ['stopped'], settles: 'running' },
  reboot: { title: 'Reboot', doing: 'Rebooting', from: ['running'], settles: 'running' },
  terminate: { title: 'Terminate', doing: 'Terminating', from: ['pending', 'running', 'stopping', 'stopped'], settles: 'terminated' },
};

/** "web-1 (i-0abc…)", or the id alone for an instance without a Name tag. */
export function instanceLabel(instance: Pick<InstanceInfo, 'id' | 'name'>): string {
  return instance.name ? `${instance.name} (${instance.id})` : instance.id;
}

const gone = ['shutting-down', 'terminated'];

/** Undefined when EC2 would apply `verb` to the instance as it is now, else why not and what to do instead. */
export function checkVerbApplies(verb: InstanceVerb, instance: InstanceInfo): string | undefined {
  const who = instanceLabel(instance);
  const { state } = instance;
  if (verbRules[verb].from.includes(state)) {
    return verb === 'stop' && instance.rootDeviceType === 'instance-store'
      ? `${who} has an instance-store root device, which EC2 cannot stop: reboot or terminate it instead.`
      : undefined;
  }
  if (gone.includes(state)) {
    return verb === 'terminate' ? `${who} is ${state} already.` : `${who} is ${state}: it cannot be stopped, started or rebooted again.`;
  }
  switch (verb) {
    case 'stop':
      return state === 'pending' ? `${who} is pending: EC2 stops only an instance that has reached "running". Wait until it runs, then stop it.`
        : `${who} is ${state} already.`;
    case 'start':
      return state === 'stopping' ? `${who} is stopping: wait until it has stopped, then start it.` : `${who} is ${state} already.`;
    case 'reboot':
      return `${who} is ${state}: only a running instance can be rebooted.${state === 'stopped' ? ' Start it instead.' : ''}`;
    default:
      return `${who} is ${state}.`;
  }
}

const targetSchema: Schema = {
  instanceId: required(checkWith(checkInstanceId)),
  region: required(checkWith(checkRegion)),
};
const terminateSchema: Schema = { ...targetSchema, confirmed: optional(isBoolean) };

export interface InstanceTarget {
  readonly instanceId: string;
  readonly region: string;
}

/** `{ instanceId, region }`, and for terminate `confirmed?` (which the API requires, and a link may not give). */
export function parseInstanceRequest(verb: InstanceVerb, input: unknown): InstanceTarget {
  const arg = readOptions(input, verb === 'terminate' ? terminateSchema : targetSchema, `${verbRules[verb].title} instance`);
  return { instanceId: arg.instanceId as string, region: arg.region as string };
}

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
