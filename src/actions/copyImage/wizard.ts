import * as vscode from 'vscode';
import { noIcons } from '../../shared/format';
import type { AwsService } from '../../aws/awsService';
import type { ImageInfo } from '../../aws/model';
import { isEncrypted } from '../../shared/imageSnapshots';
import { checkImageName } from '../../shared/validation';
import type { CopyRequest } from './request';
import type { ImageTarget } from '../common/imageTarget';

const step = (n: number, title: string) => `Copy image (${n}/5): ${title}`;


/** Asks for the copy's target regions, name, description, encryption and tags. Undefined when cancelled. */
export async function askCopyRequest(aws: AwsService, target: ImageTarget): Promise<CopyRequest | undefined> {
  const [{ image }, regions] = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: `Reading ${target.imageId}` },
    () => Promise.all([aws.describeImage(target.region, target.imageId), aws.listRegions()]),
  );
  const shown = new Set(await aws.regions());
  const picked = await vscode.window.showQuickPick(
    regions.filter((r) => r.name !== target.region && r.optInStatus !== 'not-opted-in').map((r) => ({
      label: r.name, description: shown.has(r.name) ? 'shown in the Images view' : undefined,
    })),
    { canPickMany: true, ignoreFocusOut: true, title: step(1, `copy ${image.name} (${image.id}, ${target.region}) to…`), placeHolder: 'Target regions' },
  );
  if (!picked?.length) {
    return undefined;
  }
  const targetRegions = picked.map((p) => p.label);
  const name = await vscode.window.showInputBox({
    title: step(2, 'name of the copies'), value: image.name, ignoreFocusOut: true,
    prompt: 'Names are unique per region; the source\'s name is fine in other regions', validateInput: (v) => checkImageName(v),
  });
  if (name === undefined) {
    return undefined;
  }
  const description = await vscode.window.showInputBox({
    title: step(3, 'description'), value: image.description ?? '', ignoreFocusOut: true,
    validateInput: (v) => (v.length > 255 ? 'Up to 255 characters.' : undefined),
  });
  if (description === undefined) {
    return undefined;
  }
  const kms = await askEncryption(aws, image, targetRegions);
  if (!kms) {
    return undefined;
  }
  let copyTags = false;
  if (Object.keys(image.tags).length) {
    const choice = await vscode.window.showQuickPick([
      { label: 'Copy the tags', description: noIcons(Object.entries(image.tags).map(([k, v]) => `${k}=${v}`).join(', ')), copy: true },
      { label: 'No tags on the copies', copy: false },
    ], { title: step(5, 'tags'), ignoreFocusOut: true });
    if (!choice) {
      return undefined;
    }
    copyTags = choice.copy;
  }
  return {
    imageId: target.imageId, region: target.region, targetRegions, name: name.trim(), description,
    encrypted: kms.encrypted, kmsKeyIds: kms.keys, copyTags,
  };
}

async function askEncryption(aws: AwsService, image: ImageInfo, targets: readonly string[]): Promise<{ encrypted: boolean; keys: Record<string, string> } | undefined> {
  const sourceEncrypted = isEncrypted(image);
  const choice = await vscode.window.showQuickPick([
    ...(sourceEncrypted ? [] : [{ label: 'Not encrypted', description: 'like the source', key: 'none' }]),
    { label: 'Encrypt with the default EBS key', description: sourceEncrypted ? 'the source is encrypted, so the copies are too' : 'alias/aws/ebs of each region', key: 'default' },
    { label: 'Encrypt with a KMS key…', description: 'pick an alias in each target region', key: 'choose' },
  ], { title: step(4, 'encryption'), ignoreFocusOut: true });
  if (!choice) {
    return undefined;
  }
  if (choice.key !== 'choose') {
    return { encrypted: choice.key === 'default', keys: {} };
  }
  const keys: Record<string, string> = {};
  for (const region of targets) {
    const aliases = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Listing KMS keys in ${region}` },
      () => aws.kmsAliases(region),
    );
    const alias = await vscode.window.showQuickPick(
      aliases.map((a) => ({ label: noIcons(a.name), description: a.awsManaged ? 'AWS managed' : undefined, detail: a.keyId })),
      { title: `KMS key for the copy in ${region}`, ignoreFocusOut: true, placeHolder: aliases.length ? 'Key alias' : `No KMS key aliases in ${region}` },
    );
    if (!alias) {
      return undefined;
    }
    keys[region] = alias.label;
  }
  return { encrypted: true, keys };
}
