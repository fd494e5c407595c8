import type { ImageInfo } from '../../aws/model';
import { noIcons } from '../../shared/format';
import { parseTagList } from '../../shared/tagList';
import { runWizard, type WizardStep } from '../../shared/wizard/wizard';
import { searchText, type FindRequest } from './request';

/** What the find wizard has been told. */
interface FindContext {
  text?: string;
  tags?: Readonly<Record<string, string>>;
}

const nameOrId: WizardStep<FindContext> = {
  async prompt(ctx, ui) {
    ctx.text = await ui.input({
      title: 'name or id', placeholder: 'pettracker-*',
      prompt: 'A name with * and ? wildcards (text alone matches anywhere in the name), or the start of an id such as ami-0abc; empty: any',
    });
  },
};

const tags: WizardStep<FindContext> = {
  async prompt(ctx, ui) {
    const anything = !ctx.text?.trim();
    const text = await ui.input({
      title: 'tags', placeholder: 'Project=PetTracker, Stage=prod',
      prompt: 'Tags every image must have, as Key=Value, comma-separated (optional)',
      validate: (v) => {
        const parsed = parseTagList(v);
        if (typeof parsed === 'string') {
          return parsed;
        }
        return anything && !Object.keys(parsed).length ? 'Give a name, an id or a tag: a search never lists everything.' : undefined;
      },
    });
    ctx.tags = parseTagList(text) as Record<string, string>;
  },
};

/** Asks what to look for: a name (wildcards) or an id prefix, then tags. Undefined when the person backs out. */
export async function askFind(): Promise<FindRequest | undefined> {
  const ctx = await runWizard<FindContext>('Find images', [nameOrId, tags], {});
  return ctx && { ...(ctx.text?.trim() ? searchText(ctx.text) : {}), tags: { ...ctx.tags } };
}

/** The matches, to pick one to reveal: undefined when the person picks none. */
export async function pickFound(images: readonly ImageInfo[], more: boolean): Promise<ImageInfo | undefined> {
  const results: WizardStep<{ picked?: ImageInfo }> = {
    async prompt(ctx, ui) {
      ctx.picked = await ui.pick({
        title: `${images.length}${more ? '+' : ''} images found`, placeholder: 'Pick one to reveal it in the Images view', matchOnDescription: true,
        items: images.map((image) => ({
          label: noIcons(image.name || image.id), value: image,
          description: [image.id, image.region, image.state, image.deprecationTime ? 'deprecated' : undefined].filter(Boolean).join(' · '),
        })),
      });
    },
  };
  return (await runWizard('Find images', [results], {}))?.picked;
}
