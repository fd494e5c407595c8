import * as vscode from 'vscode';
import type { AwsService } from '../../aws/awsService';
import { namingResource } from '../../aws/deniedResource';
import { AwsError } from '../../aws/errors';
import { ensureKnownRegions } from '../../aws/knownRegions';
import type { InstanceInfo } from '../../aws/model';
import { confirmDestructive } from '../../shared/confirm';
import { noLinks } from '../../shared/format';
import { waitForAccepted, withProgress } from '../../shared/progress';
import type { CommandHandler } from '../../shared/registerCommand';
import type { Answers } from '../../shared/wizard/wizard';
import type { ActionDeps } from '../common/actionDeps';
import { reviewAnswers } from '../common/confirmChange';
import { ensureConfirmed, invocationOf, withoutConfirmed, type Invocation } from '../common/invocation';
import { readInstanceFacts } from './instanceFacts';
import { checkVerbApplies, instanceLabel, parseInstanceRequest, verbRules, type InstanceTarget, type InstanceVerb } from './request';
import { instanceStateSummary, protectedMessage, terminationQuestion, type InstanceFacts } from './summary';
import { askInstance } from './wizard';

/** The longest the wait for "stopped", "running" or "terminated" lasts; EC2 goes on after it either way. */
const maxWaitSeconds = 600;

interface Prepared {
  readonly verb: InstanceVerb;
  readonly instance: InstanceInfo;
  readonly facts: InstanceFacts;
}

/**
 * The instance as EC2 has it now, checked for everything EC2 would refuse (its state, termination protection), with
 * what the change would lose. `programmatic`: a typo in the region would otherwise read as "no such instance".
 */
async function prepare(deps: ActionDeps, verb: InstanceVerb, target: InstanceTarget, programmatic: boolean): Promise<Prepared> {
  const { aws } = deps;
  const { instanceId, region } = target;
  if (programmatic) {
    await ensureKnownRegions(aws, [region]);
  }
  const instance = await aws.findInstance(region, instanceId);
  if (!instance) {
    throw new Error(`There is no instance ${instanceId} in ${region}. Check the id and the region.`);
  }
  const problem = checkVerbApplies(verb, instance);
  if (problem) {
    throw new Error(problem);
  }
  // Unreadable protection (a narrow policy) is left to EC2, whose refusal is explained the same way.
  if (verb === 'terminate' && await aws.terminationProtected(region, instanceId).catch(() => false)) {
    throw new Error(protectedMessage(instance));
  }
  return { verb, instance, facts: await readInstanceFacts(aws, instance, verb) };
}

function send(aws: AwsService, verb: InstanceVerb, region: string, instanceId: string, signal: AbortSignal): Promise<unknown> {
  switch (verb) {
    case 'stop':
      return aws.stopInstance(region, instanceId, signal);
    case 'start':
      return aws.startInstance(region, instanceId, signal);
    case 'reboot':
      return aws.rebootInstance(region, instanceId, signal);
    case 'terminate':
      return aws.terminateInstance(region, instanceId, signal);
  }
}

function explained(error: unknown, { verb, instance }: Prepared): unknown {
  if (verb === 'terminate' && error instanceof AwsError && error.code === 'OperationNotPermitted') {
    return new Error(protectedMessage(instance));
  }
  return namingResource(error, `instance ${instance.id}`);
}

/**
 * Asks EC2 for the change, then waits (cancellable) until the instance settles, refreshing its region of the
 * Instances view after each. Its state as EC2 then reports it, and whether the wait ran to the end.
 */
async function applyChange(deps: ActionDeps, prepared: Prepared): Promise<{ state: string; waited: boolean }> {
  const { verb, instance } = prepared;
  const { region, id } = instance;
  const { doing, settles } = verbRules[verb];
  const who = instanceLabel(instance);
  let waited = true;
  try {
    await withProgress(noLinks(`${doing} ${who} in ${region}`), async (report, signal) => {
      await send(deps.aws, verb, region, id, signal).catch((error: unknown) => {
        throw explained(error, prepared);
      });
      deps.instances.refreshRegion(region);
      if (verb === 'reboot') {
        return; // It stays "running": there is no state to wait for.
      }
      report(`waiting until it is ${settles}…`);
      waited = await waitForAccepted(
        () => deps.aws.waitForInstanceState(region, id, settles, maxWaitSeconds, signal),
        (reason) => `EC2 accepted to ${verb} ${who} in ${region}, but it did not become ${settles}: ${reason}`,
      );
    });
  } finally {
    deps.instances.refreshRegion(region);
  }
  const now = await deps.aws.findInstance(region, id);
  return { state: now?.state ?? settles, waited };
}

/** The instance a command acts on: a tree item, a link's `{ instanceId, region }`, or (from the palette) asked for. */
async function askTarget(deps: ActionDeps, verb: InstanceVerb, call: Invocation): Promise<Answers<InstanceTarget> | undefined> {
  const fromTree = call.via === 'tree' ? deps.instances.instanceOf(call.node) : undefined;
  if (fromTree) {
    return { value: { instanceId: fromTree.id, region: fromTree.region } };
  }
  if (call.via === 'link') {
    return { value: parseInstanceRequest(verb, withoutConfirmed(call.input)) };
  }
  return askInstance(deps, verb);
}

/**
 * amiExplorer.stopInstance / startInstance / rebootInstance / terminateInstance: from an instance node, the palette
 * (region, then instance) or a link, after a summary naming the instance and what it loses; Terminate also asks in a
 * modal. Returns the instance's state afterwards, as EC2 reports it.
 */
export function instanceStateCommand(deps: ActionDeps, verb: InstanceVerb): CommandHandler {
  return async (...args) => {
    const call = invocationOf(args);
    const reviewed = await reviewAnswers(deps.aws, await askTarget(deps, verb, call),
      (target) => prepare(deps, verb, target, call.via === 'link'), (_target, prepared) => instanceStateSummary(verb, prepared.instance, prepared.facts));
    if (!reviewed) {
      return undefined;
    }
    const prepared = reviewed.plan;
    if (verb === 'terminate') {
      const { message, detail } = terminationQuestion(prepared.instance, prepared.facts);
      if (!await confirmDestructive(message, detail, verbRules.terminate.title)) {
        return undefined;
      }
    }
    const { state, waited } = await applyChange(deps, prepared);
    const { instance } = prepared;
    // The Name tag is the account's text: a notification would make a link of it.
    void vscode.window.showInformationMessage(noLinks(waited
      ? `${instanceLabel(instance)} is ${state} in ${instance.region}.`
      : `${instanceLabel(instance)} in ${instance.region} is ${state}; no longer waiting for it to be ${verbRules[verb].settles} (EC2 carries on).`));
    return state;
  };
}

/** The API's stopInstance, startInstance, rebootInstance and terminateInstance: `{ instanceId, region }` (+ `confirmed: true` to terminate). */
export async function instanceStateApi(deps: ActionDeps, verb: InstanceVerb, input: unknown): Promise<string> {
  const target = parseInstanceRequest(verb, input);
  if (verb === 'terminate') {
    ensureConfirmed(input as Record<string, unknown>, `Terminating ${target.instanceId} in ${target.region} cannot be undone`);
  }
  return (await applyChange(deps, await prepare(deps, verb, target, true))).state;
}
