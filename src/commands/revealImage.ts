import * as vscode from 'vscode';
import { configuredRegions, section } from '../settings/connection';
import type { ImageInfo } from '../aws/model';
import type { ImageFilterState } from '../explorer/imageFilterState';
import type { ImagesTree, RevealOutcome } from '../explorer/imagesTree';
import { defaultImageFilter } from '../aws/model';
import { showWarning } from '../shared/notify';
import { isPast } from '../shared/format';
import type { CommandHandler } from '../shared/registerCommand';
import { imageTarget, type TargetSources } from '../actions/common/imageTarget';

/** Why the current filter hides an image, or undefined when it does not. */
function hiddenByFilter(image: ImageInfo, filter: ImageFilterState): string | undefined {
  const f = filter.current;
  if (image.state === 'disabled' && !f.includeDisabled) {
    return 'the filter hides disabled images';
  }
  if (isPast(image.deprecationTime) && !f.includeDeprecated) {
    return 'the filter hides deprecated images';
  }
  if (f.architectures?.length && image.architecture && !f.architectures.includes(image.architecture)) {
    return `the filter shows only ${f.architectures.join(', ')}`;
  }
  if (f.states?.length && !f.states.includes(image.state)) {
    return `the filter shows only ${f.states.join(', ')} images`;
  }
  if (f.namePattern) {
    return `the filter shows only names matching ${f.namePattern}`;
  }
  return undefined;
}

/**
 * amiExplorer.revealImage: opens the Images view at an image (`{ imageId, region }`, the id under the cursor,
 * or asked for). Returns true once revealed, else false, saying why the view cannot show it and offering the fix.
 */
export function revealImage(sources: TargetSources, images: ImagesTree, filter: ImageFilterState): CommandHandler {
  const { aws } = sources;
  return async (arg) => {
    const target = await imageTarget(sources, arg);
    if (!target) {
      return undefined;
    }
    const { imageId, region } = target;
    const [details, self] = await Promise.all([aws.describeImage(region, imageId), aws.accountId()]);
    const image = details.image;
    const scopes: ('owned' | 'shared')[] = !self ? ['owned', 'shared'] : image.ownerId === self ? ['owned'] : image.public ? [] : ['shared'];
    const outcome: RevealOutcome = await images.reveal(imageId, region, scopes);
    if (outcome === 'revealed') {
      return true;
    }
    let problem: string;
    let fix: { label: string; run: () => Thenable<unknown> } | undefined;
    if (outcome === 'regionNotShown') {
      problem = `${region} is not one of the Images view's regions, so ${imageId} cannot be shown there.`;
      fix = {
        label: `Add ${region}`,
        run: () => vscode.workspace.getConfiguration(section).update('regions', [...configuredRegions(), region], vscode.ConfigurationTarget.Global),
      };
    } else if (!scopes.length) {
      problem = `${imageId} is a public image of ${image.ownerAlias ?? image.ownerId}: the Images view lists others' public images only through Public catalog searches.`;
      fix = { label: 'Show Details', run: () => vscode.commands.executeCommand('amiExplorer.showDetails', { imageId, region }) };
    } else {
      const reason = hiddenByFilter(image, filter);
      problem = `${imageId} is not listed in the Images view: ${reason ?? 'it was not found among the images of its region'}.`;
      fix = reason ? { label: 'Show All Images', run: () => filter.set({ ...defaultImageFilter, includeDeprecated: true, includeDisabled: true }) } : undefined;
    }
    // The command ends here; the fix, if the person picks it, reveals again.
    void showWarning(problem, ...(fix ? [fix.label] : [])).then(async (choice) => {
      if (fix && choice === fix.label) {
        await fix.run();
        await vscode.commands.executeCommand('amiExplorer.revealImage', { imageId, region });
      }
    });
    return false;
  };
}
