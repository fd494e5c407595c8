// The chain an image came from: a copy's source image, the image of the instance an image was made from, and so on
// while EC2 still knows each step. No vscode: the sources are the AwsService's lookups.
import type { ImageInfo } from '../aws/model';
import type { LineageLink } from './imagePage';

export interface LineageSources {
  /** The image, or undefined when EC2 does not know it (any more). */
  image(region: string, imageId: string, signal?: AbortSignal): Promise<ImageInfo | undefined>;
  /** The image an instance was launched from; undefined when EC2 does not know the instance (any more). */
  instanceImage(region: string, instanceId: string, signal?: AbortSignal): Promise<{ imageId?: string } | undefined>;
}

const maxLinks = 10;

function failure(error: unknown): string {
  return `could not be read: ${error instanceof Error ? error.message : String(error)}`;
}

async function sourceImage(sources: LineageSources, region: string, imageId: string, signal?: AbortSignal): Promise<Pick<LineageLink, 'image' | 'note'>> {
  try {
    const image = await sources.image(region, imageId, signal);
    return image ? { image } : { note: 'EC2 no longer knows this image (deregistered), or it is not visible to this account' };
  } catch (error) {
    signal?.throwIfAborted();
    return { note: failure(error) };
  }
}

/** One step back from `image`, or undefined when EC2 records no source. */
async function stepBack(image: ImageInfo, sources: LineageSources, signal?: AbortSignal): Promise<LineageLink | undefined> {
  if (image.sourceImageId) {
    const region = image.sourceImageRegion ?? image.region;
    return { relation: 'copy', region, imageId: image.sourceImageId, ...await sourceImage(sources, region, image.sourceImageId, signal) };
  }
  if (!image.sourceInstanceId) {
    return undefined;
  }
  const base = { relation: 'instance' as const, region: image.region, instanceId: image.sourceInstanceId };
  let instance;
  try {
    instance = await sources.instanceImage(image.region, image.sourceInstanceId, signal);
  } catch (error) {
    signal?.throwIfAborted();
    return { ...base, note: `the instance ${failure(error)}` };
  }
  if (!instance) {
    return { ...base, note: 'EC2 no longer knows the instance (terminated), so not the image it was launched from' };
  }
  if (!instance.imageId) {
    return { ...base, note: 'EC2 does not say which image the instance was launched from' };
  }
  return { ...base, imageId: instance.imageId, ...await sourceImage(sources, image.region, instance.imageId, signal) };
}

/** The links from the image back to the first one EC2 knows no source of (at most 10, never round in a circle). */
export async function lineageOf(image: ImageInfo, sources: LineageSources, signal?: AbortSignal): Promise<LineageLink[]> {
  const links: LineageLink[] = [];
  const seen = new Set([`${image.region}/${image.id}`]);
  let current: ImageInfo | undefined = image;
  while (current && links.length < maxLinks) {
    const link = await stepBack(current, sources, signal);
    if (!link) {
      break;
    }
    links.push(link);
    const key = link.image && `${link.image.region}/${link.image.id}`;
    current = key && !seen.has(key) ? link.image : undefined;
    if (key) {
      seen.add(key);
    }
  }
  return links;
}
