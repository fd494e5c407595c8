import * as vscode from 'vscode';
import type { ImageInfo } from '../../aws/model';
import { deprecationLabel } from '../../shared/imageMarkdown';
import { withProgress } from '../../shared/progress';
import type { CommandHandler } from '../../shared/registerCommand';
import type { ActionDeps } from '../common/actionDeps';
import { deprecateSummary, parseDeprecateRequest, type DeprecateAt } from './request';
import { checkDeprecationDate } from './deprecationDates';
import { askDeprecateAt } from './wizard';
import { reviewAnswers } from '../common/confirmChange';
import { invocationOf } from '../common/invocation';
import { ownedImageRequestFor } from '../common/requestFor';
import { ownedImageTarget } from '../common/ownedImageTarget';


async function applyDeprecation(deps: ActionDeps, image: ImageInfo, at: DeprecateAt): Promise<ImageInfo> {
  if (at) {
    const problem = checkDeprecationDate(at, image);
    if (problem) {
      throw new Error(problem);
    }
  }
  const { id: imageId, region } = image;
  const after = await withProgress(at ? `Deprecating ${image.name}` : `Cancelling the deprecation of ${image.name}`, async (_report, signal) => {
    await (at ? deps.aws.enableImageDeprecation(region, imageId, at, signal) : deps.aws.disableImageDeprecation(region, imageId, signal));
    return (await deps.aws.describeImage(region, imageId, signal)).image;
  });
  deps.images.refreshRegion(region);
  return after;
}

const isoOrNull = (image: ImageInfo) => (image.deprecationTime ? new Date(image.deprecationTime).toISOString() : null);

/** Throws when EC2 would refuse the date for this image. */
function checkDate(image: ImageInfo, at: DeprecateAt): Promise<void> {
  const problem = at ? checkDeprecationDate(at, image) : undefined;
  return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
}

/**
 * amiExplorer.deprecateImage: sets or cancels an image's deprecation time, after the summary. Returns the
 * deprecation time EC2 now holds (ISO) or null.
 */
export function deprecateImage(deps: ActionDeps): CommandHandler {
  return async (...args) => {
    const reviewed = await reviewAnswers(deps.aws, await ownedImageRequestFor(deps, invocationOf(args), parseDeprecateRequest,
      (image, { at }) => ({ image, at }), askDeprecateAt),
      ({ image, at }) => checkDate(image, at), ({ image, at }) => deprecateSummary(image, at));
    if (!reviewed) {
      return undefined;
    }
    const { image, at } = reviewed.answers;
    const after = await applyDeprecation(deps, image, at);
    void vscode.window.showInformationMessage(after.deprecationTime
      ? `${image.name} (${image.id}): ${deprecationLabel(after)}.`
      : `${image.name} (${image.id}) is no longer deprecated.`);
    return isoOrNull(after);
  };
}

/** The API's deprecateImage: `{ imageId, region, deprecateAt: string | null }`. */
export async function deprecateImageApi(deps: ActionDeps, input: unknown): Promise<string | null> {
  const { imageId, region, at } = parseDeprecateRequest(input);
  const image = await ownedImageTarget(deps, { imageId, region }, true);
  return isoOrNull(await applyDeprecation(deps, image!, at));
}
