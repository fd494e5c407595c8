import * as vscode from 'vscode';
import type { AwsService } from '../../aws/awsService';
import type { ImageInfo } from '../../aws/model';
import { groupByTagKey } from '../../settings/images';
import { age, noIcons } from '../../shared/format';
import { pickRegion, type ImageAtCursor } from '../common/imageTarget';
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

const pageSize = 200;

/** "Old versions of a group": the group's images older than N days except the newest K, to start the selection with. */
async function askOldVersions(aws: AwsService, region: string, loaded: readonly ImageInfo[], groupKey: string): Promise<{ group: ImageInfo[]; picked: ImageInfo[] } | undefined> {
  const values = [...new Set(loaded.flatMap((i) => i.tags[groupKey] ?? []))].sort();
  const another = { label: `$(edit) Another ${groupKey}…`, value: undefined as string | undefined };
  const choice = await vscode.window.showQuickPick(
    [...values.map((v) => ({ label: noIcons(v), value: v })), another],
    { title: `Retire old versions: which ${groupKey}?`, placeHolder: `Values seen among the newest ${loaded.length} images`, ignoreFocusOut: true },
  );
  const value = choice === another
    ? (await vscode.window.showInputBox({ title: `Retire old versions: the ${groupKey} value`, ignoreFocusOut: true }))?.trim()
    : choice?.value;
  if (!value) {
    return undefined;
  }
  const days = await askNumber('Retire old versions', 'Older than how many days?', 90);
  const keep = days === undefined ? undefined : await askNumber('Retire old versions', 'Keep how many of the newest, whatever their age?', 3);
  if (keep === undefined || days === undefined) {
    return undefined;
  }
  // The group is read whole (EC2 filters by tag), however many pages of other images the region holds.
  const group = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Reading ${groupKey}=${value}` },
    () => aws.ownedImagesTagged(region, { [groupKey]: value }));
  if (!group.length) {
    void vscode.window.showInformationMessage(`No image of this account in ${region} is tagged ${groupKey}=${value}.`);
    return undefined;
  }
  return { group, picked: olderThanExceptNewest(group, days, keep) };
}

type ImageItem = vscode.QuickPickItem & { readonly image: ImageInfo };

function imageItem(image: ImageInfo, groupKey: string): ImageItem {
  return {
    label: noIcons(image.name),
    description: [image.id, image.creationDate ? `${age(image.creationDate)} old` : undefined, groupKey && image.tags[groupKey] ? noIcons(`${groupKey}: ${image.tags[groupKey]}`) : undefined].filter(Boolean).join(' · '),
    image,
  };
}

/**
 * A multi-select of images that loads one page at a time: "Load more" in its title bar appends the next page and
 * keeps what is selected. Undefined when the person backs out.
 */
async function pickImages(aws: AwsService, region: string, first: { items: readonly ImageInfo[]; nextToken?: string }, preselected: readonly ImageInfo[], groupKey: string): Promise<ImageInfo[] | undefined> {
  const pick = vscode.window.createQuickPick<ImageItem>();
  const more: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('fold-down'), tooltip: `Load ${pageSize} more images` };
  let nextToken = first.nextToken;
  let images = [...first.items];
  const show = (selected: readonly ImageInfo[]) => {
    pick.items = images.map((i) => imageItem(i, groupKey));
    pick.selectedItems = pick.items.filter((item) => selected.includes(item.image));
    pick.buttons = nextToken ? [more] : [];
    pick.placeholder = `${images.length}${nextToken ? '+' : ''} images${nextToken ? ` (${more.tooltip} with the button above)` : ''}: select those to deregister`;
  };
  pick.title = `Deregister images in ${region}`;
  pick.canSelectMany = true;
  pick.ignoreFocusOut = true;
  pick.matchOnDescription = true;
  show(preselected);
  try {
    return await new Promise<ImageInfo[] | undefined>((resolve) => {
      pick.onDidTriggerButton(async () => {
        const selected = pick.selectedItems.map((i) => i.image);
        pick.busy = true;
        try {
          const page = await aws.listImagesPage(region, { scope: 'owned', filter: { includeDeprecated: true, includeDisabled: true } }, pageSize, nextToken);
          images = [...images, ...page.items.filter((i) => !images.some((known) => known.id === i.id))];
          nextToken = page.nextToken;
          show(selected);
        } catch (error) {
          void vscode.window.showErrorMessage(`Could not load more images of ${region}: ${error instanceof Error ? error.message : String(error)}`);
        } finally {
          pick.busy = false;
        }
      });
      pick.onDidAccept(() => resolve(pick.selectedItems.map((i) => i.image)));
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
  } finally {
    pick.dispose();
  }
}

/**
 * The palette's way to choose: the image under the cursor, else a region and then a multi-select of its owned
 * images, a page at a time, optionally pre-selected as "older than N days except the newest K" of one group.
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
  const first = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Listing images in ${region}` },
    () => aws.listImagesPage(region, { scope: 'owned', filter: { includeDeprecated: true, includeDisabled: true } }, pageSize));
  if (!first.items.length) {
    void vscode.window.showInformationMessage(`This account owns no images in ${region}.`);
    return undefined;
  }
  const groupKey = groupByTagKey();
  let start: { items: readonly ImageInfo[]; nextToken?: string } = first;
  let preselected: readonly ImageInfo[] = [];
  if (groupKey && first.items.some((i) => Object.prototype.hasOwnProperty.call(i.tags, groupKey))) {
    const how = await vscode.window.showQuickPick(
      [
        { label: 'Choose images…', description: `from the images owned in ${region}, ${pageSize} at a time`, old: false },
        { label: 'Old versions of a group…', description: `older than N days, except the newest K of one ${groupKey}`, old: true },
      ],
      { title: 'Which images to deregister?', ignoreFocusOut: true },
    );
    if (!how) {
      return undefined;
    }
    if (how.old) {
      const old = await askOldVersions(aws, region, first.items, groupKey);
      if (!old) {
        return undefined;
      }
      start = { items: old.group };
      preselected = old.picked;
    }
  }
  const picked = await pickImages(aws, region, start, preselected, groupKey);
  return picked?.length ? { region, imageIds: picked.map((i) => i.id) } : undefined;
}
