import * as vscode from 'vscode';
import { noIcons } from '../../shared/format';
import type { AwsService } from '../../aws/awsService';
import type { InstanceTypeInfo, LaunchRequest, SubnetInfo } from '../../aws/launchModel';
import type { ImageInfo } from '../../aws/model';
import { checkTagValue } from '../../shared/validation';
import { answersOf, Wizard, type Answers, type Choice, type Entry, type WizardStep } from '../../shared/wizard/wizard';
import type { ActionDeps } from '../common/actionDeps';
import { instanceProfileStep } from './instanceProfileStep';
import type { LaunchContext } from './launchContext';
import { userDataStep } from './userDataStep';
import {
  checkInstanceCount, describeInstanceType, isCommonType, launchWarning, maxLaunchCount, sortInstanceTypes,
} from './launchChoices';


function typeItems(types: readonly InstanceTypeInfo[], architecture: string): Entry<string>[] {
  const sorted = sortInstanceTypes(types, architecture);
  const item = (t: InstanceTypeInfo): Choice<string> => ({ label: t.name, description: describeInstanceType(t), value: t.name });
  const common = sorted.filter((t) => isCommonType(t.name, architecture));
  return [
    ...(common.length ? [{ heading: 'Common' }, ...common.map(item)] : []),
    { heading: `All ${architecture} types` },
    ...sorted.filter((t) => !isCommonType(t.name, architecture)).map(item),
  ];
}

const instanceType: WizardStep<LaunchContext> = {
  async prompt(ctx, ui) {
    ctx.instanceType = await ui.pick({
      title: `${ctx.architecture} instance type`, placeholder: noIcons(`Types that run ${ctx.image.name}`), matchOnDescription: true,
      items: ctx.aws.listInstanceTypes(ctx.region, ctx.architecture).then((types) => typeItems(types, ctx.architecture)),
    });
  },
};

const keyPair: WizardStep<LaunchContext> = {
  async prompt(ctx, ui) {
    const noKey = { label: 'No key pair', description: 'connect with Session Manager or EC2 Instance Connect', value: undefined };
    ctx.keyName = await ui.pick<string | undefined>({
      title: 'key pair',
      items: ctx.aws.listKeyPairNames(ctx.region).then((keys) => [noKey, ...keys.map((k) => ({ label: noIcons(k), value: k }))]),
    });
  },
};

type Placement = { subnet?: SubnetInfo; vpcId?: string };

/** The default VPC (EC2 picks its subnet) and each subnet; none at all is an error saying how to make one. */
async function placements(aws: AwsService, region: string): Promise<Choice<Placement>[]> {
  const [subnets, defaultVpc] = await Promise.all([aws.listSubnets(region, undefined), aws.defaultVpcId(region)]);
  if (!defaultVpc && !subnets.length) {
    throw new Error(`${region} has no default VPC and no subnets to launch into. Create a VPC with a subnet there (or the default VPC: \`aws ec2 create-default-vpc --region ${region}\`), then launch again.`);
  }
  return [
    ...(defaultVpc ? [{ label: 'Default VPC', description: `${defaultVpc} · EC2 picks the subnet`, value: { vpcId: defaultVpc } }] : []),
    ...subnets.map((s) => ({
      label: noIcons(s.name ?? s.id), description: [s.name ? s.id : undefined, s.availabilityZone, s.cidr].filter(Boolean).join(' · '),
      detail: s.vpcId, value: { subnet: s, vpcId: s.vpcId },
    })),
  ];
}

const subnet: WizardStep<LaunchContext> = {
  async prompt(ctx, ui) {
    const placement = await ui.pick({ title: 'subnet', matchOnDescription: true, matchOnDetail: true, items: placements(ctx.aws, ctx.region) });
    ctx.subnet = placement.subnet;
    ctx.vpcId = placement.vpcId;
  },
};

const securityGroups: WizardStep<LaunchContext> = {
  async prompt(ctx, ui) {
    ctx.securityGroups = await ui.pickMany({
      title: `security groups of ${ctx.vpcId ?? 'the VPC'}`, placeholder: 'None picked: the VPC\'s default group', matchOnDescription: true,
      items: ctx.aws.listSecurityGroups(ctx.region, { vpcId: ctx.vpcId }).then((groups) => groups.map((g) => ({
        label: noIcons(g.name), description: g.id, detail: g.description && noIcons(g.description), value: g, picked: g.name === 'default',
      }))),
    });
  },
};

const name: WizardStep<LaunchContext> = {
  async prompt(ctx, ui) {
    ctx.name = (await ui.input({ title: 'Name tag', prompt: 'The instances\' Name tag (empty: none)', validate: checkTagValue })).trim() || undefined;
  },
};

const count: WizardStep<LaunchContext> = {
  async prompt(ctx, ui) {
    ctx.count = Number(await ui.input({ title: 'count', prompt: `How many instances (1 to ${maxLaunchCount})`, value: '1', validate: checkInstanceCount }));
  },
};

/** A launch as asked: the image, its region and the request. */
export interface AskedLaunch {
  readonly image: ImageInfo;
  readonly region: string;
  readonly request: LaunchRequest;
}

/**
 * The interactive Launch: instance type (of the image's architecture), key pair, subnet, security groups, instance
 * profile, user data, Name tag and count, with IMDSv2 required; the command's summary follows. Undefined when the person cancels at any step.
 */
export async function askLaunch(deps: ActionDeps, image: ImageInfo, region: string): Promise<Answers<AskedLaunch> | undefined> {
  const warning = launchWarning(image);
  if (warning) {
    const go = await vscode.window.showWarningMessage(warning, { modal: true, detail: 'Launch it anyway?' }, 'Launch anyway');
    if (go !== 'Launch anyway') {
      return undefined;
    }
  }
  const wizard = new Wizard<LaunchContext>('Launch from image', [
    instanceType, keyPair, subnet, securityGroups, instanceProfileStep, userDataStep, name, count,
  ], {
    aws: deps.aws, image, region, architecture: image.architecture ?? 'x86_64',
  });
  return answersOf(wizard, (ctx) => ({
    image, region,
    request: {
      imageId: image.id, instanceType: ctx.instanceType ?? '', count: ctx.count ?? 1, name: ctx.name,
      keyName: ctx.keyName, subnetId: ctx.subnet?.id, securityGroupIds: (ctx.securityGroups ?? []).map((g) => g.id),
      instanceProfile: ctx.instanceProfile, userData: ctx.userData, imdsV2: true,
    },
  }));
}
