import { AwsCore } from './awsCore';
import type { CopyImageInput, KmsAlias } from './imageCopyModel';
import type { LaunchPermissionChange } from './imageSharingModel';
import type { ImageCreationRequest, InstanceTypeInfo, LaunchRequest, SecurityGroupInfo, SubnetInfo } from './launchModel';
import type { AllowedImagesSettings, ImageDetails, ImageInfo, ImageQuery, InstanceInfo, Page } from './model';
import type { ProfileInfo } from './sdk/profiles';

export type { CallOptions, ConnectionSource } from './awsCore';

/**
 * The extension's one door to AWS: one method per operation, each naming its EC2, KMS or STS action once (for
 * budgets, deadlines and error messages) and taking an optional AbortSignal last.
 */
export class AwsService extends AwsCore {
  /** The images of a region, one page at a time, as the tree lists them. */
  listImagesPage(region: string, query: ImageQuery, pageSize: number, nextToken?: string, signal?: AbortSignal): Promise<Page<ImageInfo>> {
    return this.call('DescribeImages', region, (sdk, c, s) => sdk.listImagesPage(c, region, query, pageSize, nextToken, s), { signal });
  }

  /** Every match, newest first, cut to `limit` (a saved search). */
  newestImages(region: string, query: ImageQuery, limit: number, signal?: AbortSignal): Promise<ImageInfo[]> {
    return this.call('DescribeImages', region, (sdk, c, s) => sdk.newestImages(c, region, query, limit, s), { signal });
  }

  /** The images among `ids` that exist in the region; unknown ids are simply absent. */
  findImagesById(region: string, ids: readonly string[], signal?: AbortSignal): Promise<ImageInfo[]> {
    return this.call('DescribeImages', region, (sdk, c, s) => sdk.findImagesById(c, region, ids, s), { signal });
  }

  /** One image with its launch permissions (when the caller owns it). */
  describeImage(region: string, imageId: string, signal?: AbortSignal): Promise<ImageDetails> {
    return this.call('DescribeImages', region, (sdk, c, s) => sdk.describeImage(c, region, imageId, s), { signal });
  }

  /** When the image last launched an instance; undefined when it never did. Only its owner may ask. */
  imageLastLaunched(region: string, imageId: string, signal?: AbortSignal): Promise<string | undefined> {
    return this.call('DescribeImageAttribute', region, (sdk, c, s) => sdk.imageLastLaunched(c, region, imageId, s), { signal });
  }

  /** The account's Allowed AMIs settings in the region. */
  allowedImagesSettings(region: string, signal?: AbortSignal): Promise<AllowedImagesSettings> {
    return this.call('GetAllowedImagesSettings', region, (sdk, c, s) => sdk.allowedImagesSettings(c, region, s), { signal });
  }

  /** The caller's images named exactly `name`: names are unique per account and region. */
  ownedImagesNamed(region: string, name: string, signal?: AbortSignal): Promise<ImageInfo[]> {
    return this.call('DescribeImages', region, (sdk, c, s) => sdk.ownedImagesNamed(c, region, name, s), { signal });
  }

  /** The caller's images carrying every given tag. */
  ownedImagesTagged(region: string, tags: Readonly<Record<string, string>>, signal?: AbortSignal): Promise<ImageInfo[]> {
    return this.call('DescribeImages', region, (sdk, c, s) => sdk.ownedImagesTagged(c, region, tags, s), { signal });
  }

  /** Values of one tag key on the caller's images, starting with `prefix`. */
  ownedTagValues(region: string, tagKey: string, prefix: string, signal?: AbortSignal): Promise<string[]> {
    return this.call('DescribeImages', region, (sdk, c, s) => sdk.ownedTagValues(c, region, tagKey, prefix, s), { signal });
  }

  /** The caller's images using each snapshot. */
  imagesUsingSnapshots(region: string, snapshotIds: readonly string[], signal?: AbortSignal): Promise<Record<string, string[]>> {
    return this.call('DescribeImages', region, (sdk, c, s) => sdk.imagesUsingSnapshots(c, region, snapshotIds, s), { signal });
  }

  /** Until the image is available (a waiter). */
  waitForImageAvailable(region: string, imageId: string, maxWaitSeconds: number, signal?: AbortSignal): Promise<void> {
    return this.call('DescribeImages', region, (sdk, c, s) => sdk.waitForImageAvailable(c, region, imageId, maxWaitSeconds, s), { signal, wait: true });
  }

  /** Copies an image into `targetRegion`; returns the copy's id. */
  copyImageTo(targetRegion: string, input: CopyImageInput, signal?: AbortSignal): Promise<string> {
    return this.call('CopyImage', targetRegion, (sdk, c, s) => sdk.copyImageTo(c, targetRegion, input, s), { signal });
  }

  /** Makes an image of an instance; returns its id. */
  createImageFromInstance(region: string, request: ImageCreationRequest, signal?: AbortSignal): Promise<string> {
    return this.call('CreateImage', region, (sdk, c, s) => sdk.createImageFromInstance(c, region, request, s), { signal });
  }

  deregisterImage(region: string, imageId: string, signal?: AbortSignal): Promise<void> {
    return this.call('DeregisterImage', region, (sdk, c, s) => sdk.deregisterImage(c, region, imageId, s), { signal });
  }

  enableImageDeprecation(region: string, imageId: string, deprecateAt: Date, signal?: AbortSignal): Promise<void> {
    return this.call('EnableImageDeprecation', region, (sdk, c, s) => sdk.enableImageDeprecation(c, region, imageId, deprecateAt, s), { signal });
  }

  disableImageDeprecation(region: string, imageId: string, signal?: AbortSignal): Promise<void> {
    return this.call('DisableImageDeprecation', region, (sdk, c, s) => sdk.disableImageDeprecation(c, region, imageId, s), { signal });
  }

  /** Adds and removes who can launch an image. */
  modifyLaunchPermissions(region: string, imageId: string, change: LaunchPermissionChange, signal?: AbortSignal): Promise<void> {
    return this.call('ModifyImageAttribute', region, (sdk, c, s) => sdk.modifyLaunchPermissions(c, region, imageId, change, s), { signal });
  }

  /** The account's image block public access state in the region. */
  imageBlockPublicAccessState(region: string, signal?: AbortSignal): Promise<string> {
    return this.call('GetImageBlockPublicAccessState', region, (sdk, c, s) => sdk.imageBlockPublicAccessState(c, region, s), { signal });
  }

  createTags(region: string, resourceIds: readonly string[], tags: Readonly<Record<string, string>>, signal?: AbortSignal): Promise<void> {
    return this.call('CreateTags', region, (sdk, c, s) => sdk.createTags(c, region, resourceIds, tags, s), { signal });
  }

  /** Removes tags by key; a key with a value comes off only where it has that value. */
  deleteTags(region: string, resourceIds: readonly string[], tags: Readonly<Record<string, string | undefined>>, signal?: AbortSignal): Promise<void> {
    return this.call('DeleteTags', region, (sdk, c, s) => sdk.deleteTags(c, region, resourceIds, tags, s), { signal });
  }

  deleteSnapshot(region: string, snapshotId: string, signal?: AbortSignal): Promise<void> {
    return this.call('DeleteSnapshot', region, (sdk, c, s) => sdk.deleteSnapshot(c, region, snapshotId, s), { signal });
  }

  /** The tags of each snapshot, by id. */
  snapshotTags(region: string, snapshotIds: readonly string[], signal?: AbortSignal): Promise<Record<string, Record<string, string>>> {
    return this.call('DescribeSnapshots', region, (sdk, c, s) => sdk.snapshotTags(c, region, snapshotIds, s), { signal });
  }

  /** Grants or revokes createVolumePermission on a snapshot. */
  modifySnapshotVolumePermissions(region: string, snapshotId: string, operation: 'add' | 'remove', accounts: readonly string[], signal?: AbortSignal): Promise<void> {
    return this.call('ModifySnapshotAttribute', region, (sdk, c, s) => sdk.modifySnapshotVolumePermissions(c, region, snapshotId, operation, accounts, s), { signal });
  }

  /** The instances of a region, one page at a time. */
  listInstancesPage(region: string, pageSize: number, nextToken?: string, signal?: AbortSignal): Promise<Page<InstanceInfo>> {
    return this.call('DescribeInstances', region, (sdk, c, s) => sdk.listInstancesPage(c, region, pageSize, nextToken, s), { signal });
  }

  findInstance(region: string, instanceId: string, signal?: AbortSignal): Promise<InstanceInfo | undefined> {
    return this.call('DescribeInstances', region, (sdk, c, s) => sdk.findInstance(c, region, instanceId, s), { signal });
  }

  /** The instances an image can be made from: running or stopped. */
  listImageableInstances(region: string, signal?: AbortSignal): Promise<InstanceInfo[]> {
    return this.call('DescribeInstances', region, (sdk, c, s) => sdk.listImageableInstances(c, region, s), { signal });
  }

  /** Live instances launched from each image. */
  instancesUsingImages(region: string, imageIds: readonly string[], signal?: AbortSignal): Promise<Record<string, string[]>> {
    return this.call('DescribeInstances', region, (sdk, c, s) => sdk.instancesUsingImages(c, region, imageIds, s), { signal });
  }

  /** Launches instances; returns their ids. */
  runInstances(region: string, request: LaunchRequest, signal?: AbortSignal): Promise<string[]> {
    return this.call('RunInstances', region, (sdk, c, s) => sdk.runInstances(c, region, request, s), { signal });
  }

  /** Until the instances run (a waiter). */
  waitForInstancesRunning(region: string, instanceIds: readonly string[], signal?: AbortSignal): Promise<void> {
    return this.call('DescribeInstances', region, (sdk, c, s) => sdk.waitForInstancesRunning(c, region, instanceIds, s), { signal, wait: true });
  }

  listInstanceTypes(region: string, architecture: string, signal?: AbortSignal): Promise<InstanceTypeInfo[]> {
    return this.call('DescribeInstanceTypes', region, (sdk, c, s) => sdk.listInstanceTypes(c, region, architecture, s), { signal });
  }

  findInstanceType(region: string, instanceType: string, signal?: AbortSignal): Promise<InstanceTypeInfo | undefined> {
    return this.call('DescribeInstanceTypes', region, (sdk, c, s) => sdk.findInstanceType(c, region, instanceType, s), { signal });
  }

  listKeyPairNames(region: string, signal?: AbortSignal): Promise<string[]> {
    return this.call('DescribeKeyPairs', region, (sdk, c, s) => sdk.listKeyPairNames(c, region, s), { signal });
  }

  /** The names among `names` that exist in the region. */
  existingKeyPairs(region: string, names: readonly string[], signal?: AbortSignal): Promise<string[]> {
    return this.call('DescribeKeyPairs', region, (sdk, c, s) => sdk.existingKeyPairs(c, region, names, s), { signal });
  }

  listSubnets(region: string, ids?: readonly string[], signal?: AbortSignal): Promise<SubnetInfo[]> {
    return this.call('DescribeSubnets', region, (sdk, c, s) => sdk.listSubnets(c, region, ids, s), { signal });
  }

  defaultVpcId(region: string, signal?: AbortSignal): Promise<string | undefined> {
    return this.call('DescribeVpcs', region, (sdk, c, s) => sdk.defaultVpcId(c, region, s), { signal });
  }

  listSecurityGroups(region: string, where: { vpcId?: string; ids?: readonly string[] }, signal?: AbortSignal): Promise<SecurityGroupInfo[]> {
    return this.call('DescribeSecurityGroups', region, (sdk, c, s) => sdk.listSecurityGroups(c, region, where, s), { signal });
  }

  /** The KMS key aliases of a region. */
  kmsAliases(region: string, signal?: AbortSignal): Promise<KmsAlias[]> {
    return this.call('ListAliases', region, (sdk, c, s) => sdk.kmsAliases(c, region, s), { signal });
  }

  /** The ARN of a KMS key (id, ARN or alias) in the region. */
  kmsKeyArn(region: string, keyId: string, signal?: AbortSignal): Promise<string> {
    return this.call('DescribeKey', region, (sdk, c, s) => sdk.kmsKeyArn(c, region, keyId, s), { signal });
  }

  listProfiles(): Promise<ProfileInfo[]> {
    return this.call('ListProfiles', undefined, (sdk) => sdk.listProfiles());
  }

  checkCredentials(): Promise<void> {
    return this.call('ResolveCredentials', undefined, (sdk, c) => sdk.checkCredentials(c));
  }
}
