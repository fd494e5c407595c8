import type { ImageInfo, ImageTarget } from '../../aws/model';
import type { Answers } from '../../shared/wizard/wizard';
import type { ActionDeps } from './actionDeps';
import { imageTarget } from './imageTarget';
import { ownedImageTarget } from './ownedImageTarget';
import { prefillsEverything, withoutConfirmed, type Invocation } from './invocation';

/**
 * The request an image action's command works on: a link's complete object, parsed as the API parses it (its
 * summary has no step to go back to), or else the wizard's answers, started from the tree item, the object's image
 * or the id under the cursor. Undefined when cancelled.
 */
export async function imageRequestFor<R>(
  deps: ActionDeps, call: Invocation, parse: (input: unknown) => R, ask: (target: ImageTarget) => Promise<Answers<R> | undefined>,
): Promise<Answers<R> | undefined> {
  if (call.via === 'link' && prefillsEverything(call.input)) {
    return { value: parse(withoutConfirmed(call.input)) };
  }
  const target = await imageTarget(deps, call.via === 'link' ? call.input : call.via === 'tree' ? call.node : undefined);
  return target && ask(target);
}

/**
 * The same for actions that change an owned image: a link's complete object names the image, which must be one of
 * ours in a region EC2 knows; otherwise the wizard starts from the owned image picked. Undefined when cancelled.
 */
export async function ownedImageRequestFor<P extends { imageId: string; region: string }, R>(
  deps: ActionDeps, call: Invocation, parse: (input: unknown) => P,
  fromLink: (image: ImageInfo, parsed: P) => R, ask: (image: ImageInfo) => Promise<Answers<R> | undefined>,
): Promise<Answers<R> | undefined> {
  if (call.via === 'link' && prefillsEverything(call.input)) {
    const parsed = parse(withoutConfirmed(call.input));
    const image = await ownedImageTarget(deps, { imageId: parsed.imageId, region: parsed.region }, true);
    return image && { value: fromLink(image, parsed) };
  }
  const image = await ownedImageTarget(deps, call.via === 'link' ? call.input : call.via === 'tree' ? call.node : undefined, false);
  return image && ask(image);
}
