import * as vscode from 'vscode';
import { namingResource } from '../aws/deniedResource';
import type { LaunchRequest } from '../aws/launchModel';
import type { ImageInfo } from '../aws/model';
import { isProgrammatic } from '../shared/commandArgs';
import { waitForAccepted, withProgress } from '../shared/progress';
import type { CommandHandler } from '../shared/registerCommand';
import { checkImageId, checkRegion, checkTagValue, ensureValid } from '../shared/validation';
import type { ActionDeps } from './actionDeps';
import { imageTarget } from './imageTarget';
import { checkInstanceCount, checkInstanceType, checkKeyName, checkSecurityGroupIds, checkSubnetId } from './launchChoices';
import { askLaunch } from './launchInstanceWizard';
import { ImageNode } from '../explorer/nodes/imageNode';

/** `{ imageId, region, instanceType, count?, name?, keyName?, securityGroupIds?, subnetId? }`, checked before any call. */
function parseLaunchArgs(arg: Record<string, unknown>): { region: string; request: LaunchRequest } {
  const imageId = ensureValid(arg.imageId, checkImageId) as string;
  const region = ensureValid(arg.region, checkRegion) as string;
  const instanceType = ensureValid(arg.instanceType, checkInstanceType) as string;
  const count = arg.count ?? 1;
  // A number, not the text the wizard's input box accepts.
  ensureValid(count, (v) => (typeof v === 'number' ? checkInstanceCount(v) : `The instance count must be a number, not ${JSON.stringify(v)}.`));
  if (arg.name !== undefined) {
    ensureValid(arg.name, checkTagValue);
  }
  if (arg.keyName !== undefined) {
    ensureValid(arg.keyName, checkKeyName);
  }
  if (arg.subnetId !== undefined) {
    ensureValid(arg.subnetId, checkSubnetId);
  }
  if (arg.securityGroupIds !== undefined) {
    ensureValid(arg.securityGroupIds, checkSecurityGroupIds);
  }
  return {
    region,
    request: {
      imageId, instanceType, count: count as number,
      name: (arg.name as string | undefined) || undefined,
      keyName: arg.keyName as string | undefined,
      subnetId: arg.subnetId as string | undefined,
      securityGroupIds: arg.securityGroupIds as string[] | undefined,
    },
  };
}

export async function findImage(deps: ActionDeps, region: string, imageId: string): Promise<ImageInfo> {
  const [image] = await deps.aws.call('DescribeImages', region, (sdk, c) => sdk.findImagesById(c, region, [imageId]));
  if (!image) {
    throw new Error(`The image ${imageId} does not exist in ${region}, or this account cannot see it. Check the id and the region.`);
  }
  return image;
}

/**
 * Everything EC2 would refuse, found before anything launches: the image's state, the instance type and its
 * architecture, the key pair, the subnet, and security groups of the VPC the instances go into.
 */
async function checkLaunchable(deps: ActionDeps, region: string, request: LaunchRequest, image: ImageInfo, allowUnavailable: boolean): Promise<void> {
  const { aws } = deps;
  if (image.state !== 'available' && !allowUnavailable) {
    throw new Error(`The image ${image.id} (${image.name}) is ${image.state}, not available, so EC2 cannot launch it${image.stateReason ? ` (${image.stateReason})` : ''}. `
      + (image.state === 'pending' ? 'Wait until it is available, then launch again.' : 'Choose another image.'));
  }
  const type = await aws.call('DescribeInstanceTypes', region, (sdk, c) => sdk.findInstanceType(c, region, request.instanceType));
  if (!type) {
    throw new Error(`"${request.instanceType}" is not an instance type EC2 offers in ${region}. Choose an existing type, e.g. ${image.architecture === 'arm64' ? 't4g.micro' : 't3.micro'}.`);
  }
  if (image.architecture && !type.architectures.includes(image.architecture)) {
    throw new Error(`${type.name} runs ${type.architectures.join('/')} but the image ${image.id} is ${image.architecture}. `
      + `Choose an ${image.architecture} instance type, e.g. ${image.architecture === 'arm64' ? 't4g.micro' : 't3.micro'}.`);
  }
  if (request.keyName) {
    const keys = await aws.call('DescribeKeyPairs', region, (sdk, c) => sdk.existingKeyPairs(c, region, [request.keyName!]));
    if (!keys.includes(request.keyName)) {
      throw new Error(`There is no key pair "${request.keyName}" in ${region}. Create or import it there, or launch without a key pair.`);
    }
  }
  let vpcId: string | undefined;
  if (request.subnetId) {
    const [subnet] = await aws.call('DescribeSubnets', region, (sdk, c) => sdk.listSubnets(c, region, [request.subnetId!]));
    if (!subnet) {
      throw new Error(`There is no subnet ${request.subnetId} in ${region}. Choose a subnet of the region, or leave it out to use the default VPC.`);
    }
    vpcId = subnet.vpcId;
  } else {
    vpcId = await aws.call('DescribeVpcs', region, (sdk, c) => sdk.defaultVpcId(c, region));
    if (!vpcId) {
      throw new Error(`${region} has no default VPC, so the instances need a subnet. Give a subnetId.`);
    }
  }
  const wanted = request.securityGroupIds ?? [];
  if (wanted.length) {
    const groups = await aws.call('DescribeSecurityGroups', region, (sdk, c) => sdk.listSecurityGroups(c, region, { ids: wanted }));
    for (const id of wanted) {
      const group = groups.find((g) => g.id === id);
      if (!group) {
        throw new Error(`There is no security group ${id} in ${region}. Choose a group of ${vpcId}.`);
      }
      if (group.vpcId !== vpcId) {
        throw new Error(`The security group ${id} belongs to ${group.vpcId ?? 'no VPC'}, but the instances go into ${vpcId}`
          + `${request.subnetId ? ` (the VPC of ${request.subnetId})` : ' (the default VPC)'}. Choose groups of ${vpcId}.`);
      }
    }
  }
}

/** Launches, waits until the instances run, and shows them in the Instances view. Returns their ids. */
async function launch(deps: ActionDeps, region: string, request: LaunchRequest, image: ImageInfo, interactive: boolean): Promise<string[]> {
  await checkLaunchable(deps, region, request, image, interactive);
  const what = `${request.count} × ${request.instanceType} from ${image.name}`;
  let ids: string[] = [];
  let stoppedWaiting = false;
  await withProgress(`Launching ${what} in ${region}`, async (report, signal) => {
    ids = await deps.aws.call('RunInstances', region, (sdk, c) => sdk.runInstances(c, region, request, signal))
      .catch((error: unknown) => { throw namingResource(error, `image ${request.imageId}`); });
    deps.instances.refreshRegion(region);
    report(`waiting until ${ids.join(', ')} ${ids.length === 1 ? 'is' : 'are'} running…`);
    stoppedWaiting = !await waitForAccepted(
      () => deps.aws.call('DescribeInstances', region, (sdk, c) => sdk.waitForInstancesRunning(c, region, ids, signal)),
      (reason) => `Launched ${ids.join(', ')} in ${region}, but they did not reach "running": ${reason}`,
    );
  });
  const shown = await deps.instances.reveal(ids, region);
  if (interactive) {
    const state = stoppedWaiting ? 'launched (no longer waiting for them to run)' : 'running';
    const where = shown ? '' : ` Add ${region} with "AMI Explorer: Select Regions" to see them in the Instances view.`;
    void vscode.window.showInformationMessage(`${ids.join(', ')} ${state} in ${region}.${where}`);
  }
  return ids;
}

/**
 * amiExplorer.launchInstance: from an image node, the palette, a hover link (`[{ imageId, region }, 'link']`),
 * or programmatically with `{ imageId, region, instanceType, count?, name?, keyName?, securityGroupIds?, subnetId? }`,
 * which returns the new instance ids.
 */
export function launchInstance(deps: ActionDeps): CommandHandler {
  return async (arg, via) => {
    if (isProgrammatic(arg, via)) {
      const { region, request } = parseLaunchArgs(arg);
      const image = await findImage(deps, region, request.imageId);
      return launch(deps, region, request, image, false);
    }
    const target = await imageTarget(deps.aws, arg, deps.atCursor);
    if (!target) {
      return undefined;
    }
    const image = arg instanceof ImageNode ? arg.image : await findImage(deps, target.region, target.imageId);
    const request = await askLaunch(deps, image, target.region);
    return request ? launch(deps, target.region, request, image, true) : undefined;
  };
}
