// The copy and share suites' own images, made through the EC2 API in their regions, and EC2's view of the result.
import { DescribeImageAttributeCommand, DescribeImagesCommand, DescribeSnapshotAttributeCommand, type Image } from '@aws-sdk/client-ec2';
import { CreateAliasCommand, CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { ec2, registerTestImage } from './ec2';
import { must } from '../must';

/** A fresh EBS-backed image with its own snapshot, as EC2 describes it. */
export async function registerImage(region: string, prefix: string, options: { tags?: Record<string, string>; encrypted?: boolean; description?: string } = {}): Promise<Image> {
  return image(region, (await registerTestImage({ region, prefix, ...options })).imageId);
}

export async function image(region: string, imageId: string): Promise<Image> {
  const out = await ec2(region).send(new DescribeImagesCommand({ ImageIds: [imageId], IncludeDeprecated: true, IncludeDisabled: true }));
  return must(out.Images?.[0], `image ${imageId} in ${region}`);
}

/** The caller's images named `name` in a region. */
export async function imagesNamed(region: string, name: string): Promise<Image[]> {
  const out = await ec2(region).send(new DescribeImagesCommand({ Owners: ['self'], Filters: [{ Name: 'name', Values: [name] }], IncludeDeprecated: true, IncludeDisabled: true }));
  return out.Images ?? [];
}

export async function ownedImageIds(region: string): Promise<string[]> {
  const out = await ec2(region).send(new DescribeImagesCommand({ Owners: ['self'], IncludeDeprecated: true, IncludeDisabled: true }));
  return (out.Images ?? []).map((i) => i.ImageId!).sort();
}

export async function launchPermissionsOf(region: string, imageId: string) {
  const out = await ec2(region).send(new DescribeImageAttributeCommand({ ImageId: imageId, Attribute: 'launchPermission' }));
  return out.LaunchPermissions ?? [];
}

export async function volumePermissionsOf(region: string, snapshotId: string): Promise<string[]> {
  const out = await ec2(region).send(new DescribeSnapshotAttributeCommand({ SnapshotId: snapshotId, Attribute: 'createVolumePermission' }));
  return (out.CreateVolumePermissions ?? []).map((p) => p.UserId ?? p.Group ?? '');
}

export function snapshotOf(img: Image): string {
  return img.BlockDeviceMappings!.find((b) => b.Ebs?.SnapshotId)!.Ebs!.SnapshotId!;
}

/** A customer-managed KMS key with an alias in `region`; returns the key's ARN. */
export async function createKmsAlias(region: string, alias: string): Promise<string> {
  const kms = new KMSClient({ region, endpoint: process.env.AWS_ENDPOINT_URL });
  try {
    const key = await kms.send(new CreateKeyCommand({ Description: `test key ${alias}` }));
    await kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: key.KeyMetadata!.KeyId }));
    return key.KeyMetadata!.Arn!;
  } finally {
    kms.destroy();
  }
}
