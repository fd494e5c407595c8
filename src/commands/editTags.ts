import * as vscode from 'vscode';
import type { ImageInfo } from '../aws/model';
import { groupByTagKey } from '../explorer/imagesSettings';
import { isProgrammatic } from '../shared/commandArgs';
import { plural } from '../shared/format';
import { withProgress } from '../shared/progress';
import type { CommandHandler } from '../shared/registerCommand';
import type { ActionDeps } from './actionDeps';
import { askTagEdit, type TagEdit } from './editTagsWizard';
import { ownedImageTarget } from './ownedImageTarget';
import { snapshotsOf } from '../shared/imageSnapshots';
import { applyTagChange, checkTagChange, checkTagCount, describeTagChange, isEmptyChange, latestTag } from './tagChanges';

/** Reads and checks the programmatic form's tag inputs. */
function programmaticEdit(arg: Record<string, unknown>): TagEdit {
  const problem = checkTagChange(arg.set, arg.remove)
    ?? (arg.snapshots !== undefined && typeof arg.snapshots !== 'boolean' ? '"snapshots" must be true or false.' : undefined)
    ?? (arg.markLatest !== undefined && typeof arg.markLatest !== 'boolean' ? '"markLatest" must be true or false.' : undefined);
  if (problem) {
    throw new Error(problem);
  }
  const edit: TagEdit = {
    set: { ...(arg.set as Record<string, string> | undefined) },
    remove: [...new Set((arg.remove as string[] | undefined) ?? [])],
    snapshots: arg.snapshots === true,
    markLatest: arg.markLatest === true,
  };
  if (isEmptyChange(edit) && !edit.markLatest) {
    throw new Error('Nothing to change: give "set" (tags to add or change), "remove" (keys to remove) or "markLatest": true.');
  }
  return edit;
}

/**
 * Throws when the edit does not fit the image (no group to be the latest of, too many tags); returns the value of
 * the group tag "Mark as latest" works within, or undefined when the edit does not mark it.
 */
function latestGroupOf(image: ImageInfo, edit: TagEdit, groupKey: string): string | undefined {
  const after = applyTagChange(image.tags, edit);
  if (edit.markLatest) {
    if (edit.remove.includes(latestTag.key) || (Object.prototype.hasOwnProperty.call(edit.set, latestTag.key) && edit.set[latestTag.key] !== latestTag.value)) {
      throw new Error(`"markLatest" sets ${latestTag.key}=${latestTag.value}: do not also set or remove ${latestTag.key}.`);
    }
    if (!groupKey) {
      throw new Error('"Mark as latest" works within a group of images: set amiExplorer.groupByTag to the tag key that names it, e.g. Project.');
    }
    if (!Object.prototype.hasOwnProperty.call(after, groupKey)) {
      throw new Error(`${image.id} has no ${groupKey} tag, so it belongs to no group to be the latest of: set ${groupKey} too, or tag it first.`);
    }
    after[latestTag.key] = latestTag.value;
  }
  const problem = checkTagCount(after);
  if (problem) {
    throw new Error(problem);
  }
  return edit.markLatest ? after[groupKey] : undefined;
}

/**
 * amiExplorer.editTags: adds, changes and removes tags of an owned image, optionally on its snapshots too, and
 * "Mark as latest" moves `Latest=true` from the other owned images of the same group (same value of the
 * amiExplorer.groupByTag key, same region) to this one. Programmatic form
 * `{ imageId, region, set?, remove?, snapshots?, markLatest? }` returns the image's tags after the change.
 */
export function editTags(deps: ActionDeps): CommandHandler {
  return async (arg, via) => {
    const programmatic = isProgrammatic(arg, via);
    const requested = programmatic ? programmaticEdit(arg) : undefined;
    const image = await ownedImageTarget(deps, arg, programmatic);
    if (!image) {
      return undefined;
    }
    const { id: imageId, region } = image;
    const groupKey = groupByTagKey();
    const edit = requested ?? await askTagEdit(image, groupKey);
    if (!edit) {
      return undefined;
    }
    const groupValue = latestGroupOf(image, edit, groupKey);
    const snapshotIds = edit.snapshots ? snapshotsOf([image]) : [];
    const resources = [imageId, ...snapshotIds];

    const tags = await withProgress(`Tagging ${image.name}`, async (report, signal) => {
      if (groupValue !== undefined) {
        report(`moving ${latestTag.key}=${latestTag.value} within ${groupKey}=${groupValue}`);
        const previous = (await deps.aws.call('DescribeImages', region, (sdk, c) =>
          sdk.ownedImagesTagged(c, region, { [groupKey]: groupValue, [latestTag.key]: latestTag.value }, signal)))
          .filter((i) => i.id !== imageId);
        const from = [...previous.map((i) => i.id), ...(edit.snapshots ? snapshotsOf(previous) : [])];
        await deps.aws.call('DeleteTags', region, (sdk, c) => sdk.deleteTags(c, region, from, { [latestTag.key]: latestTag.value }, signal));
      }
      report(describeTagChange(image.tags, edit).join('; ') || `${latestTag.key}=${latestTag.value}`);
      await deps.aws.call('DeleteTags', region, (sdk, c) =>
        sdk.deleteTags(c, region, resources, Object.fromEntries(edit.remove.map((k) => [k, undefined])), signal));
      const set = { ...edit.set, ...(edit.markLatest ? { [latestTag.key]: latestTag.value } : {}) };
      await deps.aws.call('CreateTags', region, (sdk, c) => sdk.createTags(c, region, resources, set, signal));
      return (await deps.aws.describeImage(region, imageId, signal)).image.tags;
    });
    deps.images.refreshRegion(region);
    if (!programmatic) {
      const where = snapshotIds.length ? ` and ${plural(snapshotIds.length, 'snapshot')}` : '';
      void vscode.window.showInformationMessage(`Tags of ${image.name} (${imageId})${where} saved${edit.markLatest ? `; it is now the latest of ${groupKey}=${groupValue}` : ''}.`);
    }
    return tags;
  };
}
