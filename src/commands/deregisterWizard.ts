import * as vscode from 'vscode';
import type { AwsService } from '../aws/awsService';
import type { ImageInfo } from '../aws/model';
import { groupByTagKey } from '../explorer/imagesSettings';
import { age, noIcons } from '../shared/format';
import { pickRegion, type ImageAtCursor } from './imageTarget';
import { olderThanExceptNewest } from './retirementPlan';

/** Images to retire in one region. */
export interface RegionBatch {
  readonly region: string;
  readonly imageIds: readonly string[];
}

function askNumber(title: string, prompt: string, value: number): Thenable<number | undefined> {
  return vscode.window.showInputBox({
    title,
    prompt,
    value: String(value),
    ignoreFocusOut: true,
    validateInput: (v) => (/^\d{1,5}$/.test(v.trim()) ? undefined : 'A whole number, e.g. 3.'),
  }).then((v) => (v === undefined ? undefined : Number(v.trim())));
}

/** "Old versions of a group": the group's images older than N days except the newest K, to start the selection with. */
async function askOldVersions(images: readonly ImageInfo[], groupKey: string): Promise<{ group: ImageInfo[]; picked: ImageInfo[] } | undefined> {
  const values = [...new Set(images.flatMap((i) => (Object.prototype.hasOwnProperty.call(i.tags, groupKey) ? [i.tags[groupKey]] : [])))].sort();
  const value = await vscode.window.showQuickPick(
    values.map((v) => ({ label: noIcons(v), description: `${images.filter((i) => i.tags[groupKey] === v).length} images` })),
    { title: `Retire old versions: which ${groupKey}?`, ignoreFocusOut: true },
  );
  if (!value) {
    return undefined;
  }
  const days = await askNumber('Retire old versions', 'Older than how many days?', 90);
  const keep = days === undefined ? undefined : await askNumber('Retire old versions', 'Keep how many of the newest, whatever their age?', 3);
  if (keep === undefined || days === undefined) {
    return undefined;
  }
  const group = images.filter((i) => i.tags[groupKey] === value.label);
  return { group, picked: olderThanExceptNewest(group, days, keep) };
}

/**
 * The palette's way to choose: the image under the cursor, else a region and then a multi-select of its owned
 * images, optionally pre-selected as "older than N days except the newest K" of one group.
 */
export async function askImagesToRetire(aws: AwsService, atCursor: ImageAtCursor): Promise<RegionBatch | undefined> {
  const underCursor = await atCursor();
  if (underCursor) {
    return { region: underCursor.region, imageIds: [underCursor.imageId] };
  }
  const region = await pickRegion(aws, 'Deregister images in which region?');
  if (!region) {
    return undefined;
  }
  const owned = await aws.newestImages(region, { scope: 'owned', filter: { includeDeprecated: true, includeDisabled: true } }, 5000);
  if (!owned.length) {
    void vscode.window.showInformationMessage(`This account owns no images in ${region}.`);
    return undefined;
  }
  const groupKey = groupByTagKey();
  let candidates: readonly ImageInfo[] = owned;
  let preselected: readonly ImageInfo[] = [];
  if (groupKey && owned.some((i) => Object.prototype.hasOwnProperty.call(i.tags, groupKey))) {
    const how = await vscode.window.showQuickPick(
      [
        { label: 'Choose images…', description: `from the ${owned.length} images owned in ${region}`, old: false },
        { label: 'Old versions of a group…', description: `older than N days, except the newest K of one ${groupKey}`, old: true },
      ],
      { title: 'Which images to deregister?', ignoreFocusOut: true },
    );
    if (!how) {
      return undefined;
    }
    if (how.old) {
      const old = await askOldVersions(owned, groupKey);
      if (!old) {
        return undefined;
      }
      ({ group: candidates, picked: preselected } = old);
    }
  }
  const items = candidates.map((image) => ({
    label: noIcons(image.name),
    description: [image.id, image.creationDate ? `${age(image.creationDate)} old` : undefined, groupKey && image.tags[groupKey] ? noIcons(`${groupKey}: ${image.tags[groupKey]}`) : undefined].filter(Boolean).join(' · '),
    picked: preselected.includes(image),
    image,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: `Deregister images in ${region}`,
    placeHolder: preselected.length ? `${preselected.length} pre-selected; adjust, then press Enter` : 'Select the images to deregister',
    canPickMany: true,
    ignoreFocusOut: true,
    matchOnDescription: true,
  });
  return picked?.length ? { region, imageIds: picked.map((p) => p.image.id) } : undefined;
}
