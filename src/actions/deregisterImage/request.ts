// The deregister action's input object, checked whole without AWS. Pure.
import { checkWith, isBoolean, isList, optional, readOptions, required, type Schema } from '../../shared/options';
import { checkImageId, checkRegion } from '../../shared/validation';
import type { RegionBatch } from '../common/deregistration';

const deregisterSchema: Schema = {
  imageId: optional(checkWith(checkImageId)),
  imageIds: optional(isList(checkImageId, '["ami-0abcdef1234567890"]', { nonEmpty: true, of: 'AMI ids' })),
  region: required(checkWith(checkRegion)),
  deleteSnapshots: optional(isBoolean),
  confirmed: optional(() => undefined),
};

/** `{ imageId | imageIds, region, deleteSnapshots? }`; `confirmed` is the API's to check. */
export function parseDeregisterRequest(input: unknown): { batch: RegionBatch; deleteSnapshots: boolean } {
  const arg = readOptions(input, deregisterSchema, 'Deregister image');
  if (arg.imageId !== undefined && arg.imageIds !== undefined) {
    throw new Error('Give either "imageId" or "imageIds", not both.');
  }
  if (arg.imageId === undefined && arg.imageIds === undefined) {
    throw new Error('"imageIds" must be a non-empty list of AMI ids, e.g. ["ami-0abcdef1234567890"] (or give one "imageId").');
  }
  const ids = (arg.imageIds as string[] | undefined) ?? [arg.imageId as string];
  return {
    batch: { region: arg.region as string, imageIds: [...new Set(ids.map((i) => i.trim()))] },
    deleteSnapshots: arg.deleteSnapshots === true,
  };
}
