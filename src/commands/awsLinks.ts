import * as vscode from 'vscode';
import type { ActionDeps } from '../actions/common/actionDeps';
import { imageTarget } from '../actions/common/imageTarget';
import { consoleUrl, resourceArn, type ResourceKind } from '../shared/awsLinks';
import { partitionOf } from '../shared/partition';
import { isPlainObject } from '../shared/plainObject';
import type { CommandHandler } from '../shared/registerCommand';
import { checkInstanceId, checkRegion, ensureValid } from '../shared/validation';

interface LinkTarget {
  readonly kind: ResourceKind;
  readonly id: string;
  readonly region: string;
}

/** An instance node or `{ instanceId, region }`; otherwise an image as every image command finds one. */
async function linkTarget(deps: ActionDeps, arg: unknown): Promise<LinkTarget | undefined> {
  const instance = deps.instances.instanceOf(arg);
  if (instance) {
    return { kind: 'instance', id: instance.id, region: instance.region };
  }
  if (isPlainObject(arg) && arg.instanceId !== undefined) {
    return { kind: 'instance', id: ensureValid(arg.instanceId, checkInstanceId) as string, region: ensureValid(arg.region, checkRegion) as string };
  }
  const image = await imageTarget(deps, arg);
  return image && { kind: 'image', id: image.imageId, region: image.region };
}

/** amiExplorer.openInConsole: the image's or instance's page in the AWS console of its partition; returns the URL. */
export function openInConsole(deps: ActionDeps): CommandHandler {
  return async (arg) => {
    const target = await linkTarget(deps, arg);
    if (!target) {
      return undefined;
    }
    const url = consoleUrl(target.kind, target.region, target.id);
    if (!url) {
      throw new Error(`${target.region} is in the ${partitionOf(target.region)} partition, whose console has no public address: open ${target.id} from your own network's AWS console.`);
    }
    await vscode.env.openExternal(vscode.Uri.parse(url));
    return url;
  };
}

/** amiExplorer.copyArn: puts the image's or instance's ARN on the clipboard and returns it. */
export function copyArn(deps: ActionDeps): CommandHandler {
  return async (arg) => {
    const target = await linkTarget(deps, arg);
    if (!target) {
      return undefined;
    }
    let account: string | undefined;
    if (target.kind === 'instance') {
      account = await deps.aws.accountId();
      if (!account) {
        throw new Error(`The ARN of ${target.id} names its account, which STS did not tell (GetCallerIdentity failed): check the credentials, then try again.`);
      }
    }
    const arn = resourceArn(target.kind, target.region, target.id, account);
    await vscode.env.clipboard.writeText(arn);
    vscode.window.setStatusBarMessage(`Copied ${arn}`, 3000);
    return arn;
  };
}
