// The share action's inputs, checks and wording, without AWS. Pure: unit-tested.
import { imageBlockPublicAccessBlocked, type LaunchPermissionChange, type LaunchPermissionSet } from '../../aws/imageSharingModel';
import type { LaunchPermissions } from '../../aws/model';
import { joinAnd } from '../../shared/format';
import { checkWith, isBoolean, isList, optional, readOptions, required, type Schema } from '../../shared/options';
import type { ActionSummary } from '../../shared/summaryText';
import { checkAccountId, checkImageId, checkOrganizationArn, checkOrganizationalUnitArn, checkRegion } from '../../shared/validation';

export interface ShareRequest {
  readonly imageId: string;
  readonly region: string;
  readonly change: LaunchPermissionChange;
  /** Also grant (or revoke) createVolumePermission on the image's snapshots to the accounts added (or removed). */
  readonly shareSnapshots: boolean;
}

export const emptyPermissionSet: LaunchPermissionSet = { public: false, accounts: [], organizationArns: [], organizationalUnitArns: [] };

const listOption = (check: (v: unknown) => string | undefined, example: string) => optional(isList(check, example));
const accountList = listOption(checkAccountId, '["123456789012"]');
const organizationList = listOption(checkOrganizationArn, '["arn:aws:organizations::123456789012:organization/o-abcde12345"]');
const ouList = listOption(checkOrganizationalUnitArn, '["arn:aws:organizations::123456789012:ou/o-abcde12345/ou-ab12-cdef3456"]');

const shareSchema: Schema = {
  imageId: required(checkWith(checkImageId)),
  region: required(checkWith(checkRegion)),
  addAccounts: accountList,
  removeAccounts: accountList,
  addOrganizationArns: organizationList,
  removeOrganizationArns: organizationList,
  addOrganizationalUnitArns: ouList,
  removeOrganizationalUnitArns: ouList,
  public: optional(isBoolean),
  shareSnapshots: optional(isBoolean),
  confirmed: optional(isBoolean),
};

function list(arg: Record<string, unknown>, key: string): string[] {
  return [...new Set(((arg[key] as string[] | undefined) ?? []).map((v) => v.trim()))];
}

/** The input object, checked whole before anything runs. `confirmed` is the API's to check (see exposes). */
export function parseShareRequest(input: unknown): ShareRequest {
  const arg = readOptions(input, shareSchema, 'Share image');
  const change: LaunchPermissionChange = {
    add: { public: arg.public === true, accounts: list(arg, 'addAccounts'), organizationArns: list(arg, 'addOrganizationArns'), organizationalUnitArns: list(arg, 'addOrganizationalUnitArns') },
    remove: { public: arg.public === false, accounts: list(arg, 'removeAccounts'), organizationArns: list(arg, 'removeOrganizationArns'), organizationalUnitArns: list(arg, 'removeOrganizationalUnitArns') },
  };
  const conflict = conflicts(change);
  if (conflict.length) {
    throw new Error(`${joinAnd(conflict)} ${conflict.length > 1 ? 'are' : 'is'} both added and removed: keep one.`);
  }
  return { imageId: arg.imageId as string, region: arg.region as string, change, shareSnapshots: arg.shareSnapshots === true };
}

/** What the change exposes beyond launching: everyone (public), or the disks' contents (snapshots); undefined when neither. */
export function exposes(request: ShareRequest): string | undefined {
  if (request.change.add.public) {
    return `Making ${request.imageId} public lets every AWS account launch it and copy its disks`;
  }
  if (request.shareSnapshots && request.change.add.accounts.length) {
    return `Sharing the snapshots of ${request.imageId} lets ${joinAnd(request.change.add.accounts)} copy its disks`;
  }
  return undefined;
}

/** The summary before the change: each permission added or removed, and what that exposes. */
export function shareSummary(request: ShareRequest, image: { readonly name: string }, snapshotIds: readonly string[]): ActionSummary {
  const { add, remove } = request.change;
  const lines: string[] = [];
  if (add.public) {
    lines.push('Makes it PUBLIC: every AWS account can find and launch it, and copy what is on its disks');
  }
  if (!isEmptySet({ ...add, public: false })) {
    lines.push(`Lets ${describeLaunchPermissions({ ...add, public: false })} launch it`);
  }
  if (remove.public) {
    lines.push('Makes it private: other accounts can no longer find or launch it unless shared with them');
  }
  if (!isEmptySet({ ...remove, public: false })) {
    lines.push(`Stops ${describeLaunchPermissions({ ...remove, public: false })} from launching it; their running instances keep running`);
  }
  if (request.shareSnapshots && (add.accounts.length || remove.accounts.length)) {
    const snaps = snapshotIds.length ? snapshotIds.join(', ') : 'none';
    if (add.accounts.length) {
      lines.push(`Lets ${joinAnd(add.accounts)} create volumes from its snapshots (${snaps}), so they can copy the image`);
    }
    if (remove.accounts.length) {
      lines.push(`Revokes createVolumePermission on its snapshots (${snaps}) from ${joinAnd(remove.accounts)}`);
    }
  }
  return {
    title: `Share ${image.name} (${request.imageId})`,
    accept: add.public ? 'Make Public' : 'Apply Sharing',
    regions: [request.region],
    lines: lines.length ? lines : ['No change: the permissions stay as they are'],
    destructive: exposes(request) !== undefined,
  };
}

function conflicts(change: LaunchPermissionChange): string[] {
  const { add, remove } = change;
  return [
    ...add.accounts.filter((a) => remove.accounts.includes(a)),
    ...add.organizationArns.filter((a) => remove.organizationArns.includes(a)),
    ...add.organizationalUnitArns.filter((a) => remove.organizationalUnitArns.includes(a)),
  ];
}

export function isEmptySet(set: LaunchPermissionSet): boolean {
  return !set.public && !set.accounts.length && !set.organizationArns.length && !set.organizationalUnitArns.length;
}

export function isEmptyPermissionChange(change: LaunchPermissionChange): boolean {
  return isEmptySet(change.add) && isEmptySet(change.remove);
}

/** What EC2 and the account say about the image, read before the change. */
export interface ShareContext {
  readonly imageId: string;
  readonly region: string;
  readonly ownerId: string;
  /** The caller's account; undefined when unknown. */
  readonly self?: string;
  /** False when EC2 would not show the launch permissions: only the owner may read them. */
  readonly canReadPermissions: boolean;
  readonly state: string;
  readonly encrypted: boolean;
  /** GetImageBlockPublicAccessState, read only when the change makes the image public. */
  readonly blockPublicAccess?: string;
}

export function blockPublicAccessExplanation(region: string): string {
  return `Image block public access is on for this account in ${region} (block-new-sharing), so no image can be made public there. `
    + `To lift it (an account-wide decision, usually your security team's): aws ec2 disable-image-block-public-access --region ${region}`;
}

export function encryptedPublicExplanation(imageId: string): string {
  return `${imageId} has encrypted snapshots, and EC2 cannot make an image with encrypted snapshots public. `
    + 'Share it with accounts, organizations or OUs instead, and share its KMS key with them too.';
}

export function encryptedShareNote(imageId: string): string {
  return `${imageId} is encrypted: the accounts you share it with can launch it only if its KMS key is shared with them too `
    + '(in the key policy or with a grant; the default aws/ebs key cannot be shared: copy the image with a customer-managed key first).';
}

/** Why the change must not happen, or undefined. Checked before any call that changes EC2. */
export function shareRefusal(change: LaunchPermissionChange, ctx: ShareContext): string | undefined {
  if (!ctx.canReadPermissions || ctx.self && ctx.ownerId !== ctx.self) {
    return `${ctx.imageId} belongs to account ${ctx.ownerId}, not to you${ctx.self ? ` (${ctx.self})` : ''}: only its owner can share it.`;
  }
  const adds = !isEmptySet(change.add);
  if (adds && ctx.state !== 'available') {
    return `${ctx.imageId} is ${ctx.state}, not available: only available images can be shared.`
      + (ctx.state === 'disabled' ? ' Enable it first with "Enable Image" (amiExplorer.enableImage).' : '');
  }
  if (ctx.self && change.add.accounts.includes(ctx.self)) {
    return `${ctx.self} is your own account: it can launch its images without a launch permission.`;
  }
  if (change.add.public && ctx.encrypted) {
    return encryptedPublicExplanation(ctx.imageId);
  }
  if (change.add.public && ctx.blockPublicAccess === imageBlockPublicAccessBlocked) {
    return `${ctx.imageId} was not made public. ${blockPublicAccessExplanation(ctx.region)}`;
  }
  return undefined;
}

/** "public, 2 accounts (111122223333, 444455556666), 1 organization (…)" or "only you (private)". */
export function describeLaunchPermissions(lp: LaunchPermissions): string {
  const parts = [
    ...(lp.public ? ['everyone (public)'] : []),
    ...(lp.accounts.length ? [`account${lp.accounts.length > 1 ? 's' : ''} ${lp.accounts.join(', ')}`] : []),
    ...(lp.organizationArns.length ? [`organization${lp.organizationArns.length > 1 ? 's' : ''} ${lp.organizationArns.join(', ')}`] : []),
    ...(lp.organizationalUnitArns.length ? [`OU${lp.organizationalUnitArns.length > 1 ? 's' : ''} ${lp.organizationalUnitArns.join(', ')}`] : []),
  ];
  return parts.length ? joinAnd(parts) : 'only you (private)';
}
