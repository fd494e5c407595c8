import * as vscode from 'vscode';
import { namingResource } from '../aws/deniedResource';
import type { ImageCreationRequest } from '../aws/launchModel';
import type { InstanceInfo } from '../aws/model';
import { InstanceNode } from '../explorer/nodes/instanceNodes';
import { isPlainObject } from '../shared/plainObject';
import { waitForAccepted, withProgress } from '../shared/progress';
import type { CommandHandler } from '../shared/registerCommand';
import { checkImageName, checkInstanceId, checkRegion, ensureValid } from '../shared/validation';
import type { ActionDeps } from './actionDeps';
import { askImageCreation, pickInstance } from './createImageWizard';
import { nameTaken } from './imageNameCheck';
import { checkImageDescription, checkImageTags } from './imageVersion';

/** `{ instanceId, region, name, description?, noReboot?, tags? }`, checked before any call. */
function parseCreateArgs(arg: Record<string, unknown>): { region: string; request: ImageCreationRequest } {
  const instanceId = ensureValid(arg.instanceId, checkInstanceId) as string;
  const region = ensureValid(arg.region, checkRegion) as string;
  const name = ensureValid(arg.name, checkImageName) as string;
  if (arg.description !== undefined) {
    ensureValid(arg.description, checkImageDescription);
  }
  if (arg.noReboot !== undefined && typeof arg.noReboot !== 'boolean') {
    throw new Error(`noReboot must be true or false, not ${JSON.stringify(arg.noReboot)}.`);
  }
  const tags = arg.tags === undefined ? {} : ensureValid(arg.tags, checkImageTags) as Record<string, string>;
  return {
    region,
    request: { instanceId, name, description: (arg.description as string | undefined) || undefined, noReboot: arg.noReboot === true, tags },
  };
}

export async function findInstance(deps: ActionDeps, region: string, instanceId: string): Promise<InstanceInfo> {
  const instance = await deps.aws.call('DescribeInstances', region, (sdk, c) => sdk.findInstance(c, region, instanceId));
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
async function create(deps: ActionDeps, region: string, request: ImageCreationRequest, interactive: boolean): Promise<string> {
  const instance = await checkCreatable(deps, region, request);
  let imageId = '';
  let stoppedWaiting = false;
  const rebooting = !request.noReboot && instance.state === 'running';
  await withProgress(`Creating image ${request.name} from ${instance.name ?? instance.id}`, async (report, signal) => {
    if (rebooting) {
      report('rebooting the instance for a consistent file system…');
    }
    imageId = await deps.aws.call('CreateImage', region, (sdk, c) => sdk.createImageFromInstance(c, region, request, signal))
      .catch((error: unknown) => { throw namingResource(error, `instance ${request.instanceId}`); });
    report(`${imageId}: waiting until it is available (snapshots take minutes for large volumes)…`);
    stoppedWaiting = !await waitForAccepted(
      () => deps.aws.call('DescribeImages', region, (sdk, c) => sdk.waitForImageAvailable(c, region, imageId, signal)),
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

/**
 * amiExplorer.createImage: from an instance node, the palette (region, then instance), or programmatically with
 * `{ instanceId, region, name, description?, noReboot?, tags? }`, which returns the new image id.
 */
export function createImage(deps: ActionDeps): CommandHandler {
  return async (arg) => {
    if (isPlainObject(arg)) {
      const { region, request } = parseCreateArgs(arg);
      return create(deps, region, request, false);
    }
    const instance = arg instanceof InstanceNode ? arg.instance : await pickInstance(deps);
    if (!instance) {
      return undefined;
    }
    const request = await askImageCreation(deps, instance);
    return request ? create(deps, instance.region, request, true) : undefined;
  };
}
