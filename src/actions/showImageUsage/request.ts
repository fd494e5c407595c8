// The usage action's input object, checked whole without AWS. Pure.
import type { ImageTarget } from '../../aws/model';
import { checkWith, readOptions, required, type Schema } from '../../shared/options';
import { checkImageId, checkRegion } from '../../shared/validation';

const usageSchema: Schema = {
  imageId: required(checkWith(checkImageId)),
  region: required(checkWith(checkRegion)),
};

/** `{ imageId, region }`. */
export function parseUsageRequest(input: unknown): ImageTarget {
  const arg = readOptions(input, usageSchema, 'Image usage');
  return { imageId: arg.imageId as string, region: arg.region as string };
}
