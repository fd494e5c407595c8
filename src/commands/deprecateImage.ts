import * as vscode from 'vscode';
import type { ImageInfo } from '../aws/model';
import { isProgrammatic } from '../shared/commandArgs';
import { utc } from '../shared/format';
import { deprecationLabel } from '../shared/imageMarkdown';
import { withProgress } from '../shared/progress';
import type { CommandHandler } from '../shared/registerCommand';
import type { ActionDeps } from './actionDeps';
import { checkDeprecationDate, deprecationChoices, parseDeprecationDate } from './deprecationDates';
import { ownedImageTarget } from './ownedImageTarget';

/** null cancels the deprecation. */
type DeprecateAt = Date | null;

/** The date asked of the person, or undefined when they cancel. */
async function askDeprecateAt(image: ImageInfo): Promise<DeprecateAt | undefined> {
  const now = Date.now();
  const current = deprecationLabel(image, now);
  const choices = deprecationChoices(now, image.deprecationTime);
  const picked = await vscode.window.showQuickPick(
    choices.map((c) => ({
      label: c.kind === 'cancel' ? '$(close) Cancel the deprecation' : c.kind === 'date' ? '$(calendar) On a date…' : c.label,
      description: c.kind === 'at' ? utc(c.at.toISOString()) : c.kind === 'cancel' ? `now ${current ?? ''}` : 'YYYY-MM-DD, midnight UTC',
      choice: c,
    })),
    {
      title: `Deprecate ${image.name} (${image.id})`,
      placeHolder: current ? `Currently ${current}` : 'Not deprecated. When should it be?',
      ignoreFocusOut: true,
    },
  );
  if (!picked) {
    return undefined;
  }
  const { choice } = picked;
  if (choice.kind === 'at') {
    return choice.at;
  }
  if (choice.kind === 'cancel') {
    return null;
  }
  const text = await vscode.window.showInputBox({
    title: `Deprecate ${image.name} on`,
    prompt: 'A date (midnight UTC) or an ISO 8601 time; EC2 rounds it to the minute.',
    placeHolder: new Date(now + 90 * 86_400_000).toISOString().slice(0, 10),
    ignoreFocusOut: true,
    validateInput: (v) => {
      const at = parseDeprecationDate(v);
      return typeof at === 'string' ? at : checkDeprecationDate(at, image);
    },
  });
  if (!text) {
    return undefined;
  }
  return parseDeprecationDate(text) as Date;
}

/** Reads and checks `deprecateAt` of the programmatic form: an ISO date or null, never absent. */
function programmaticDeprecateAt(value: unknown): DeprecateAt {
  if (value === null) {
    return null;
  }
  if (value === undefined) {
    throw new Error('"deprecateAt" is required: an ISO date such as "2027-05-01", or null to cancel the deprecation.');
  }
  const at = parseDeprecationDate(value);
  if (typeof at === 'string') {
    throw new Error(at);
  }
  return at;
}

/**
 * amiExplorer.deprecateImage: sets or cancels an image's deprecation time. Programmatic form
 * `{ imageId, region, deprecateAt: string | null }` returns the deprecation time EC2 now holds (ISO) or null.
 */
export function deprecateImage(deps: ActionDeps): CommandHandler {
  return async (arg, via) => {
    const programmatic = isProgrammatic(arg, via);
    const requested = programmatic ? programmaticDeprecateAt(arg.deprecateAt) : undefined;
    const image = await ownedImageTarget(deps, arg, programmatic);
    if (!image) {
      return undefined;
    }
    const { id: imageId, region } = image;
    const at = programmatic ? requested : await askDeprecateAt(image);
    if (at === undefined) {
      return undefined;
    }
    if (at) {
      const problem = checkDeprecationDate(at, image);
      if (problem) {
        throw new Error(problem);
      }
    }
    const after = await withProgress(at ? `Deprecating ${image.name}` : `Cancelling the deprecation of ${image.name}`, async (_report, signal) => {
      await deps.aws.call(at ? 'EnableImageDeprecation' : 'DisableImageDeprecation', region, (sdk, c) =>
        at ? sdk.enableImageDeprecation(c, region, imageId, at, signal) : sdk.disableImageDeprecation(c, region, imageId, signal));
      return (await deps.aws.describeImage(region, imageId, signal)).image;
    });
    deps.images.refreshRegion(region);
    if (!programmatic) {
      void vscode.window.showInformationMessage(after.deprecationTime
        ? `${image.name} (${imageId}): ${deprecationLabel(after)}.`
        : `${image.name} (${imageId}) is no longer deprecated.`);
    }
    return after.deprecationTime ? new Date(after.deprecationTime).toISOString() : null;
  };
}
