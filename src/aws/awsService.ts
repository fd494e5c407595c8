import { AwsCore } from './awsCore';
import type { CopyImageInput, KmsAlias } from './imageCopyModel';
import type { LaunchPermissionChange } from './imageSharingModel';
import type { InstanceProfileInfo, InstanceStateChange, SettledState, VolumeInfo } from './instanceModel';
import type { ImageCreationRequest, InstanceTypeInfo, LaunchRequest, SecurityGroupInfo, SubnetInfo } from './launchModel';
import type { AllowedImagesSettings, ImageDetails, ImageInfo, ImageQuery, InstanceInfo, Page, RecycleBinImage, RetentionRule } from './model';
import type { ParameterAnswer } from './parameterModel';
import type { ProfileInfo } from './sdk/profiles';
import type { ImageReference, UsageReport, UsageReportEntry } from './usageModel';

export type { CallOptions, ConnectionSource } from './awsCore';

/**
 * The extension's one door to AWS: one method per operation, each naming its EC2, KMS, STS, IAM, SSM or rbin action once (for
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

  /** Up to ten SSM parameters of one region (GetParameters' limit); unknown names come back as invalid. */
  getParameters(region: string, names: readonly string[], signal?: AbortSignal): Promise<ParameterAnswer> {
    return this.call('ssm:GetParameters', region, (sdk, c, s) => sdk.getParameters(c, region, names, s), { signal });
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

  /** Makes an image unlaunchable and private (every launch permission goes); EnableImage undoes the first only. */
  disableImage(region: string, imageId: string, signal?: AbortSignal): Promise<void> {
    return this.call('DisableImage', region, (sdk, c, s) => sdk.disableImage(c, region, imageId, s), { signal });
  }

  enableImage(region: string, imageId: string, signal?: AbortSignal): Promise<void> {
    return this.call('EnableImage', region, (sdk, c, s) => sdk.enableImage(c, region, imageId, s), { signal });
  }

  /** On (with or without the 24-hour cooldown after it is turned off) or off. */
  setDeregistrationProtection(region: string, imageId: string, protection: { enabled: boolean; cooldown: boolean }, signal?: AbortSignal): Promise<void> {
    const action = protection.enabled ? 'EnableImageDeregistrationProtection' : 'DisableImageDeregistrationProtection';
    return this.call(action, region, (sdk, c, s) => sdk.setDeregistrationProtection(c, region, imageId, protection, s), { signal });
  }

  /** The account's deregistered images the region's Recycle Bin still keeps, soonest to expire first. */
  imagesInRecycleBin(region: string, signal?: AbortSignal): Promise<RecycleBinImage[]> {
    return this.call('ListImagesInRecycleBin', region, (sdk, c, s) => sdk.imagesInRecycleBin(c, region, s), { signal });
  }

  restoreImageFromRecycleBin(region: string, imageId: string, signal?: AbortSignal): Promise<void> {
    return this.call('RestoreImageFromRecycleBin', region, (sdk, c, s) => sdk.restoreImageFromRecycleBin(c, region, imageId, s), { signal });
  }

  /** The region's Recycle Bin retention rules for AMIs (the rbin service, not EC2). */
  imageRetentionRules(region: string, signal?: AbortSignal): Promise<RetentionRule[]> {
    return this.call('rbin:ListRules', region, (sdk, c, s) => sdk.imageRetentionRules(c, region, s), { signal });
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

  /** The region's instances in any of `states` (e.g. those Stop applies to). */
  listInstancesInStates(region: string, states: readonly string[], signal?: AbortSignal): Promise<InstanceInfo[]> {
    return this.call('DescribeInstances', region, (sdk, c, s) => sdk.listInstancesInStates(c, region, states, s), { signal });
  }

  stopInstance(region: string, instanceId: string, signal?: AbortSignal): Promise<InstanceStateChange> {
    return this.call('StopInstances', region, (sdk, c, s) => sdk.stopInstance(c, region, instanceId, s), { signal });
  }

  startInstance(region: string, instanceId: string, signal?: AbortSignal): Promise<InstanceStateChange> {
    return this.call('StartInstances', region, (sdk, c, s) => sdk.startInstance(c, region, instanceId, s), { signal });
  }

  rebootInstance(region: string, instanceId: string, signal?: AbortSignal): Promise<void> {
    return this.call('RebootInstances', region, (sdk, c, s) => sdk.rebootInstance(c, region, instanceId, s), { signal });
  }

  terminateInstance(region: string, instanceId: string, signal?: AbortSignal): Promise<InstanceStateChange> {
    return this.call('TerminateInstances', region, (sdk, c, s) => sdk.terminateInstance(c, region, instanceId, s), { signal });
  }

  /** Until the instance is `state` (a waiter), for at most `maxWaitSeconds`. */
  waitForInstanceState(region: string, instanceId: string, state: SettledState, maxWaitSeconds: number, signal?: AbortSignal): Promise<void> {
    return this.call('DescribeInstances', region, (sdk, c, s) => sdk.waitForInstanceState(c, region, instanceId, state, maxWaitSeconds, s), { signal, wait: true });
  }

  /** Whether the instance's termination protection (DisableApiTermination) is on. */
  terminationProtected(region: string, instanceId: string, signal?: AbortSignal): Promise<boolean> {
    return this.call('DescribeInstanceAttribute', region, (sdk, c, s) => sdk.terminationProtected(c, region, instanceId, s), { signal });
  }

  describeVolumes(region: string, volumeIds: readonly string[], signal?: AbortSignal): Promise<VolumeInfo[]> {
    return this.call('DescribeVolumes', region, (sdk, c, s) => sdk.describeVolumes(c, region, volumeIds, s), { signal });
  }

  /** The Elastic IPs associated with an instance. */
  elasticIpsOf(region: string, instanceId: string, signal?: AbortSignal): Promise<string[]> {
    return this.call('DescribeAddresses', region, (sdk, c, s) => sdk.elasticIpsOf(c, region, instanceId, s), { signal });
  }

  /** The account's IAM instance profiles; `region` picks the partition (IAM is global). */
  listInstanceProfiles(region: string, signal?: AbortSignal): Promise<InstanceProfileInfo[]> {
    return this.call('ListInstanceProfiles', region, (sdk, c, s) => sdk.listInstanceProfiles(c, region, s), { signal });
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

  /** The caller's resources that name one of `imageIds`: at most 10, EC2's limit per call (see imageUsage.ts). */
  imageReferences(region: string, imageIds: readonly string[], signal?: AbortSignal): Promise<ImageReference[]> {
    return this.call('DescribeImageReferences', region, (sdk, c, s) => sdk.imageReferences(c, region, imageIds, s), { signal, ownPermission: true });
  }

  /** The Name tag of each instance among `ids` (at most 200) that has one. */
  instanceNames(region: string, ids: readonly string[], signal?: AbortSignal): Promise<Record<string, string>> {
    return this.call('DescribeInstances', region, (sdk, c, s) => sdk.instanceNames(c, region, ids, s), { signal });
  }

  /** The name of each launch template among `ids` (at most 200). */
  launchTemplateNames(region: string, ids: readonly string[], signal?: AbortSignal): Promise<Record<string, string>> {
    return this.call('DescribeLaunchTemplates', region, (sdk, c, s) => sdk.launchTemplateNames(c, region, ids, s), { signal, ownPermission: true });
  }

  /** Starts an AMI usage report on what other accounts run from an image the caller owns; returns its id. */
  createImageUsageReport(region: string, imageId: string, signal?: AbortSignal): Promise<string> {
    return this.call('CreateImageUsageReport', region, (sdk, c, s) => sdk.createImageUsageReport(c, region, imageId, s), { signal });
  }

  /** The account's usage reports on one image, or those with the given ids. */
  imageUsageReports(region: string, which: { imageId?: string; reportIds?: readonly string[] }, signal?: AbortSignal): Promise<UsageReport[]> {
    return this.call('DescribeImageUsageReports', region, (sdk, c, s) => sdk.imageUsageReports(c, region, which, s), { signal, ownPermission: true });
  }

  /** What an available usage report counted, per account and resource type. */
  imageUsageReportEntries(region: string, reportId: string, signal?: AbortSignal): Promise<UsageReportEntry[]> {
    return this.call('DescribeImageUsageReportEntries', region, (sdk, c, s) => sdk.imageUsageReportEntries(c, region, reportId, s), { signal, ownPermission: true });
  }

  listProfiles(): Promise<ProfileInfo[]> {
    return this.call('ListProfiles', undefined, (sdk) => sdk.listProfiles());
  }

  checkCredentials(): Promise<void> {
    return this.call('ResolveCredentials', undefined, (sdk, c) => sdk.checkCredentials(c));
  }
}
