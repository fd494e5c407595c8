import * as vscode from 'vscode';
import { namingResource } from '../../aws/deniedResource';
import type { LaunchRequest, SecurityGroupInfo, SubnetInfo } from '../../aws/launchModel';
import type { ImageInfo } from '../../aws/model';
import { waitForAccepted, withProgress } from '../../shared/progress';
import type { CommandHandler } from '../../shared/registerCommand';
import type { ActionDeps } from '../common/actionDeps';
import { imageTarget } from '../common/imageTarget';
import { reviewAnswers } from '../common/confirmChange';
import type { ActionSummary } from '../../shared/summaryText';
import type { Answers } from '../../shared/wizard/wizard';
import { invocationOf, prefillsEverything, withoutConfirmed, type Invocation } from '../common/invocation';
import { launchSummary, launchWarning, type LaunchPlan } from './launchChoices';
import { parseLaunchRequest } from './request';
import { askLaunch, type AskedLaunch } from './wizard';

export async function findImage(deps: ActionDeps, region: string, imageId: string): Promise<ImageInfo> {
  const [image] = await deps.aws.findImagesById(region, [imageId]);
  if (!image) {
    throw new Error(`The image ${imageId} does not exist in ${region}, or this account cannot see it. Check the id and the region.`);
  }
  return image;
}

/**
 * Everything EC2 would refuse, found before anything launches: the image's state, the instance type and its
 * architecture, the key pair, the subnet, and security groups of the VPC the instances go into.
 */
async function checkLaunchable(deps: ActionDeps, region: string, request: LaunchRequest, image: ImageInfo, allowUnavailable: boolean): Promise<LaunchPlan & LaunchRequest> {
  const { aws } = deps;
  if (image.state !== 'available' && !allowUnavailable) {
    throw new Error(`The image ${image.id} (${image.name}) is ${image.state}, not available, so EC2 cannot launch it${image.stateReason ? ` (${image.stateReason})` : ''}. `
      + (image.state === 'pending' ? 'Wait until it is available, then launch again.' : 'Choose another image.'));
  }
  const type = await aws.findInstanceType(region, request.instanceType);
  if (!type) {
    throw new Error(`"${request.instanceType}" is not an instance type EC2 offers in ${region}. Choose an existing type, e.g. ${image.architecture === 'arm64' ? 't4g.micro' : 't3.micro'}.`);
  }
  if (image.architecture && !type.architectures.includes(image.architecture)) {
    throw new Error(`${type.name} runs ${type.architectures.join('/')} but the image ${image.id} is ${image.architecture}. `
      + `Choose an ${image.architecture} instance type, e.g. ${image.architecture === 'arm64' ? 't4g.micro' : 't3.micro'}.`);
  }
  if (request.keyName) {
    const keys = await aws.existingKeyPairs(region, [request.keyName]);
    if (!keys.includes(request.keyName)) {
      throw new Error(`There is no key pair "${request.keyName}" in ${region}. Create or import it there, or launch without a key pair.`);
    }
  }
  let vpcId: string | undefined;
  let subnet: SubnetInfo | undefined;
  if (request.subnetId) {
    [subnet] = await aws.listSubnets(region, [request.subnetId]);
    if (!subnet) {
      throw new Error(`There is no subnet ${request.subnetId} in ${region}. Choose a subnet of the region, or leave it out to use the default VPC.`);
    }
    vpcId = subnet.vpcId;
  } else {
    vpcId = await aws.defaultVpcId(region);
    if (!vpcId) {
      throw new Error(`${region} has no default VPC, so the instances need a subnet. Give a subnetId.`);
    }
  }
  const wanted = request.securityGroupIds ?? [];
  let groups: SecurityGroupInfo[] = [];
  if (wanted.length) {
    groups = await aws.listSecurityGroups(region, { ids: wanted });
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
  await checkInstanceProfileExists(deps, region, request.instanceProfile);
  return { ...request, image, region, subnet, securityGroups: wanted.map((id) => groups.find((g) => g.id === id)!) };
}

/** Refuses an instance profile the account does not have; when IAM will not list them, EC2's answer decides. */
async function checkInstanceProfileExists(deps: ActionDeps, region: string, profile: string | undefined): Promise<void> {
  if (!profile) {
    return;
  }
  const profiles = await deps.aws.listInstanceProfiles(region).catch(() => undefined);
  if (profiles && !profiles.some((p) => p.name === profile || p.arn === profile)) {
    const some = profiles.slice(0, 10).map((p) => p.name);
    throw new Error(`There is no instance profile "${profile}" in this account. `
      + `${some.length ? `Choose one of ${some.join(', ')}${profiles.length > some.length ? ', …' : ''}` : 'Create one in IAM (a role for EC2 comes with one)'}, or launch without an instance profile.`);
  }
}

/** Launches as planned, waits until the instances run, and shows them in the Instances view. Returns their ids. */
async function launch(deps: ActionDeps, plan: LaunchPlan & LaunchRequest, interactive: boolean): Promise<string[]> {
  const { region } = plan;
  const request: LaunchRequest = {
    imageId: plan.imageId, instanceType: plan.instanceType, count: plan.count, name: plan.name, keyName: plan.keyName,
    subnetId: plan.subnetId, securityGroupIds: plan.securityGroupIds, userData: plan.userData, instanceProfile: plan.instanceProfile,
    imdsV2: plan.imdsV2,
  };
  const what = `${request.count} × ${request.instanceType} from ${plan.image.name}`;
  let ids: string[] = [];
  let stoppedWaiting = false;
  await withProgress(`Launching ${what} in ${region}`, async (report, signal) => {
    ids = await deps.aws.runInstances(region, request, signal)
      .catch((error: unknown) => { throw namingResource(error, `image ${request.imageId}`); });
    deps.instances.refreshRegion(region);
    report(`waiting until ${ids.join(', ')} ${ids.length === 1 ? 'is' : 'are'} running…`);
    stoppedWaiting = !await waitForAccepted(
      () => deps.aws.waitForInstancesRunning(region, ids, signal),
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

/** The image and request a command works on: a link's complete object as it is, else the wizard from the image. */
async function askRequest(deps: ActionDeps, call: Invocation): Promise<Answers<AskedLaunch> | undefined> {
  if (call.via === 'link' && prefillsEverything(call.input)) {
    const { region, request } = parseLaunchRequest(withoutConfirmed(call.input));
    return { value: { image: await findImage(deps, region, request.imageId), region, request } };
  }
  const node = call.via === 'tree' ? call.node : undefined;
  const target = await imageTarget(deps, call.via === 'link' ? call.input : node);
  if (!target) {
    return undefined;
  }
  const image = deps.images.imageOf(node) ?? await findImage(deps, target.region, target.imageId);
  return askLaunch(deps, image, target.region);
}

function summaryOf(image: ImageInfo, plan: LaunchPlan & LaunchRequest): ActionSummary {
  const lines = launchSummary(plan);
  const warning = launchWarning(image);
  return {
    title: `Launch ${plan.count} × ${plan.instanceType} from ${image.name}`,
    accept: plan.count === 1 ? 'Launch' : `Launch ${plan.count} Instances`,
    regions: [plan.region],
    lines: warning ? [warning, ...lines] : lines,
  };
}

/**
 * amiExplorer.launchInstance: from an image node, the palette or a link (`{ imageId, region, … }` pre-fills the
 * wizard), always through the summary. Returns the new instance ids.
 */
export function launchInstance(deps: ActionDeps): CommandHandler {
  return async (...args) => {
    const reviewed = await reviewAnswers(deps.aws, await askRequest(deps, invocationOf(args)),
      (asked) => checkLaunchable(deps, asked.region, asked.request, asked.image, true), (asked, plan) => summaryOf(asked.image, plan));
    return reviewed && launch(deps, reviewed.plan, true);
  };
}

/**
 * The API's launchInstance: `{ imageId, region, instanceType, count?, name?, keyName?, securityGroupIds?, subnetId?,
 * userData?, instanceProfile?, imdsV2? }`.
 */
export async function launchInstanceApi(deps: ActionDeps, input: unknown): Promise<string[]> {
  const { region, request } = parseLaunchRequest(input);
  const image = await findImage(deps, region, request.imageId);
  return launch(deps, await checkLaunchable(deps, region, request, image, false), false);
}
