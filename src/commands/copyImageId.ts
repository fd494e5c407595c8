import * as vscode from 'vscode';
import type { CommandHandler } from '../shared/registerCommand';
import { isPlainObject } from '../shared/plainObject';
import { checkImageId, ensureValid } from '../shared/validation';
import { imageTarget, type TargetSources } from '../actions/common/imageTarget';

/** amiExplorer.copyImageId: puts the id on the clipboard and returns it. */
export function copyImageId(sources: TargetSources): CommandHandler {
  return async (arg) => {
    // Copying needs no region: `{ imageId }` alone is enough.
    const target = isPlainObject(arg) && arg.region === undefined
      ? { imageId: ensureValid(arg.imageId, checkImageId) as string }
      : await imageTarget(sources, arg);
    if (!target) {
      return undefined;
    }
    await vscode.env.clipboard.writeText(target.imageId);
    vscode.window.setStatusBarMessage(`Copied ${target.imageId}`, 3000);
    return target.imageId;
  };
}
