import type { ImageInfo } from '../../aws/model';
import type { Listen } from '../../shared/emitter';
import { noIcons } from '../../shared/format';
import { parseTagList } from '../../shared/tagList';
import { runWizard, type ArrivingEntries, type Entry, type WizardStep } from '../../shared/wizard/wizard';
import { searchText, type FindRequest, type FoundImages, type SearchFailure } from './request';

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

/**
 * The matches in a pick that shows at once and fills in as regions answer (busy until all have), each with its id,
 * region and state, the failed searches named under "Not searched". The image picked, or undefined.
 */
export async function pickFound(found: FoundImages, onDidChange: Listen<void>, done: Promise<void>): Promise<ImageInfo | undefined> {
  // One entry per image and per failure, kept from one change to the next: the highlighted line stays put.
  const entries = new Map<string, Entry<ImageInfo>>();
  const entry = (key: string, make: () => Entry<ImageInfo>): Entry<ImageInfo> => {
    const made = entries.get(key) ?? make();
    entries.set(key, made);
    return made;
  };
  const imageEntry = (image: ImageInfo) => entry(`${image.region}/${image.id}`, () => ({
    label: noIcons(image.name || image.id), value: image,
    description: [image.id, image.region, image.state, image.deprecationTime ? 'deprecated' : undefined].filter(Boolean).join(' · '),
  }));
  const failureEntry = (f: SearchFailure) => entry(`failed/${f.region}/${f.scope}`, () => ({
    label: `$(warning) ${f.region} (${f.scope})`, description: noIcons(f.reason), note: true as const,
  }));
  const list: ArrivingEntries<ImageInfo> = {
    current: () => {
      const images = found.images();
      const failures = found.failures();
      return [
        ...images.map(imageEntry),
        ...(found.complete && !images.length ? [{ label: 'No owned or shared image matches', note: true as const }] : []),
        ...(failures.length ? [{ heading: 'Not searched' }, ...failures.map(failureEntry)] : []),
      ];
    },
    title: () => found.title(),
    onDidChange,
    done,
  };
  const results: WizardStep<{ picked?: ImageInfo }> = {
    async prompt(ctx, ui) {
      ctx.picked = await ui.pick({ title: found.title(), placeholder: 'Pick one to reveal it in the Images view', matchOnDescription: true, items: list });
    },
  };
  return (await runWizard('Find images', [results], {}))?.picked;
}
