// The deprecate action's input object and summary, checked and worded without AWS. Pure.
import type { ImageInfo } from '../../aws/model';
import { utc } from '../../shared/format';
import { deprecationLabel } from '../../shared/imageMarkdown';
import { checkWith, readOptions, required, type Schema } from '../../shared/options';
import type { ActionSummary } from '../../shared/summaryText';
import { checkImageId, checkRegion } from '../../shared/validation';
import { parseDeprecationDate } from './deprecationDates';

/** null cancels the deprecation. */
export type DeprecateAt = Date | null;

const deprecateSchema: Schema = {
  imageId: required(checkWith(checkImageId)),
  region: required(checkWith(checkRegion)),
  deprecateAt: required((value) => {
    if (value === undefined) {
      return '"deprecateAt" is required: an ISO date such as "2027-05-01", or null to cancel the deprecation.';
    }
    if (value === null) {
      return undefined;
    }
    const at = parseDeprecationDate(value);
    return typeof at === 'string' ? at : undefined;
  }),
};

/** `{ imageId, region, deprecateAt: string | null }`. */
export function parseDeprecateRequest(input: unknown): { imageId: string; region: string; at: DeprecateAt } {
  const arg = readOptions(input, deprecateSchema, 'Deprecate image');
  const at = arg.deprecateAt === null ? null : parseDeprecationDate(arg.deprecateAt) as Date;
  return { imageId: arg.imageId as string, region: arg.region as string, at };
}

/** The summary before the change: the date, or the cancellation, and what deprecation means for users. */
export function deprecateSummary(image: ImageInfo, at: DeprecateAt): ActionSummary {
  const now = deprecationLabel(image);
  return {
    title: at ? `Deprecate ${image.name} (${image.id})` : `Cancel the deprecation of ${image.name} (${image.id})`,
    accept: at ? 'Deprecate' : 'Cancel the Deprecation',
    regions: [image.region],
    lines: [
      at ? `Deprecated from ${utc(at.toISOString())}: it still launches, but DescribeImages lists it only to its owner and to those who ask for it by id`
        : 'No longer deprecated: it is listed again like any other image',
      `Now: ${now ?? 'not deprecated'}`,
    ],
  };
}
