import * as vscode from 'vscode';
import type { ImageDetailsPanels } from '../details/imageDetailsPanels';
import { invocationOf } from '../actions/common/invocation';
import type { CommandHandler } from '../shared/registerCommand';
import { imageTarget, type TargetSources } from '../actions/common/imageTarget';

/**
 * amiExplorer.showDetails: the image's details page (one per image; asked again, it shows and reads the open one
 * again). Returns `{ imageId, region }` once shown; a missing image is an error, not a page.
 */
export function showDetails(sources: TargetSources, panels: ImageDetailsPanels): CommandHandler {
  return async (arg) => {
    const target = await imageTarget(sources, arg);
    if (!target) {
      return undefined;
    }
    // From a hover, the code stays in view.
    await panels.show(target, invocationOf([arg]).via === 'link' ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active);
    return { imageId: target.imageId, region: target.region };
  };
}
