import * as vscode from 'vscode';
import { namingResource } from '../../aws/deniedResource';
import type { ImageCreationRequest } from '../../aws/launchModel';
import type { InstanceInfo } from '../../aws/model';
import { checkWith, readOptions, required } from '../../shared/options';
import { waitForAccepted, withProgress } from '../../shared/progress';
import type { CommandHandler } from '../../shared/registerCommand';
import { checkInstanceId, checkRegion } from '../../shared/validation';
import type { ActionDeps } from '../common/actionDeps';
import { askImageCreation } from './wizard';
import { nameTaken } from './imageNameCheck';
import { createImageSummary, parseCreateRequest } from './request';
import { reviewAnswers } from '../common/confirmChange';
import type { Answers } from '../../shared/wizard/wizard';
import { invocationOf, prefillsEverything, withoutConfirmed, type Invocation } from '../common/invocation';

export async function findInstance(deps: ActionDeps, region: string, instanceId: string): Promise<InstanceInfo> {
  const instance = await deps.aws.findInstance(region, instanceId);
  if (!instance) {
    throw new Error(`The instance ${instanceId} does not exist in ${region}. Check the id and the region.`);
  }
  return instance;
}

/** What EC2 would refuse, found before CreateImage: the instance (running or stopped) and a name already in use. */
async function checkCreatable(deps: ActionDeps, region: string, request: ImageCreationRequest): Promise<InstanceInfo> {
  // Read afresh: the node's or the wizard's copy may be minutes old.
  const instance = await findInstance(deps, region, request.instanceId);
  if (instance.state !== 'running' && instance.state !== 'stopped') {
    throw new Error(`The instance ${instance.id} is ${instance.state}: EC2 makes images only of running or stopped instances. `
      + (instance.state === 'terminated' || instance.state === 'shutting-down' ? 'Choose another instance.' : 'Wait until it is running or stopped, then try again.'));
  }
  const taken = await nameTaken(deps, region, request.name);
  if (taken) {
    throw new Error(taken);
  }
  return instance;
}

/** Creates the image, waits until it is available, and shows it under the region's Owned by me. Returns its id. */
async function create(deps: ActionDeps, region: string, request: ImageCreationRequest, instance: InstanceInfo, interactive: boolean): Promise<string> {
  let imageId = '';
  let stoppedWaiting = false;
  const rebooting = !request.noReboot && instance.state === 'running';
  await withProgress(`Creating image ${request.name} from ${instance.name ?? instance.id}`, async (report, signal) => {
    if (rebooting) {
      report('rebooting the instance for a consistent file system…');
    }
    imageId = await deps.aws.createImageFromInstance(region, request, signal)
      .catch((error: unknown) => { throw namingResource(error, `instance ${request.instanceId}`); });
    report(`${imageId}: waiting until it is available (snapshots take minutes for large volumes)…`);
    stoppedWaiting = !await waitForAccepted(
      () => deps.aws.waitForImageAvailable(region, imageId, 3600, signal),
      (reason) => `Created ${imageId} in ${region}, but it did not become available: ${reason}`,
    );
  });
  deps.images.refreshRegion(region);
  const outcome = await deps.images.reveal(imageId, region, ['owned']);
  if (interactive) {
    const state = stoppedWaiting ? 'is being created (no longer waiting for it)' : 'is available';
    const where = outcome === 'revealed' ? '' : outcome === 'regionNotShown'
      ? ` Add ${region} with "AMI Explorer: Select Regions" to see it in the Images view.`
      : ' The Images view\'s filter hides it.';
    void vscode.window.showInformationMessage(`${request.name} (${imageId}) ${state} in ${region}.${where}`);
  }
  return imageId;
}

/** The instance and request a command works on: a link's complete object as it is, else the wizard. */
async function askRequest(deps: ActionDeps, call: Invocation): Promise<Answers<{ region: string; request: ImageCreationRequest }> | undefined> {
  if (call.via === 'link' && prefillsEverything(call.input, ['instanceId', 'region'])) {
    return { value: parseCreateRequest(withoutConfirmed(call.input)) };
  }
  let instance = call.via === 'tree' ? deps.instances.instanceOf(call.node) : undefined;
  if (!instance && call.via === 'link') {
    const { instanceId, region } = readOptions(call.input, { instanceId: required(checkWith(checkInstanceId)), region: required(checkWith(checkRegion)) }, 'Create image');
    instance = await findInstance(deps, region as string, instanceId as string);
  }
  return askImageCreation(deps, instance);
}

/**
 * amiExplorer.createImage: from an instance node, the palette (region, then instance) or a link (an object
 * pre-fills the wizard), always through the summary. Returns the new image id.
 */
export function createImage(deps: ActionDeps): CommandHandler {
  return async (...args) => {
    const reviewed = await reviewAnswers(deps.aws, await askRequest(deps, invocationOf(args)),
      (asked) => checkCreatable(deps, asked.region, asked.request), (asked, instance) => createImageSummary(asked.request, instance));
    return reviewed && create(deps, reviewed.answers.region, reviewed.answers.request, reviewed.plan, true);
  };
}

/** The API's createImage: `{ instanceId, region, name, description?, noReboot?, tags? }`. */
export async function createImageApi(deps: ActionDeps, input: unknown): Promise<string> {
  const { region, request } = parseCreateRequest(input);
  return create(deps, region, request, await checkCreatable(deps, region, request), false);
}
