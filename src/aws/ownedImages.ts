import type { AwsService } from './awsService';
import type { ImageInfo } from './model';

/**
 * The images, in the order asked, each existing in `region` and owned by this account: only the owner may
 * deprecate or deregister an image, and tags another account sets on it are seen by that account alone.
 * Throws naming the first id that is not.
 */
export async function ownedImages(aws: AwsService, region: string, imageIds: readonly string[], signal?: AbortSignal): Promise<ImageInfo[]> {
  const [found, self] = await Promise.all([aws.findImagesById(region, imageIds, signal), aws.accountId()]);
  return imageIds.map((id) => {
    const image = found.find((i) => i.id === id);
    if (!image) {
      throw new Error(`Image ${id} does not exist in ${region}, or this account cannot see it. Check the id and the region.`);
    }
    if (self && image.ownerId !== self) {
      throw new Error(`Image ${id} (${image.name}) belongs to account ${image.ownerId}, not to this account (${self}): only its owner can change it.`);
    }
    return image;
  });
}
