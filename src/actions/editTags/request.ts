// The tag action's input object and summary, checked and worded without AWS. Pure.
import type { ImageInfo } from '../../aws/model';
import { plural } from '../../shared/format';
import { checkWith, isBoolean, optional, readOptions, required, type Schema } from '../../shared/options';
import type { ActionSummary } from '../../shared/summaryText';
import { checkImageId, checkRegion } from '../../shared/validation';
import { checkTagChange, describeTagChange, isEmptyTagChange, latestTag, type TagChange } from './tagChanges';

/** A tag edit as the command applies it. */
export interface TagEdit extends TagChange {
  /** Tag the image's EBS snapshots the same way. */
  readonly snapshots: boolean;
  /** Move `Latest=true` from the other images of the group to this one. */
  readonly markLatest: boolean;
}

const tagsSchema: Schema = {
  imageId: required(checkWith(checkImageId)),
  region: required(checkWith(checkRegion)),
  set: optional((v) => checkTagChange(v, undefined)),
  remove: optional((v) => checkTagChange(undefined, v)),
  snapshots: optional(isBoolean),
  markLatest: optional(isBoolean),
};

/** `{ imageId, region, set?, remove?, snapshots?, markLatest? }`: the target and the edit. */
export function parseTagsRequest(input: unknown): { imageId: string; region: string; edit: TagEdit } {
  const arg = readOptions(input, tagsSchema, 'Edit tags');
  const problem = checkTagChange(arg.set, arg.remove);
  if (problem) {
    throw new Error(problem);
  }
  const edit: TagEdit = {
    set: { ...(arg.set as Record<string, string> | undefined) },
    remove: [...new Set((arg.remove as string[] | undefined) ?? [])],
    snapshots: arg.snapshots === true,
    markLatest: arg.markLatest === true,
  };
  if (isEmptyTagChange(edit) && !edit.markLatest) {
    throw new Error('Nothing to change: give "set" (tags to add or change), "remove" (keys to remove) or "markLatest": true.');
  }
  return { imageId: arg.imageId as string, region: arg.region as string, edit };
}

/** The summary before tagging: each tag change, where it goes, and the Latest tag moved. */
export function tagsSummary(image: ImageInfo, edit: TagEdit, snapshotIds: readonly string[], group?: { readonly key: string; readonly value: string }): ActionSummary {
  const lines = describeTagChange(image.tags, edit).map((l) => `Tag ${l}`);
  if (edit.markLatest && group) {
    lines.push(`Marks it as the latest of ${group.key}=${group.value}: ${latestTag.key}=${latestTag.value} moves here from the other images of the group`);
  }
  lines.push(snapshotIds.length ? `Also on its ${plural(snapshotIds.length, 'snapshot')}: ${snapshotIds.join(', ')}` : 'On the image only, not its snapshots');
  return {
    title: `Edit the tags of ${image.name} (${image.id})`,
    accept: 'Save Tags',
    regions: [image.region],
    lines,
  };
}
