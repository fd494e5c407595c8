// Gathers what the details page shows: the image and its launch permissions first (a missing image fails here),
// then, at once, the parts that may fail on their own. No vscode.
import type { AwsService } from '../aws/awsService';
import type { ImageTarget } from '../aws/model';
import type { LastLaunchedReader } from '../shared/lastLaunched';
import type { Fact, ImagePage, ImageUsageView } from './imagePage';
import { lineageOf } from './lineage';

export interface PageSources {
  readonly aws: AwsService;
  readonly lastLaunched: LastLaunchedReader;
  readonly price: () => number;
  /** Who uses the image; the page has no Usage section without it. */
  readonly usage?: (target: ImageTarget, signal?: AbortSignal) => Promise<ImageUsageView | undefined>;
}

async function fact<T>(work: Promise<T>): Promise<Fact<T>> {
  try {
    return { ok: true, value: await work };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

async function usageFact(sources: PageSources, target: ImageTarget, signal?: AbortSignal): Promise<Fact<ImageUsageView> | undefined> {
  const found = sources.usage && await fact(sources.usage(target, signal));
  return found?.ok && !found.value ? undefined : found as Fact<ImageUsageView> | undefined;
}

export async function loadImagePage(sources: PageSources, target: ImageTarget, signal?: AbortSignal): Promise<ImagePage> {
  const { aws } = sources;
  const [details, selfAccount] = await Promise.all([aws.describeImage(target.region, target.imageId, signal), aws.accountId()]);
  const { image } = details;
  // Only the owner may read launch permissions: having them says it is ours even when STS did not answer.
  const owned = selfAccount ? image.ownerId === selfAccount : details.launchPermissions !== undefined;
  const [lastLaunched, allowed, lineage, usage] = await Promise.all([
    owned ? sources.lastLaunched.of(image) : undefined,
    fact(aws.allowedImagesSettings(target.region, signal)),
    lineageOf(image, {
      image: async (region, imageId, s) => (await aws.findImagesById(region, [imageId], s))[0],
      instanceImage: (region, instanceId, s) => aws.findInstance(region, instanceId, s),
    }, signal),
    usageFact(sources, target, signal),
  ]);
  return { details, owned, selfAccount, lastLaunched, allowed, lineage, pricePerGBMonth: sources.price(), usage, now: Date.now() };
}
