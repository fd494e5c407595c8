import * as vscode from 'vscode';
import type { ImageInfo, ImageTarget } from '../../aws/model';
import { inAccountUsage } from '../../shared/imageUsage';
import { inAccountText } from '../../shared/usageText';
import { withProgress } from '../../shared/progress';
import type { CommandHandler } from '../../shared/registerCommand';
import type { ActionDeps } from '../common/actionDeps';
import { reviewAnswers } from '../common/confirmChange';
import { ensureConfirmed, invocationOf, withoutConfirmed, type Invocation } from '../common/invocation';
import { ownedImageTarget } from '../common/ownedImageTarget';
import { disableProblem, disableSummary, enableProblem, type DisableFacts, enableSummary, parseDisableRequest, parseEnableRequest } from './request';

/** The owned image a command works on: the tree item, a link's `{ imageId, region }` or, from the palette, asked for. */
function imageOf(deps: ActionDeps, call: Invocation, parse: (input: unknown) => ImageTarget): Promise<ImageInfo | undefined> {
  const arg = call.via === 'link' ? parse(withoutConfirmed(call.input)) : call.via === 'tree' ? call.node : undefined;
  return ownedImageTarget(deps, arg, false);
}

const reject = (problem: string | undefined) => (problem ? Promise.reject(new Error(problem)) : Promise.resolve());

/** Runs one state change under a cancellable progress, refreshes the region, and answers the image's state now. */
async function changeState(deps: ActionDeps, image: ImageInfo, title: string, change: (signal: AbortSignal) => Promise<void>): Promise<string> {
  const { region, id } = image;
  try {
    return await withProgress(title, async (_report, signal) => {
      await change(signal);
      return (await deps.aws.describeImage(region, id, signal)).image.state;
    });
  } finally {
    deps.images.refreshRegion(region);
  }
}

const disable = (deps: ActionDeps, image: ImageInfo) =>
  changeState(deps, image, `Disabling ${image.name}`, (signal) => deps.aws.disableImage(image.region, image.id, signal));
const enable = (deps: ActionDeps, image: ImageInfo) =>
  changeState(deps, image, `Enabling ${image.name}`, (signal) => deps.aws.enableImage(image.region, image.id, signal));

/**
 * Who may launch it now (undefined when EC2 will not say) and what of the account uses it, for the summary; a
 * failed usage check is said, never read as "unused".
 */
async function beforeDisabling(deps: ActionDeps, image: ImageInfo): Promise<DisableFacts> {
  await reject(disableProblem(image));
  const [details, usage] = await Promise.all([
    deps.aws.describeImage(image.region, image.id).catch(() => undefined),
    inAccountUsage(deps.aws, image.region, [image.id]).then(
      (found) => ({ groups: found.get(image.id)?.groups ?? [] }),
      (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
    ),
  ]);
  return { permissions: details?.launchPermissions, usage: inAccountText(usage) };
}

/**
 * amiExplorer.disableImage: after the summary (launches fail, shares and the public listing end), disables an owned,
 * available image. Returns its state afterwards ("disabled").
 */
export function disableImage(deps: ActionDeps): CommandHandler {
  return async (...args) => {
    const image = await imageOf(deps, invocationOf(args), parseDisableRequest);
    const reviewed = image && await reviewAnswers(deps.aws, { value: image }, (i) => beforeDisabling(deps, i), disableSummary);
    if (!reviewed) {
      return undefined;
    }
    const state = await disable(deps, reviewed.answers);
    void vscode.window.showInformationMessage(`${image.name} (${image.id}) is ${state}: launches from it fail until you enable it again.`);
    return state;
  };
}

/** amiExplorer.enableImage: after the summary, makes a disabled image launchable again. Returns its state afterwards. */
export function enableImage(deps: ActionDeps): CommandHandler {
  return async (...args) => {
    const image = await imageOf(deps, invocationOf(args), parseEnableRequest);
    const reviewed = image && await reviewAnswers(deps.aws, { value: image }, (i) => reject(enableProblem(i)), enableSummary);
    if (!reviewed) {
      return undefined;
    }
    const state = await enable(deps, reviewed.answers);
    void vscode.window.showInformationMessage(`${image.name} (${image.id}) is ${state} again.`);
    return state;
  };
}

/** The API's disableImage: `{ imageId, region, confirmed: true }`; resolves to the image's state afterwards. */
export async function disableImageApi(deps: ActionDeps, input: unknown): Promise<string> {
  const { imageId, region } = parseDisableRequest(input);
  ensureConfirmed(input as Record<string, unknown>, `Disabling ${imageId} in ${region} makes launches from it fail and ends its shares`);
  const image = (await ownedImageTarget(deps, { imageId, region }, true))!;
  await reject(disableProblem(image));
  return disable(deps, image);
}

/** The API's enableImage: `{ imageId, region }`; resolves to the image's state afterwards. */
export async function enableImageApi(deps: ActionDeps, input: unknown): Promise<string> {
  const image = (await ownedImageTarget(deps, parseEnableRequest(input), true))!;
  await reject(enableProblem(image));
  return enable(deps, image);
}
