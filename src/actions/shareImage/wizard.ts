import * as vscode from 'vscode';
import type { AwsService } from '../../aws/awsService';
import type { LaunchPermissionSet } from '../../aws/imageSharingModel';
import type { ImageDetails } from '../../aws/model';
import { confirmDestructive } from '../../shared/confirm';
import { isEncrypted } from '../../shared/imageSnapshots';
import { checkAccountId, checkOrganizationArn, checkOrganizationalUnitArn } from '../../shared/validation';
import type { ImageTarget } from '../common/imageTarget';
import {
  blockPublicAccessExplanation, describeLaunchPermissions, emptyPermissionSet, encryptedPublicExplanation, encryptedShareNote,
  isEmptyPermissionChange, shareRefusal, type ShareContext, type ShareRequest,
} from './request';

/** The image and the account facts a share is checked against; block public access is read only when needed. */
export async function readShareContext(aws: AwsService, imageId: string, region: string, makesPublic: boolean): Promise<{ ctx: ShareContext; details: ImageDetails }> {
  const [details, self, blockPublicAccess] = await Promise.all([
    aws.describeImage(region, imageId),
    aws.accountId(),
    makesPublic ? aws.imageBlockPublicAccessState(region) : undefined,
  ]);
  const image = details.image;
  return {
    details,
    ctx: {
      imageId, region, ownerId: image.ownerId, self, canReadPermissions: details.launchPermissions !== undefined,
      state: image.state, encrypted: isEncrypted(image), blockPublicAccess,
    },
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };
type Pending = { add: Mutable<LaunchPermissionSet>; remove: Mutable<LaunchPermissionSet> };
type Kind = 'accounts' | 'organizationArns' | 'organizationalUnitArns';
type Item = vscode.QuickPickItem & { run?: () => Promise<boolean | void> | boolean | void };

const kinds: { kind: Kind; icon: string; noun: string; example: string; check: (v: unknown) => string | undefined }[] = [
  { kind: 'accounts', icon: 'person', noun: 'account', example: '123456789012, 210987654321', check: checkAccountId },
  { kind: 'organizationArns', icon: 'organization', noun: 'organization', example: 'arn:aws:organizations::123456789012:organization/o-abcde12345', check: checkOrganizationArn },
  { kind: 'organizationalUnitArns', icon: 'type-hierarchy', noun: 'organizational unit', example: 'arn:aws:organizations::123456789012:ou/o-abcde12345/ou-ab12-cdef3456', check: checkOrganizationalUnitArn },
];

function toggle(list: string[], value: string): void {
  const i = list.indexOf(value);
  if (i >= 0) {
    list.splice(i, 1);
  } else {
    list.push(value);
  }
}

/** Asks which permissions to add and remove, guarding "make public". Undefined when cancelled. */
export async function askShareRequest(aws: AwsService, target: ImageTarget): Promise<ShareRequest | undefined> {
  const { imageId, region } = target;
  const { ctx, details } = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: `Reading ${imageId}` }, () => readShareContext(aws, imageId, region, false));
  const refusal = shareRefusal({ add: emptyPermissionSet, remove: emptyPermissionSet }, ctx);
  if (refusal) {
    throw new Error(refusal);
  }
  const now = details.launchPermissions!;
  const pending: Pending = {
    add: { public: false, accounts: [], organizationArns: [], organizationalUnitArns: [] },
    remove: { public: false, accounts: [], organizationArns: [], organizationalUnitArns: [] },
  };

  const makePublic = async (): Promise<void> => {
    if (ctx.encrypted) {
      void vscode.window.showErrorMessage(encryptedPublicExplanation(imageId));
      return;
    }
    const state = await aws.imageBlockPublicAccessState(region);
    const blocked = shareRefusal({ add: { ...emptyPermissionSet, public: true }, remove: emptyPermissionSet }, { ...ctx, blockPublicAccess: state });
    if (blocked) {
      void vscode.window.showWarningMessage(blockPublicAccessExplanation(region), { modal: true });
      return;
    }
    const ok = await confirmDestructive(
      `Make ${details.image.name} (${imageId}) public?`,
      `Every AWS account will be able to find and launch it, and copy what is on its disks. Check that it holds no secrets, keys or private data. Block public access is off for this account in ${region}.`,
      'Make Public',
    );
    pending.add.public = ok;
  };

  for (;;) {
    const change = { add: pending.add, remove: pending.remove };
    const items: Item[] = [];
    if (!isEmptyPermissionChange(change)) {
      items.push({ label: '$(check) Apply changes', description: summary(pending), run: () => true });
    }
    items.push({ label: 'Who can launch it now', kind: vscode.QuickPickItemKind.Separator });
    const isPublic = (now.public && !pending.remove.public) || pending.add.public;
    items.push(isPublic
      ? { label: '$(globe) Public: everyone', description: now.public ? 'pick to make private' : 'pending: make public (pick to undo)', run: () => {
        if (pending.add.public) {
          pending.add.public = false;
        } else {
          pending.remove.public = true;
        }
      } }
      : { label: '$(lock) Not public', description: pending.remove.public ? 'pending: make private (pick to undo)' : 'pick to make public…', run: async () => {
        if (pending.remove.public) {
          pending.remove.public = false;
        } else {
          await makePublic();
        }
      } });
    for (const { kind, icon } of kinds) {
      for (const value of now[kind]) {
        const removing = pending.remove[kind].includes(value);
        items.push({ label: `$(${icon}) ${value}`, description: removing ? 'pending: remove (pick to undo)' : 'pick to remove', run: () => toggle(pending.remove[kind], value) });
      }
      for (const value of pending.add[kind]) {
        items.push({ label: `$(${icon}) ${value}`, description: 'pending: add (pick to undo)', run: () => toggle(pending.add[kind], value) });
      }
    }
    if (!now.public && !now.accounts.length && !now.organizationArns.length && !now.organizationalUnitArns.length && isEmptyPermissionChange(change)) {
      items.push({ label: 'Only you (private)', description: '' });
    }
    items.push({ label: 'Add', kind: vscode.QuickPickItemKind.Separator });
    for (const k of kinds) {
      items.push({ label: `$(add) Add ${k.noun}s…`, run: async () => {
        const value = await vscode.window.showInputBox({
          title: `Share ${imageId} with ${k.noun}s`, prompt: 'Separate several with commas or spaces', placeHolder: k.example, ignoreFocusOut: true,
          validateInput: (v) => splitValues(v).map(k.check).find(Boolean),
        });
        for (const v of splitValues(value ?? '')) {
          if (!now[k.kind].includes(v) && !pending.add[k.kind].includes(v)) {
            pending.add[k.kind].push(v);
          }
        }
      } });
    }
    const picked = await vscode.window.showQuickPick(items, {
      title: `Share ${details.image.name} (${imageId}, ${region})`, ignoreFocusOut: true,
      placeHolder: `Now: ${describeLaunchPermissions(now)}`,
    });
    if (!picked) {
      return undefined;
    }
    if (await picked.run?.() === true) {
      break;
    }
  }
  return confirmAndFinish(imageId, region, ctx, pending);
}

async function confirmAndFinish(imageId: string, region: string, ctx: ShareContext, pending: Pending): Promise<ShareRequest | undefined> {
  const removed = { ...pending.remove };
  if (!isEmptyPermissionChange({ add: emptyPermissionSet, remove: removed })) {
    const ok = await confirmDestructive(
      `Stop ${describeLaunchPermissions(removed)} from launching ${imageId}?`,
      'Instances already running keep running, but they can no longer launch new ones, and launch templates or Auto Scaling groups of theirs that use it will fail.',
      'Remove Access',
    );
    if (!ok) {
      return undefined;
    }
  }
  let shareSnapshots = false;
  if (pending.add.accounts.length || pending.remove.accounts.length) {
    const choice = await vscode.window.showQuickPick([
      { label: 'Launch permission only', share: false, description: 'they can launch it, not copy it' },
      { label: 'Also share its snapshots with the same accounts', share: true, description: 'createVolumePermission: lets them copy the image' },
    ], { title: `Snapshots of ${imageId}`, placeHolder: ctx.encrypted ? encryptedShareNote(imageId) : undefined, ignoreFocusOut: true });
    if (!choice) {
      return undefined;
    }
    shareSnapshots = choice.share;
  } else if (ctx.encrypted && !pending.add.public && (pending.add.organizationArns.length || pending.add.organizationalUnitArns.length)) {
    void vscode.window.showWarningMessage(encryptedShareNote(imageId));
  }
  return { imageId, region, change: { add: pending.add, remove: pending.remove }, shareSnapshots };
}

function splitValues(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

function summary(pending: Pending): string {
  const parts = [];
  if (pending.add.public || pending.add.accounts.length || pending.add.organizationArns.length || pending.add.organizationalUnitArns.length) {
    parts.push(`add ${describeLaunchPermissions(pending.add)}`);
  }
  if (pending.remove.public || pending.remove.accounts.length || pending.remove.organizationArns.length || pending.remove.organizationalUnitArns.length) {
    parts.push(`remove ${describeLaunchPermissions(pending.remove)}`);
  }
  return parts.join('; ');
}
