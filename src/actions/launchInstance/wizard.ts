import * as vscode from 'vscode';
import { noIcons } from '../../shared/format';
import type { InstanceTypeInfo, LaunchRequest, SecurityGroupInfo, SubnetInfo } from '../../aws/launchModel';
import type { ImageInfo } from '../../aws/model';
import { checkTagValue } from '../../shared/validation';
import type { ActionDeps } from '../common/actionDeps';
import {
  checkInstanceCount, describeInstanceType, isCommonType, launchWarning, maxLaunchCount, sortInstanceTypes,
} from './launchChoices';

type Item<T> = vscode.QuickPickItem & { value?: T };

const step = (n: number, title: string) => `Launch from image (${n}/6): ${title}`;

function typeItems(types: readonly InstanceTypeInfo[], architecture: string): Item<string>[] {
  const sorted = sortInstanceTypes(types, architecture);
  const items: Item<string>[] = [];
  const common = sorted.filter((t) => isCommonType(t.name, architecture));
  if (common.length) {
    items.push({ label: 'Common', kind: vscode.QuickPickItemKind.Separator });
    items.push(...common.map((t) => ({ label: t.name, description: describeInstanceType(t), value: t.name })));
  }
  items.push({ label: `All ${architecture} types`, kind: vscode.QuickPickItemKind.Separator });
  items.push(...sorted.filter((t) => !isCommonType(t.name, architecture)).map((t) => ({ label: t.name, description: describeInstanceType(t), value: t.name })));
  return items;
}

function subnetItem(s: SubnetInfo): Item<SubnetInfo> {
  return { label: noIcons(s.name ?? s.id), description: [s.name ? s.id : undefined, s.availabilityZone, s.cidr].filter(Boolean).join(' · '), detail: s.vpcId, value: s };
}

function groupItem(g: SecurityGroupInfo): Item<SecurityGroupInfo> {
  return { label: noIcons(g.name), description: g.id, detail: g.description && noIcons(g.description), value: g, picked: g.name === 'default' };
}

/**
 * The interactive Launch: instance type (of the image's architecture), key pair, subnet, security groups, Name
 * tag and count; the command's summary follows. Undefined when the person cancels at any step.
 */
export async function askLaunch(deps: ActionDeps, image: ImageInfo, region: string): Promise<LaunchRequest | undefined> {
  const { aws } = deps;
  const warning = launchWarning(image);
  if (warning) {
    const go = await vscode.window.showWarningMessage(warning, { modal: true, detail: 'Launch it anyway?' }, 'Launch anyway');
    if (go !== 'Launch anyway') {
      return undefined;
    }
  }
  const architecture = image.architecture ?? 'x86_64';
  const typeList = aws.listInstanceTypes(region, architecture);
  const typePick = await vscode.window.showQuickPick<Item<string>>(
    typeList.then((t) => typeItems(t, architecture)),
    { title: step(1, `instance type (${architecture})`), placeHolder: `Types that run ${image.name}`, matchOnDescription: true, ignoreFocusOut: true },
  );
  if (!typePick?.value) {
    return undefined;
  }

  const noKey: Item<string> = { label: 'No key pair', description: 'connect with Session Manager or EC2 Instance Connect' };
  const keyList = aws.listKeyPairNames(region);
  const keyPick = await vscode.window.showQuickPick<Item<string>>(
    keyList.then((keys) => [noKey, ...keys.map((k) => ({ label: noIcons(k), value: k }))]),
    { title: step(2, 'key pair'), ignoreFocusOut: true },
  );
  if (!keyPick) {
    return undefined;
  }

  const [subnets, defaultVpc] = await Promise.all([
    aws.listSubnets(region, undefined),
    aws.defaultVpcId(region),
  ]);
  if (!defaultVpc && !subnets.length) {
    throw new Error(`${region} has no default VPC and no subnets to launch into. Create a VPC with a subnet there (or the default VPC: \`aws ec2 create-default-vpc --region ${region}\`), then launch again.`);
  }
  const defaultItem: Item<SubnetInfo> = { label: 'Default VPC', description: `${defaultVpc ?? ''} · EC2 picks the subnet` };
  const subnetPick = await vscode.window.showQuickPick<Item<SubnetInfo>>(
    [...(defaultVpc ? [defaultItem] : []), ...subnets.map(subnetItem)],
    { title: step(3, 'subnet'), matchOnDescription: true, matchOnDetail: true, ignoreFocusOut: true },
  );
  if (!subnetPick) {
    return undefined;
  }
  const subnet = subnetPick.value;
  const vpcId = subnet?.vpcId ?? defaultVpc;

  const groups = await aws.listSecurityGroups(region, { vpcId });
  const groupPicks = await vscode.window.showQuickPick(groups.map(groupItem), {
    title: step(4, `security groups of ${vpcId ?? 'the VPC'}`), canPickMany: true, matchOnDescription: true, ignoreFocusOut: true,
    placeHolder: 'None picked: the VPC\'s default group',
  });
  if (!groupPicks) {
    return undefined;
  }
  const securityGroups = groupPicks.flatMap((p) => (p.value ? [p.value] : []));

  const name = await vscode.window.showInputBox({
    title: step(5, 'Name tag'), prompt: 'The instances\' Name tag (empty: none)', value: '', ignoreFocusOut: true,
    validateInput: (v) => checkTagValue(v),
  });
  if (name === undefined) {
    return undefined;
  }
  const countText = await vscode.window.showInputBox({
    title: step(6, 'count'), prompt: `How many instances (1 to ${maxLaunchCount})`, value: '1', ignoreFocusOut: true,
    validateInput: (v) => checkInstanceCount(v),
  });
  if (countText === undefined) {
    return undefined;
  }
  const request: LaunchRequest = {
    imageId: image.id, instanceType: typePick.value, count: Number(countText), name: name.trim() || undefined,
    keyName: keyPick.value, subnetId: subnet?.id, securityGroupIds: securityGroups.map((g) => g.id),
  };
  return request;
}
