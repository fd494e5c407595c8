// The extension's programmatic door, returned by activate(): one method per action, each taking one plain object.
// It asks nothing, checks every input before changing anything, rejects unknown options, and returns the result.
// Destroying or exposing needs `confirmed: true`. Types only: the methods are built in createApi.ts.
import type { LaunchPermissions } from '../aws/model';

export interface CopyImageInput {
  readonly imageId: string;
  readonly region: string;
  readonly targetRegions: readonly string[];
  /** Default: the source's name. */
  readonly name?: string;
  /** Default: the source's description. */
  readonly description?: string;
  readonly encrypted?: boolean;
  /** One key id, ARN or alias for every target region, or one per target region. */
  readonly kmsKeyId?: string | Readonly<Record<string, string>>;
  readonly copyTags?: boolean;
}

export interface ShareImageInput {
  readonly imageId: string;
  readonly region: string;
  readonly addAccounts?: readonly string[];
  readonly removeAccounts?: readonly string[];
  readonly addOrganizationArns?: readonly string[];
  readonly removeOrganizationArns?: readonly string[];
  readonly addOrganizationalUnitArns?: readonly string[];
  readonly removeOrganizationalUnitArns?: readonly string[];
  /** true makes the image public (needs `confirmed`), false makes it private. */
  readonly public?: boolean;
  /** Also grant or revoke createVolumePermission on its snapshots for the accounts (granting needs `confirmed`). */
  readonly shareSnapshots?: boolean;
  readonly confirmed?: boolean;
}

export interface LaunchInstanceInput {
  readonly imageId: string;
  readonly region: string;
  readonly instanceType: string;
  /** 1 to 20; default 1. */
  readonly count?: number;
  /** The instances' Name tag. */
  readonly name?: string;
  readonly keyName?: string;
  readonly subnetId?: string;
  readonly securityGroupIds?: readonly string[];
}

export interface CreateImageInput {
  readonly instanceId: string;
  readonly region: string;
  readonly name: string;
  readonly description?: string;
  readonly noReboot?: boolean;
  readonly tags?: Readonly<Record<string, string>>;
}

export interface EditTagsInput {
  readonly imageId: string;
  readonly region: string;
  readonly set?: Readonly<Record<string, string>>;
  readonly remove?: readonly string[];
  readonly snapshots?: boolean;
  readonly markLatest?: boolean;
}

export interface DeprecateImageInput {
  readonly imageId: string;
  readonly region: string;
  /** An ISO date or time, or null to cancel the deprecation. */
  readonly deprecateAt: string | null;
}

export interface DeregisterImageInput {
  readonly imageId?: string;
  readonly imageIds?: readonly string[];
  readonly region: string;
  readonly deleteSnapshots?: boolean;
  /** Required: deregistering cannot be undone. */
  readonly confirmed: true;
}

export interface DeregisterResult {
  readonly deregistered: string[];
  readonly deletedSnapshots: string[];
  /** Snapshots of the deregistered images left in place, and why (another image uses them, or deletion failed). */
  readonly keptSnapshots: { readonly snapshotId: string; readonly reason: string }[];
  /** Live instances (pending, running, stopping, stopped) launched from each deregistered image. */
  readonly runningInstances: Record<string, string[]>;
}

export interface FindImagesInput {
  /** EC2's name filter, with `*` and `?` wildcards. */
  readonly namePattern?: string;
  /** Tags every image must carry, e.g. { Project: 'PetTracker' }. */
  readonly tags?: Readonly<Record<string, string>>;
  /** The start of the image id, e.g. 'ami-0abc'. */
  readonly idPrefix?: string;
  /** Default: the regions the Images view shows. */
  readonly regions?: readonly string[];
}

/** The instance Stop, Start and Reboot act on. */
export interface InstanceInput {
  readonly instanceId: string;
  readonly region: string;
}

export interface TerminateInstanceInput extends InstanceInput {
  /** Required: terminating cannot be undone. */
  readonly confirmed: true;
}

export interface AmiExplorerApi {
  readonly apiVersion: 1;
  /** Resolves to `{ [targetRegion]: newImageId }`; rejects naming each failed region and the copies made anyway. */
  copyImage(input: CopyImageInput): Promise<Record<string, string>>;
  /** Resolves to who can launch the image afterwards. */
  shareImage(input: ShareImageInput): Promise<LaunchPermissions>;
  /** Resolves to the new instance ids, once they run. */
  launchInstance(input: LaunchInstanceInput): Promise<string[]>;
  /** Resolves to the new image id, once it is available. */
  createImage(input: CreateImageInput): Promise<string>;
  /** Resolves to the image's tags afterwards. */
  editTags(input: EditTagsInput): Promise<Record<string, string>>;
  /** Resolves to the deprecation time EC2 now holds (ISO), or null. */
  deprecateImage(input: DeprecateImageInput): Promise<string | null>;
  deregisterImage(input: DeregisterImageInput): Promise<DeregisterResult>;
  /** Owned and shared images matching every criterion given (at least one), newest first, at most 500. */
  findImages(input: FindImagesInput): Promise<{ imageId: string; region: string; name: string; state: string }[]>;
  /** Resolves to the instance's state once it has stopped ("stopped"). */
  stopInstance(input: InstanceInput): Promise<string>;
  /** Resolves to the instance's state once it runs ("running"). */
  startInstance(input: InstanceInput): Promise<string>;
  /** Resolves to the instance's state once EC2 has accepted the reboot ("running"). */
  rebootInstance(input: InstanceInput): Promise<string>;
  /** Resolves to the instance's state once it has gone ("terminated"); refused while termination protection is on. */
  terminateInstance(input: TerminateInstanceInput): Promise<string>;
}
