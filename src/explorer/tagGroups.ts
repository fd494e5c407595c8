import type { ImageInfo } from '../aws/model';

export interface TagGroup {
  /** undefined = the images without the tag. */
  readonly value: string | undefined;
  readonly images: readonly ImageInfo[];
}

/** Groups by one tag's value: values in natural order, the untagged group last. Pure. */
export function groupByTagValue(images: readonly ImageInfo[], tagKey: string): TagGroup[] {
  const groups = new Map<string | undefined, ImageInfo[]>();
  for (const image of images) {
    const value = Object.prototype.hasOwnProperty.call(image.tags, tagKey) ? image.tags[tagKey] : undefined;
    let list = groups.get(value);
    if (!list) {
      list = [];
      groups.set(value, list);
    }
    list.push(image);
  }
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  return [...groups.entries()]
    .sort(([a], [b]) => (a === undefined ? 1 : b === undefined ? -1 : collator.compare(a, b)))
    .map(([value, list]) => ({ value, images: sortNewestFirst(list) }));
}

/** Newest first, then by name: the order a team reads a list of image versions in. */
export function sortNewestFirst(images: readonly ImageInfo[]): ImageInfo[] {
  return [...images].sort((a, b) => (b.creationDate ?? '').localeCompare(a.creationDate ?? '') || a.name.localeCompare(b.name));
}
