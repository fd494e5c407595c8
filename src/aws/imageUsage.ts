// What uses images inside the account, batched by EC2's limits: DescribeImageReferences takes 10 images a call,
// a filter 200 values. No vscode: the views, the actions and the API share it.
import type { AwsService } from './awsService';
import { resourceOf, type ImageReference } from './usageModel';

/** EC2's limit of image ids per DescribeImageReferences call. */
export const imagesPerReferenceCall = 10;
/** EC2's limit of values per filter, and of ids per DescribeLaunchTemplates call here. */
export const idsPerCall = 200;

/** `items` cut into runs of at most `size`, in order. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

/**
 * What names each image in the region, by image id (every id given has an entry, empty when nothing of the account
 * uses it): one DescribeImageReferences call (and its pages) per 10 ids, all at once within the region's budget.
 */
export async function referencesOf(aws: Pick<AwsService, 'imageReferences'>, region: string, imageIds: readonly string[], signal?: AbortSignal): Promise<Map<string, ImageReference[]>> {
  const ids = [...new Set(imageIds)];
  const found = await Promise.all(batches(ids, imagesPerReferenceCall).map((batch) => aws.imageReferences(region, batch, signal)));
  const byImage = new Map(ids.map((id) => [id, [] as ImageReference[]]));
  for (const ref of found.flat()) {
    byImage.get(ref.imageId)?.push(ref);
  }
  return byImage;
}

/**
 * The names of the instances (Name tag) and launch templates among `refs`, by ARN. Names are a courtesy: a lookup
 * that fails (a narrower IAM policy, a template deleted meanwhile) leaves those names out, not the references.
 */
export async function referenceNames(aws: Pick<AwsService, 'instanceNames' | 'launchTemplateNames'>, region: string, refs: readonly ImageReference[], signal?: AbortSignal): Promise<Record<string, string>> {
  const idsOf = (kind: string) => [...new Set(refs.map((r) => resourceOf(r.arn)).filter((r) => r.kind === kind).map((r) => r.id))];
  const lookups = [
    ...batches(idsOf('instance'), idsPerCall).map((ids) => aws.instanceNames(region, ids, signal)),
    ...batches(idsOf('launch-template'), idsPerCall).map((ids) => aws.launchTemplateNames(region, ids, signal)),
  ];
  const found = await Promise.all(lookups.map((l) => l.catch((error: unknown): Record<string, string> => {
    if (signal?.aborted) {
      throw error;
    }
    return {};
  })));
  const names = found.reduce<Record<string, string>>((all, some) => ({ ...all, ...some }), {});
  return Object.fromEntries(refs.flatMap((r) => {
    const name = names[resourceOf(r.arn).id];
    return name ? [[r.arn, name]] : [];
  }));
}
