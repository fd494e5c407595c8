import * as vscode from 'vscode';
import type { ImageInfo } from '../../aws/model';
import { groupByTagKey } from '../../settings/images';
import { plural } from '../../shared/format';
import { withProgress } from '../../shared/progress';
import type { CommandHandler } from '../../shared/registerCommand';
import type { ActionDeps } from '../common/actionDeps';
import { parseTagsRequest, tagsSummary, type TagEdit } from './request';
import { askTagEdit } from './wizard';
import { reviewAnswers } from '../common/confirmChange';
import type { ActionSummary } from '../../shared/summaryText';
import { invocationOf } from '../common/invocation';
import { ownedImageRequestFor } from '../common/requestFor';
import { ownedImageTarget } from '../common/ownedImageTarget';
import { snapshotsOf } from '../../shared/imageSnapshots';
import { applyTagChange, checkTagCount, describeTagChange, latestTag } from './tagChanges';

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

interface TagPlan {
  readonly image: ImageInfo;
  readonly edit: TagEdit;
  readonly groupKey: string;
  readonly groupValue?: string;
  readonly snapshotIds: string[];
}

function planTags(image: ImageInfo, edit: TagEdit): TagPlan {
  const groupKey = groupByTagKey();
  const groupValue = latestGroupOf(image, edit, groupKey);
  return { image, edit, groupKey, groupValue, snapshotIds: edit.snapshots ? snapshotsOf([image]) : [] };
}

/** EC2's tag limit holds for each snapshot too: checked before anything is tagged. */
async function checkSnapshotTagCounts(deps: ActionDeps, plan: TagPlan, signal: AbortSignal): Promise<void> {
  const { image, edit, snapshotIds } = plan;
  const current = await deps.aws.snapshotTags(image.region, snapshotIds, signal);
  for (const [snapshotId, tags] of Object.entries(current)) {
    const after = applyTagChange(tags, { set: { ...edit.set, ...(edit.markLatest ? { [latestTag.key]: latestTag.value } : {}) }, remove: edit.remove });
    const problem = checkTagCount(after);
    if (problem) {
      throw new Error(`${problem.replace('The image', `Its snapshot ${snapshotId}`)} Nothing was tagged.`);
    }
  }
}

/**
 * Applies the edit; returns the image's tags afterwards. "Mark as latest" tags this image first and only then
 * takes Latest=true off the group's others, so a failure never leaves the group without a latest image.
 */
async function applyTags(deps: ActionDeps, plan: TagPlan): Promise<Record<string, string>> {
  const { image, edit, groupKey, groupValue, snapshotIds } = plan;
  const { id: imageId, region } = image;
  const resources = [imageId, ...snapshotIds];
  const tags = await withProgress(`Tagging ${image.name}`, async (report, signal) => {
    await checkSnapshotTagCounts(deps, plan, signal);
    report(describeTagChange(image.tags, edit).join('; ') || `${latestTag.key}=${latestTag.value}`);
    await deps.aws.deleteTags(region, resources, Object.fromEntries(edit.remove.map((k) => [k, undefined])), signal);
    const set = { ...edit.set, ...(edit.markLatest ? { [latestTag.key]: latestTag.value } : {}) };
    await deps.aws.createTags(region, resources, set, signal);
    if (groupValue !== undefined) {
      report(`moving ${latestTag.key}=${latestTag.value} within ${groupKey}=${groupValue}`);
      try {
        const previous = (await deps.aws.ownedImagesTagged(region, { [groupKey]: groupValue, [latestTag.key]: latestTag.value }, signal))
          .filter((i) => i.id !== imageId);
        const from = [...previous.map((i) => i.id), ...(edit.snapshots ? snapshotsOf(previous) : [])];
        await deps.aws.deleteTags(region, from, { [latestTag.key]: latestTag.value }, signal);
      } catch (error) {
        throw new Error(`${image.name} (${imageId}) is tagged ${latestTag.key}=${latestTag.value}, but the tag could not be taken off the other `
          + `${groupKey}=${groupValue} images, so more than one is marked latest: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return (await deps.aws.describeImage(region, imageId, signal)).image.tags;
  });
  deps.images.refreshRegion(region);
  return tags;
}

function summaryOf(plan: TagPlan): ActionSummary {
  const group = plan.groupValue === undefined ? undefined : { key: plan.groupKey, value: plan.groupValue };
  return tagsSummary(plan.image, plan.edit, plan.snapshotIds, group);
}

/**
 * amiExplorer.editTags: adds, changes and removes tags of an owned image, optionally on its snapshots too, and
 * "Mark as latest" moves `Latest=true` from the other owned images of the same group (same value of the
 * amiExplorer.groupByTag key, same region) to this one, after the summary. Returns the tags after the change.
 */
export function editTags(deps: ActionDeps): CommandHandler {
  return async (...args) => {
    const reviewed = await reviewAnswers(deps.aws, await ownedImageRequestFor(deps, invocationOf(args), parseTagsRequest,
      (image, { edit }) => ({ image, edit }), (image) => askTagEdit(image, groupByTagKey())),
      ({ image, edit }) => Promise.resolve().then(() => planTags(image, edit)), (_asked, plan) => summaryOf(plan));
    if (!reviewed) {
      return undefined;
    }
    const { plan } = reviewed;
    const tags = await applyTags(deps, plan);
    const { image, edit, snapshotIds } = plan;
    const where = snapshotIds.length ? ` and ${plural(snapshotIds.length, 'snapshot')}` : '';
    void vscode.window.showInformationMessage(`Tags of ${image.name} (${image.id})${where} saved${edit.markLatest ? `; it is now the latest of ${plan.groupKey}=${plan.groupValue}` : ''}.`);
    return tags;
  };
}

/** The API's editTags: `{ imageId, region, set?, remove?, snapshots?, markLatest? }`. */
export async function editTagsApi(deps: ActionDeps, input: unknown): Promise<Record<string, string>> {
  const { imageId, region, edit } = parseTagsRequest(input);
  const image = await ownedImageTarget(deps, { imageId, region }, true);
  return applyTags(deps, planTags(image!, edit));
}
