// The restore action's input object and summary, checked and worded without AWS. Pure.
import type { ImageTarget, RecycleBinImage } from '../../aws/model';
import { checkWith, readOptions, required, type Schema } from '../../shared/options';
import { expiryLabel } from '../../shared/retirementText';
import type { ActionSummary } from '../../shared/summaryText';
import { checkImageId, checkRegion } from '../../shared/validation';

const restoreSchema: Schema = { imageId: required(checkWith(checkImageId)), region: required(checkWith(checkRegion)) };

/** `{ imageId, region }`: an image in the region's Recycle Bin. */
export function parseRestoreRequest(input: unknown): ImageTarget {
  const arg = readOptions(input, restoreSchema, 'Restore image');
  return { imageId: (arg.imageId as string).trim(), region: (arg.region as string).trim() };
}

/** Why an image is not there to restore. */
export function notInRecycleBin(target: ImageTarget): string {
  return `${target.imageId} is not in the Recycle Bin of ${target.region}: it was not deregistered there under a retention rule, `
    + 'it was restored already, or its retention period ended and it is gone for good.';
}

export function restoreSummary(image: RecycleBinImage, now: number = Date.now()): ActionSummary {
  return {
    title: `Restore ${image.name} (${image.id}) from the Recycle Bin`,
    accept: 'Restore',
    regions: [image.region],
    lines: [
      'It comes back with its id, tags and launch settings, as it was when it was deregistered',
      'Restoring needs its snapshots: it fails if they were deleted',
      `Left in the bin, it is deleted for good ${expiryLabel(image.expiresAt, now)}`,
    ],
  };
}
