import * as vscode from 'vscode';
import type { ImageInfo } from '../../aws/model';
import { withProgress } from '../../shared/progress';
import type { CommandHandler } from '../../shared/registerCommand';
import { protectionLabel } from '../../shared/retirementText';
import type { Answers } from '../../shared/wizard/wizard';
import type { ActionDeps } from '../common/actionDeps';
import { reviewAnswers } from '../common/confirmChange';
import { invocationOf, prefillsEverything, withoutConfirmed, type Invocation } from '../common/invocation';
import { ownedImageTarget } from '../common/ownedImageTarget';
import { parseProtectionRequest, protectionSummary, type ProtectionChange } from './request';
import { askProtection } from './wizard';

/** Changes the protection and answers it as EC2 reports it afterwards (undefined when EC2 reports none). */
async function applyProtection(deps: ActionDeps, image: ImageInfo, change: ProtectionChange): Promise<string | undefined> {
  const { id, region } = image;
  try {
    return await withProgress(change.enabled ? `Protecting ${image.name}` : `Turning off the protection of ${image.name}`, async (_report, signal) => {
      await deps.aws.setDeregistrationProtection(region, id, change, signal);
      return (await deps.aws.describeImage(region, id, signal)).image.deregistrationProtection;
    });
  } finally {
    deps.images.refreshRegion(region);
  }
}

async function askRequest(deps: ActionDeps, call: Invocation): Promise<Answers<{ image: ImageInfo; change: ProtectionChange }> | undefined> {
  if (call.via === 'link' && prefillsEverything(call.input)) {
    const { imageId, region, ...change } = parseProtectionRequest(withoutConfirmed(call.input));
    const image = await ownedImageTarget(deps, { imageId, region }, true);
    return image && { value: { image, change } };
  }
  const image = await ownedImageTarget(deps, call.via === 'link' ? call.input : call.via === 'tree' ? call.node : undefined, false);
  return image && askProtection(image);
}

/**
 * amiExplorer.setDeregistrationProtection: turns an owned image's deregistration protection on (with or without
 * the 24-hour cooldown) or off, after the summary. Returns the protection as EC2 reports it afterwards.
 */
export function setDeregistrationProtection(deps: ActionDeps): CommandHandler {
  return async (...args) => {
    const reviewed = await reviewAnswers(deps.aws, await askRequest(deps, invocationOf(args)),
      () => Promise.resolve(), ({ image, change }) => protectionSummary(image, change));
    if (!reviewed) {
      return undefined;
    }
    const { image, change } = reviewed.answers;
    const after = await applyProtection(deps, image, change);
    void vscode.window.showInformationMessage(`Deregistration protection of ${image.name} (${image.id}): ${protectionLabel(after) ?? 'not reported by EC2'}.`);
    return after;
  };
}

/** The API's setDeregistrationProtection: `{ imageId, region, enabled, cooldown? }`. */
export async function setDeregistrationProtectionApi(deps: ActionDeps, input: unknown): Promise<string | undefined> {
  const { imageId, region, ...change } = parseProtectionRequest(input);
  const image = (await ownedImageTarget(deps, { imageId, region }, true))!;
  return applyProtection(deps, image, change);
}
