import { ensureKnownRegions } from '../../aws/knownRegions';
import type { ImageInfo } from '../../aws/model';
import { ownedImages } from '../../aws/ownedImages';
import type { ActionDeps } from './actionDeps';
import { imageTarget } from './imageTarget';

/**
 * The owned image an action changes, whichever way it was called; undefined when the person backs out.
 * A programmatic call's region must be one EC2 knows: a typo there would otherwise read as "no such image".
 */
export async function ownedImageTarget(deps: ActionDeps, arg: unknown, programmatic: boolean): Promise<ImageInfo | undefined> {
  const target = await imageTarget(deps, arg);
  if (!target) {
    return undefined;
  }
  if (programmatic) {
    await ensureKnownRegions(deps.aws, [target.region]);
  }
  const [image] = await ownedImages(deps.aws, target.region, [target.imageId]);
  return image;
}
