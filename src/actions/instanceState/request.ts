// What Stop, Start, Reboot and Terminate accept and check before anything changes. Pure.
import type { SettledState } from '../../aws/instanceModel';
import type { InstanceInfo } from '../../aws/model';
import { checkWith, isBoolean, optional, readOptions, required, type Schema } from '../../shared/options';
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
