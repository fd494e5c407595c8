// The share action's inputs, checks and wording, without AWS. Pure: unit-tested.
import { imageBlockPublicAccessBlocked, type LaunchPermissionChange, type LaunchPermissionSet } from '../aws/imageSharingModel';
import type { LaunchPermissions } from '../aws/model';
import { checkAccountId, checkImageId, checkOrganizationArn, checkOrganizationalUnitArn, checkRegion, ensureValid } from '../shared/validation';
import { joinAnd, unknownOptions } from './copyRequest';

export interface ShareRequest {
  readonly imageId: string;
  readonly region: string;
  readonly change: LaunchPermissionChange;
  /** Also grant (or revoke) createVolumePermission on the image's snapshots to the accounts added (or removed). */
  readonly shareSnapshots: boolean;
}

export const emptyPermissionSet: LaunchPermissionSet = { public: false, accounts: [], organizationArns: [], organizationalUnitArns: [] };

const listOptions = {
  addAccounts: checkAccountId,
  removeAccounts: checkAccountId,
  addOrganizationArns: checkOrganizationArn,
  removeOrganizationArns: checkOrganizationArn,
  addOrganizationalUnitArns: checkOrganizationalUnitArn,
  removeOrganizationalUnitArns: checkOrganizationalUnitArn,
} as const;

const knownOptions = ['imageId', 'region', ...Object.keys(listOptions), 'public', 'shareSnapshots'];

function list(arg: Record<string, unknown>, key: keyof typeof listOptions): string[] {
  const value = arg[key];
  if (value === undefined) {
    return [];
  }
  if (!Array.isArray(value)) {
    throw new Error(`${key} must be a list, e.g. ["123456789012"].`);
  }
  for (const item of value) {
    ensureValid(item, listOptions[key]);
  }
  return [...new Set((value as string[]).map((v) => v.trim()))];
}

/** The programmatic argument, checked whole before anything runs. */
export function parseShareRequest(arg: Record<string, unknown>): ShareRequest {
  const extra = unknownOptions(arg, knownOptions);
  if (extra) {
    throw new Error(extra);
  }
  const imageId = (ensureValid(arg.imageId, checkImageId) as string).trim();
  const region = (ensureValid(arg.region, checkRegion) as string).trim();
  for (const key of ['public', 'shareSnapshots']) {
    if (arg[key] !== undefined && typeof arg[key] !== 'boolean') {
      throw new Error(`${key} must be true or false.`);
    }
  }
  const change: LaunchPermissionChange = {
    add: { public: arg.public === true, accounts: list(arg, 'addAccounts'), organizationArns: list(arg, 'addOrganizationArns'), organizationalUnitArns: list(arg, 'addOrganizationalUnitArns') },
    remove: { public: arg.public === false, accounts: list(arg, 'removeAccounts'), organizationArns: list(arg, 'removeOrganizationArns'), organizationalUnitArns: list(arg, 'removeOrganizationalUnitArns') },
  };
  const conflict = conflicts(change);
  if (conflict.length) {
    throw new Error(`${joinAnd(conflict)} ${conflict.length > 1 ? 'are' : 'is'} both added and removed: keep one.`);
  }
  return { imageId, region, change, shareSnapshots: arg.shareSnapshots === true };
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

export function isEmptyChange(change: LaunchPermissionChange): boolean {
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
      + (ctx.state === 'disabled' ? ' Re-enable it first (EnableImage).' : '');
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
