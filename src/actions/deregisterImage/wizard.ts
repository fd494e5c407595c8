import * as vscode from 'vscode';
import type { AwsService } from '../../aws/awsService';
import type { ImageInfo, Page } from '../../aws/model';
import { groupByTagKey } from '../../settings/images';
import { age, noIcons, plural } from '../../shared/format';
import { answersOf, Wizard, WizardCancelled, type Answers, type Choice, type WizardStep } from '../../shared/wizard/wizard';
import type { ActionDeps } from '../common/actionDeps';
import { regionStep, type RegionContext } from '../common/imageTarget';
import { prepareAll, type Prepared, type RegionBatch } from '../common/deregistration';
import { olderThanExceptNewest } from '../common/retirementPlan';

/** What a deregistration works on, prepared, and whether the snapshots go too. */
export interface Retirement {
  readonly prepared: Prepared[];
  readonly deleteSnapshots: boolean;
}

/** What the deregister wizard knows and has been told. */
interface RetireContext extends RegionContext {
  readonly groupKey: string;
  /** The images, once chosen (or as the command was given them). */
  batches?: RegionBatch[];
  /** The first page of the region's owned images. */
  first?: Page<ImageInfo>;
  /** "Old versions of a group", and that group, age and number of newest to keep. */
  old?: boolean;
  groupValue?: string;
  days?: number;
  keep?: number;
  prepared?: Prepared[];
  deleteSnapshots?: boolean;
}

const pageSize = 200;
const ownedQuery = { scope: 'owned', filter: { includeDeprecated: true, includeDisabled: true } } as const;
const hasTag = (image: ImageInfo, key: string) => Object.prototype.hasOwnProperty.call(image.tags, key);

const how: WizardStep<RetireContext> = {
  async configure(ctx) {
    const region = ctx.region ?? '';
    ctx.first = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Listing images in ${region}` },
      () => ctx.aws.listImagesPage(region, ownedQuery, pageSize));
    if (!ctx.first.items.length) {
      void vscode.window.showInformationMessage(`This account owns no images in ${region}.`);
      throw new WizardCancelled('No images');
    }
  },
  shouldPrompt: (ctx) => !!ctx.groupKey && !!ctx.first?.items.some((i) => hasTag(i, ctx.groupKey)),
  async prompt(ctx, ui) {
    ctx.old = await ui.pick({
      title: 'which images?',
      items: [
        { label: 'Choose images…', description: `from the images owned in ${ctx.region ?? ''}, ${pageSize} at a time`, value: false },
        { label: 'Old versions of a group…', description: `older than N days, except the newest K of one ${ctx.groupKey}`, value: true },
      ],
    });
  },
};

const groupValue: WizardStep<RetireContext> = {
  shouldPrompt: (ctx) => !!ctx.old,
  async prompt(ctx, ui) {
    const loaded = ctx.first?.items ?? [];
    const values = [...new Set(loaded.flatMap((i) => (hasTag(i, ctx.groupKey) ? [i.tags[ctx.groupKey] ?? ''] : [])))].sort();
    ctx.groupValue = await ui.pick<string | undefined>({
      title: `which ${ctx.groupKey}?`, placeholder: `Values seen among the newest ${loaded.length} images`,
      items: [...values.map((v) => ({ label: noIcons(v), value: v })), { label: `$(edit) Another ${ctx.groupKey}…`, value: undefined }],
    });
    return ctx.groupValue === undefined ? [anotherGroupValue] : [];
  },
};

const anotherGroupValue: WizardStep<RetireContext> = {
  async prompt(ctx, ui) {
    ctx.groupValue = (await ui.input({ title: `the ${ctx.groupKey} value`, validate: (v) => (v.trim() ? undefined : 'A value, e.g. PetTracker.') })).trim();
  },
};

function numberStep(title: string, value: number, set: (ctx: RetireContext, n: number) => void): WizardStep<RetireContext> {
  return {
    shouldPrompt: (ctx) => !!ctx.old,
    async prompt(ctx, ui) {
      const text = await ui.input({ title, value: String(value), validate: (v) => (/^\d{1,5}$/.test(v.trim()) ? undefined : 'A whole number, e.g. 3.') });
      set(ctx, Number(text.trim()));
    },
  };
}

const days = numberStep('older than how many days?', 90, (ctx, n) => { ctx.days = n; });
const keep = numberStep('keep how many of the newest, whatever their age?', 3, (ctx, n) => { ctx.keep = n; });

function imageChoice(image: ImageInfo, groupKey: string, picked: boolean): Choice<ImageInfo> {
  const group = groupKey && hasTag(image, groupKey) ? noIcons(`${groupKey}: ${image.tags[groupKey] ?? ''}`) : undefined;
  return {
    label: noIcons(image.name), value: image, picked,
    description: [image.id, image.creationDate ? `${age(image.creationDate)} old` : undefined, group].filter(Boolean).join(' · '),
  };
}

/** The old versions of the group, read whole (EC2 filters by tag): none ends the wizard, saying so. */
async function oldVersions(aws: AwsService, ctx: RetireContext, region: string): Promise<{ images: readonly ImageInfo[]; picked: readonly ImageInfo[] }> {
  const tags = { [ctx.groupKey]: ctx.groupValue ?? '' };
  const group = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Reading ${ctx.groupKey}=${ctx.groupValue ?? ''}` },
    () => aws.ownedImagesTagged(region, tags));
  if (!group.length) {
    void vscode.window.showInformationMessage(`No image of this account in ${region} is tagged ${ctx.groupKey}=${ctx.groupValue ?? ''}.`);
    throw new WizardCancelled('No such group');
  }
  return { images: group, picked: olderThanExceptNewest(group, ctx.days ?? 0, ctx.keep ?? 0) };
}

/** The images listed so far and the "Load more" that appends the next page of the region's owned images. */
function imagePages(ctx: RetireContext, region: string, listed: readonly ImageInfo[], token: string | undefined) {
  let known = [...listed];
  let nextToken = token;
  const placeholder = () => `${known.length}${nextToken ? '+' : ''} images${nextToken ? ` (Load ${pageSize} more with the button above)` : ''}: select those to deregister`;
  const load = async () => {
    const page = await ctx.aws.listImagesPage(region, ownedQuery, pageSize, nextToken).catch((error: unknown) => {
      throw new Error(`Could not load more images of ${region}: ${error instanceof Error ? error.message : String(error)}`);
    });
    const added = page.items.filter((i) => !known.some((k) => k.id === i.id));
    known = [...known, ...added];
    nextToken = page.nextToken;
    return { items: added.map((i) => imageChoice(i, ctx.groupKey, false)), more: !!nextToken, placeholder: placeholder() };
  };
  return { placeholder, more: { tooltip: `Load ${pageSize} more images`, available: !!nextToken, load } };
}

/** A multi-select of the region's images (or of the group's, the old ones selected), a page at a time. */
const images: WizardStep<RetireContext> = {
  async prompt(ctx, ui) {
    const region = ctx.region ?? '';
    const start = ctx.old ? await oldVersions(ctx.aws, ctx, region) : { images: ctx.first?.items ?? [], picked: [] };
    const pages = imagePages(ctx, region, start.images, ctx.old ? undefined : ctx.first?.nextToken);
    const picked = await ui.pickMany({
      title: `images in ${region}`, placeholder: pages.placeholder(), matchOnDescription: true, more: pages.more,
      items: start.images.map((i) => imageChoice(i, ctx.groupKey, start.picked.includes(i))),
    });
    if (!picked.length) {
      throw new WizardCancelled('No image chosen');
    }
    ctx.batches = [{ region, imageIds: picked.map((i) => i.id) }];
  },
};

const snapshots: WizardStep<RetireContext> = {
  async configure(ctx) {
    ctx.prepared = await prepareAll(ctx.aws, ctx.batches ?? []);
  },
  shouldPrompt: (ctx) => ctx.deleteSnapshots === undefined && (!ctx.prepared || ctx.prepared.some((p) => p.plan.deletable.length)),
  async prompt(ctx, ui) {
    const prepared = ctx.prepared ?? [];
    const deletable = prepared.flatMap((p) => p.plan.deletable);
    const kept = prepared.flatMap((p) => p.plan.kept);
    const keptNote = kept.length ? `; ${plural(kept.length, 'snapshot')} other images use stay` : '';
    ctx.deleteSnapshots = await ui.pick({
      title: 'delete the snapshots too?',
      items: [
        { label: 'Deregister and delete their snapshots', description: `${plural(deletable.length, 'snapshot')} no other image uses${keptNote}`, value: true },
        { label: 'Deregister only', description: 'keep the snapshots (they still cost storage)', value: false },
      ],
    });
  },
};

/**
 * What to deregister, prepared, and whether the snapshots go too. Given images (a tree selection, a link) only the
 * snapshot question is left, and only when there are snapshots to delete and `deleteSnapshots` is not given. Else
 * the image under the cursor, or from the palette a region and a multi-select of its owned images, a page at a
 * time, optionally pre-selected as "older than N days except the newest K" of one group.
 */
export async function askDeregistration(deps: ActionDeps, given: { batches?: RegionBatch[]; deleteSnapshots?: boolean }): Promise<Answers<Retirement> | undefined> {
  const underCursor = given.batches ? undefined : await deps.atCursor();
  const batches = given.batches ?? (underCursor && [{ region: underCursor.region, imageIds: [underCursor.imageId] }]);
  const steps = batches ? [snapshots] : [regionStep<RetireContext>(() => 'region'), how, groupValue, days, keep, images, snapshots];
  const wizard = new Wizard<RetireContext>('Deregister', steps, {
    aws: deps.aws, groupKey: groupByTagKey(), batches, deleteSnapshots: given.deleteSnapshots, shownRegions: batches ? undefined : await deps.aws.regions(),
  });
  return answersOf(wizard, (ctx) => ctx.prepared && { prepared: ctx.prepared, deleteSnapshots: ctx.deleteSnapshots ?? false });
}
