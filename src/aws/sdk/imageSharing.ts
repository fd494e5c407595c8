import {
  GetImageBlockPublicAccessStateCommand,
  ModifyImageAttributeCommand,
  ModifySnapshotAttributeCommand,
  type LaunchPermission,
} from '@aws-sdk/client-ec2';
import type { LaunchPermissionChange } from '../imageSharingModel';
import type { Connection } from '../model';
import { ec2Client } from './clients';

/** "unblocked" or "block-new-sharing": whether the account may make images public in `region`. */
export async function imageBlockPublicAccessState(connection: Connection, region: string, signal?: AbortSignal): Promise<string> {
  const out = await ec2Client(connection, region).send(new GetImageBlockPublicAccessStateCommand({}), { abortSignal: signal });
  return out.ImageBlockPublicAccessState ?? 'unblocked';
}

function toLaunchPermissionList(side: LaunchPermissionChange['add']): LaunchPermission[] {
  return [
    ...(side.public ? [{ Group: 'all' as const }] : []),
    ...side.accounts.map((UserId) => ({ UserId })),
    ...side.organizationArns.map((OrganizationArn) => ({ OrganizationArn })),
    ...side.organizationalUnitArns.map((OrganizationalUnitArn) => ({ OrganizationalUnitArn })),
  ];
}

/** One ModifyImageAttribute call for every addition and removal, so the change applies whole or not at all. */
export async function modifyLaunchPermissions(
  connection: Connection, region: string, imageId: string, change: LaunchPermissionChange, signal?: AbortSignal,
): Promise<void> {
  const add = toLaunchPermissionList(change.add);
  const remove = toLaunchPermissionList(change.remove);
  await ec2Client(connection, region).send(new ModifyImageAttributeCommand({
    ImageId: imageId,
    LaunchPermission: { Add: add.length ? add : undefined, Remove: remove.length ? remove : undefined },
  }), { abortSignal: signal });
}

/** Grants (or revokes) `createVolumePermission` on a snapshot to accounts, so they can copy an image that uses it. */
export async function modifySnapshotVolumePermissions(
  connection: Connection, region: string, snapshotId: string, operation: 'add' | 'remove', accounts: readonly string[], signal?: AbortSignal,
): Promise<void> {
  await ec2Client(connection, region).send(new ModifySnapshotAttributeCommand({
    SnapshotId: snapshotId, Attribute: 'createVolumePermission', OperationType: operation, UserIds: [...accounts],
  }), { abortSignal: signal });
}

