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

export interface RetireImagesInput {
  /** Default: the regions the Images view shows. */
  readonly regions?: readonly string[];
  /** At least one of namePattern and tags. */
  readonly namePattern?: string;
  readonly tags?: Readonly<Record<string, string>>;
  /** At least one of olderThanDays and notLaunchedForDays. */
  readonly olderThanDays?: number;
  readonly notLaunchedForDays?: number;
  readonly unreferencedOnly?: boolean;
  /** The newest K of each group (amiExplorer.groupByTag value, else the name without its numbers) stay; default 1. */
  readonly keepNewest?: number;
  /** Images tagged Latest=true stay; default true. */
  readonly excludeLatest?: boolean;
  readonly action: 'deprecate' | 'disable' | 'deregister';
  /** With deregister: also delete the snapshots no remaining image uses. */
  readonly deleteSnapshots?: boolean;
  readonly dryRun?: boolean;
  readonly confirmed?: boolean;
}

export interface RetireImagesResult {
  readonly images: {
    readonly imageId: string;
    readonly region: string;
    readonly name: string;
    readonly ageDays: number;
    /** ISO time, null when never launched, "unknown" when it could not be read. */
    readonly lastLaunched: string | null;
    /** Resources of the account that use it; null when they could not be read. */
    readonly references: number | null;
    readonly snapshotGiB: number;
    /** snapshotGiB × amiExplorer.snapshotPricePerGBMonth: an estimate. */
    readonly monthlyCost: number;
    /** After a run: "deprecated", "disabled", "deregistered; deleted snap-…", "failed: …" or "not done". */
    readonly outcome?: string;
  }[];
  readonly totalSnapshotGiB: number;
  readonly monthlyCost: number;
  /** Regions left out of the plan, and why. */
  readonly notSearched: string[];
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

export interface ImageTargetInput {
  readonly imageId: string;
  readonly region: string;
}

export interface DisableImageInput extends ImageTargetInput {
  /** Required: launches from the image fail, and its shares and public listing end for good. */
  readonly confirmed: true;
}

export interface DeregistrationProtectionInput extends ImageTargetInput {
  readonly enabled: boolean;
  /** With `enabled: true`: once turned off, the protection holds 24 more hours. Default false. */
  readonly cooldown?: boolean;
}

/** Who uses an image. */
export interface ImageUsage {
  /**
   * This account's resources in the region that name the image, as DescribeImageReferences reports them:
   * instances that can still run, launch templates (their 10 newest versions), SSM parameters, Image Builder recipes.
   */
  readonly references: { readonly resourceType: string; readonly arn: string }[];
  /**
   * For an image you own: what other accounts use, per account and resource type ("ec2:Instance",
   * "ec2:LaunchTemplate"), from the newest available AMI usage report. Absent when there is none: the API reads
   * reports but never creates one (the showImageUsage command does, on request).
   */
  readonly accounts?: { readonly accountId: string; readonly resources: Record<string, number> }[];
  /** The workspace's lines that mention the id: absolute path, 1-based line. */
  readonly files: { readonly path: string; readonly line: number }[];
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
  /** Resolves to the image's state afterwards ("disabled"). */
  disableImage(input: DisableImageInput): Promise<string>;
  /** Resolves to the image's state afterwards ("available"). */
  enableImage(input: ImageTargetInput): Promise<string>;
  /** Resolves to the protection as EC2 reports it: "enabled-without-cooldown", "enabled-with-cooldown", "disabled-until <time>", "disabled". */
  setDeregistrationProtection(input: DeregistrationProtectionInput): Promise<string | undefined>;
  /** Brings an image back from the region's Recycle Bin; resolves to its state ("available"). */
  restoreImage(input: ImageTargetInput): Promise<string>;
  /**
   * A cleanup plan over owned images: `dryRun: true` resolves to the plan and changes nothing; otherwise (with
   * `confirmed: true`) each image's `outcome` says what was done. Rejects naming what was done if it stopped part way.
   */
  retireImages(input: RetireImagesInput): Promise<RetireImagesResult>;
  /** Who uses the image: this account's resources, other accounts (from an existing report), the workspace's files. */
  imageUsage(input: ImageTargetInput): Promise<ImageUsage>;
  /** Resolves to the instance's state once it has stopped ("stopped"). */
  stopInstance(input: InstanceInput): Promise<string>;
  /** Resolves to the instance's state once it runs ("running"). */
  startInstance(input: InstanceInput): Promise<string>;
  /** Resolves to the instance's state once EC2 has accepted the reboot ("running"). */
  rebootInstance(input: InstanceInput): Promise<string>;
  /** Resolves to the instance's state once it has gone ("terminated"); refused while termination protection is on. */
  terminateInstance(input: TerminateInstanceInput): Promise<string>;
}
