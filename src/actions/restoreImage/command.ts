import * as vscode from 'vscode';
import { ensureKnownRegions } from '../../aws/knownRegions';
import type { ImageTarget, RecycleBinImage } from '../../aws/model';
import { withProgress } from '../../shared/progress';
import type { CommandHandler } from '../../shared/registerCommand';
import type { Answers } from '../../shared/wizard/wizard';
import type { ActionDeps } from '../common/actionDeps';
import { reviewAnswers } from '../common/confirmChange';
import { invocationOf, withoutConfirmed, type Invocation } from '../common/invocation';
import { notInRecycleBin, parseRestoreRequest, restoreSummary } from './request';
import { askBinnedImage } from './wizard';

/** The image as the region's Recycle Bin lists it now, or a rejection saying why it cannot be restored. */
async function inRecycleBin(deps: ActionDeps, target: ImageTarget): Promise<RecycleBinImage> {
  const found = (await deps.aws.imagesInRecycleBin(target.region)).find((i) => i.id === target.imageId);
  if (!found) {
    throw new Error(notInRecycleBin(target));
  }
  return found;
}

/** Restores, refreshes the region (its images and its Recycle Bin) and answers the image's state afterwards. */
async function restore(deps: ActionDeps, image: RecycleBinImage): Promise<string> {
  const { id, region } = image;
  try {
    return await withProgress(`Restoring ${image.name}`, async (_report, signal) => {
      await deps.aws.restoreImageFromRecycleBin(region, id, signal);
      return (await deps.aws.describeImage(region, id, signal)).image.state;
    });
  } finally {
    deps.images.refreshRegion(region);
  }
}

/** The tree item, a link's `{ imageId, region }` (checked against the bin), or from the palette a region and a pick. */
async function askImage(deps: ActionDeps, call: Invocation): Promise<Answers<RecycleBinImage> | undefined> {
  const fromTree = call.via === 'tree' ? deps.images.recycledImageOf(call.node) : undefined;
  if (fromTree) {
    return { value: await inRecycleBin(deps, { imageId: fromTree.id, region: fromTree.region }) };
  }
  if (call.via === 'link') {
    const target = parseRestoreRequest(withoutConfirmed(call.input));
    await ensureKnownRegions(deps.aws, [target.region]);
    return { value: await inRecycleBin(deps, target) };
  }
  return askBinnedImage(deps.aws);
}

/** amiExplorer.restoreImage: after the summary, brings an image back from the Recycle Bin. Returns its state. */
export function restoreImage(deps: ActionDeps): CommandHandler {
  return async (...args) => {
    const reviewed = await reviewAnswers(deps.aws, await askImage(deps, invocationOf(args)), () => Promise.resolve(), (image) => restoreSummary(image));
    if (!reviewed) {
      return undefined;
    }
    const image = reviewed.answers;
    const state = await restore(deps, image);
    void vscode.window.showInformationMessage(`Restored ${image.name} (${image.id}) in ${image.region}: it is ${state}.`);
    return state;
  };
}

/** The API's restoreImage: `{ imageId, region }`; resolves to the restored image's state. */
export async function restoreImageApi(deps: ActionDeps, input: unknown): Promise<string> {
  const target = parseRestoreRequest(input);
  await ensureKnownRegions(deps.aws, [target.region]);
  return restore(deps, await inRecycleBin(deps, target));
}
