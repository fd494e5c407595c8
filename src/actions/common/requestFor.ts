import type { ImageTarget } from '../../aws/model';
import type { ActionDeps } from './actionDeps';
import { imageTarget } from './imageTarget';
import { prefillsEverything, withoutConfirmed, type Invocation } from './invocation';

/**
 * The request an image action's command works on: a link's complete object, parsed as the API parses it, or else
 * the wizard, started from the tree item, the object's image or the id under the cursor. Undefined when cancelled.
 */
export async function imageRequestFor<R>(
  deps: ActionDeps, call: Invocation, parse: (input: unknown) => R, ask: (target: ImageTarget) => Promise<R | undefined>,
): Promise<R | undefined> {
  if (call.via === 'link' && prefillsEverything(call.input)) {
    return parse(withoutConfirmed(call.input));
  }
  const target = await imageTarget(deps, call.via === 'link' ? call.input : call.via === 'tree' ? call.node : undefined);
  return target && ask(target);
}
