import type { Image, Instance, LaunchPermission, Tag } from '@aws-sdk/client-ec2';
import type { ImageInfo, InstanceInfo, LaunchPermissions } from '../model';

export function tagsToRecord(tags: readonly Tag[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const tag of tags ?? []) {
    if (tag.Key !== undefined) {
      out[tag.Key] = tag.Value ?? '';
    }
  }
  return out;
}

export function toImageInfo(image: Image, region: string): ImageInfo {
  return {
    id: image.ImageId ?? '',
    region,
    name: image.Name ?? image.ImageId ?? '',
    description: image.Description || undefined,
    ownerId: image.OwnerId ?? '',
    ownerAlias: image.ImageOwnerAlias || undefined,
    state: image.State ?? 'unknown',
    architecture: image.Architecture,
    platform: image.Platform,
    platformDetails: image.PlatformDetails,
    virtualizationType: image.VirtualizationType,
    rootDeviceType: image.RootDeviceType,
    rootDeviceName: image.RootDeviceName,
    imageType: image.ImageType,
    creationDate: image.CreationDate,
    deprecationTime: image.DeprecationTime || undefined,
    public: image.Public === true,
    tags: tagsToRecord(image.Tags),
    blockDevices: (image.BlockDeviceMappings ?? []).map((m) => ({
      deviceName: m.DeviceName ?? '',
      snapshotId: m.Ebs?.SnapshotId,
      volumeSizeGiB: m.Ebs?.VolumeSize,
      volumeType: m.Ebs?.VolumeType,
      encrypted: m.Ebs?.Encrypted,
      kmsKeyId: m.Ebs?.KmsKeyId,
      deleteOnTermination: m.Ebs?.DeleteOnTermination,
      iops: m.Ebs?.Iops,
      throughput: m.Ebs?.Throughput,
      virtualName: m.VirtualName,
    })),
    stateReason: image.StateReason?.Message || undefined,
    bootMode: image.BootMode,
    enaSupport: image.EnaSupport,
    imdsSupport: image.ImdsSupport,
    sourceImageId: image.SourceImageId,
    sourceImageRegion: image.SourceImageRegion,
    sourceInstanceId: image.SourceInstanceId || undefined,
    deregistrationProtection: image.DeregistrationProtection || undefined,
    imageAllowed: image.ImageAllowed,
    freeTierEligible: image.FreeTierEligible,
    lastLaunchedTime: image.LastLaunchedTime || undefined,
    raw: image,
  };
}

export function toInstanceInfo(instance: Instance, region: string): InstanceInfo {
  const tags = tagsToRecord(instance.Tags);
  return {
    id: instance.InstanceId ?? '',
    region,
    name: tags.Name || undefined,
    state: instance.State?.Name ?? 'unknown',
    type: instance.InstanceType,
    imageId: instance.ImageId,
    platform: instance.PlatformDetails ?? instance.Platform,
    architecture: instance.Architecture,
    launchTime: instance.LaunchTime?.toISOString(),
    privateIp: instance.PrivateIpAddress,
    publicIp: instance.PublicIpAddress,
    tags,
    rootDeviceType: instance.RootDeviceType,
    volumes: (instance.BlockDeviceMappings ?? []).flatMap((m) => (m.Ebs?.VolumeId
      ? [{ deviceName: m.DeviceName ?? '', volumeId: m.Ebs.VolumeId, deleteOnTermination: m.Ebs.DeleteOnTermination === true }]
      : [])),
    lifecycle: instance.InstanceLifecycle,
  };
}

export function toLaunchPermissions(permissions: readonly LaunchPermission[] | undefined): LaunchPermissions {
  const list = permissions ?? [];
  return {
    public: list.some((p) => p.Group === 'all'),
    accounts: list.flatMap((p) => (p.UserId ? [p.UserId] : [])),
    organizationArns: list.flatMap((p) => (p.OrganizationArn ? [p.OrganizationArn] : [])),
    organizationalUnitArns: list.flatMap((p) => (p.OrganizationalUnitArn ? [p.OrganizationalUnitArn] : [])),
  };
}
