import type { AwsService } from '../../aws/awsService';
import type { ImageTarget } from '../../aws/model';
import { isPlainObject } from '../../shared/plainObject';
import type { ImageViews } from '../../shared/views';
import { checkImageId, checkRegion, ensureValid } from '../../shared/validation';
import { runWizard, type WizardStep } from '../../shared/wizard/wizard';

export type { ImageTarget } from '../../aws/model';

/** The image whose id is under the editor's cursor, if any: what a palette command acts on first. */
export type ImageAtCursor = () => Promise<ImageTarget | undefined>;

/** Where a command's image can come from besides its argument. */
export interface TargetSources {
  readonly aws: AwsService;
  readonly images: Pick<ImageViews, 'imageOf'>;
  readonly atCursor?: ImageAtCursor;
}

/**
 * The image a command acts on, from whichever way it was called: a tree item, `{ imageId, region }`,
 * the id under the editor's cursor, or (from the palette) asked for. Undefined when the user cancels.
 */
export async function imageTarget(sources: TargetSources, arg: unknown): Promise<ImageTarget | undefined> {
  const { aws, atCursor } = sources;
  const fromTree = sources.images.imageOf(arg);
  if (fromTree) {
    return { imageId: fromTree.id, region: fromTree.region };
  }
  if (isPlainObject(arg)) {
    return {
      imageId: ensureValid(arg.imageId, checkImageId) as string,
      region: ensureValid(arg.region, checkRegion) as string,
    };
  }
  const underCursor = await atCursor?.();
  if (underCursor) {
    return underCursor;
  }
  const asked = await runWizard<ImageTargetContext>('Image', [imageIdStep, regionStep((ctx) => `region of ${ctx.imageId ?? 'the image'}`)], {
    aws, shownRegions: await aws.regions(),
  });
  return asked?.imageId && asked.region ? { imageId: asked.imageId, region: asked.region } : undefined;
}

/** A context that chooses one of the regions the views show. */
export interface RegionContext {
  readonly aws: AwsService;
  /** The regions to choose from: the views' regions, read when the step is reached unless known already. */
  shownRegions?: readonly string[];
  region?: string;
}

/** Asks for one of the views' regions; with only one region, takes it without asking. */
export function regionStep<C extends RegionContext>(title: (ctx: C) => string): WizardStep<C> {
  return {
    async configure(ctx) {
      ctx.shownRegions ??= await ctx.aws.regions();
      if (ctx.shownRegions.length === 1) {
        ctx.region = ctx.shownRegions[0];
      }
    },
    shouldPrompt: (ctx) => ctx.shownRegions?.length !== 1,
    async prompt(ctx, ui) {
      ctx.region = await ui.pick({ title: title(ctx), items: (ctx.shownRegions ?? []).map((r) => ({ label: r, value: r })) });
    },
  };
}

interface ImageTargetContext extends RegionContext {
  imageId?: string;
}

const imageIdStep: WizardStep<ImageTargetContext> = {
  async prompt(ctx, ui) {
    ctx.imageId = (await ui.input({
      title: 'id', prompt: 'The AMI to act on', placeholder: 'ami-0abcdef1234567890', validate: (v) => checkImageId(v.trim()),
    })).trim();
  },
};
