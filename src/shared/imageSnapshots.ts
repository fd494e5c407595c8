// Which snapshots images rest on: what deregistering may delete, tagging may also tag, sharing may also share. Pure.
import type { ImageInfo } from '../aws/model';

/** The EBS snapshots the images' block devices reference, once each. */
export function snapshotsOf(images: readonly Pick<ImageInfo, 'blockDevices'>[]): string[] {
  return [...new Set(images.flatMap((i) => i.blockDevices.flatMap((b) => (b.snapshotId ? [b.snapshotId] : []))))];
}

/** Whether any of the image's EBS volumes is encrypted (then its copies and shares need the KMS key too). */
export function isEncrypted(image: ImageInfo): boolean {
  return image.blockDevices.some((d) => d.encrypted);
}
