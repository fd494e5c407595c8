import type { ImageInfo } from '../../aws/model';
import { noIcons, plural } from '../../shared/format';
import { checkTagKey, checkTagValue } from '../../shared/validation';
import { snapshotsOf } from '../../shared/imageSnapshots';
import { answersOf, escapeGoesBack, Wizard, type Answers, type Entry, type WizardStep } from '../../shared/wizard/wizard';
import type { TagEdit } from './request';
import { applyTagChange, describeTagChange, latestTag, type TagChange } from './tagChanges';

/** What the tag editor knows, and the changes pending: nothing reaches EC2 before the summary. */
interface TagsContext {
  readonly image: ImageInfo;
  readonly groupKey: string;
  readonly snapshotIds: readonly string[];
  set: Readonly<Record<string, string>>;
  remove: readonly string[];
  snapshots: boolean;
  markLatest: boolean;
  /** The tag being added or changed. */
  key?: string;
}

type Action = 'save' | 'add' | 'latest' | 'snapshots' | { readonly tag: string };

const has = (tags: Readonly<Record<string, string>>, key: string) => Object.prototype.hasOwnProperty.call(tags, key);
const changeOf = (ctx: TagsContext): TagChange => ({ set: ctx.set, remove: ctx.remove });
const staged = (ctx: TagsContext) => applyTagChange(ctx.image.tags, changeOf(ctx));
const pendingLines = (ctx: TagsContext) => [
  ...describeTagChange(ctx.image.tags, changeOf(ctx)), ...(ctx.markLatest ? [`${latestTag.key} = ${latestTag.value} (moved here)`] : []),
];

/** The tags as they will be: pick one to change or remove it. */
function tagLines(ctx: TagsContext): Entry<Action>[] {
  const { image, set, remove } = ctx;
  const after = staged(ctx);
  const keys = [...new Set([...Object.keys(image.tags), ...Object.keys(set)])].sort((a, b) => a.localeCompare(b));
  return [
    { heading: 'Tags' },
    ...keys.map((key) => {
      const removed = remove.includes(key);
      const state = removed ? 'to remove' : !has(image.tags, key) ? 'new' : has(set, key) && set[key] !== image.tags[key] ? `was ${image.tags[key] ?? ''}` : undefined;
      return {
        label: `${removed ? '$(trash)' : '$(tag)'} ${noIcons(key)}`,
        description: noIcons(`${(removed ? image.tags[key] : after[key]) ?? ''}${state ? ` (${state})` : ''}`),
        value: { tag: key },
      };
    }),
    ...(keys.length ? [] : [{ label: 'No tags yet', description: 'add one below', note: true as const }]),
  ];
}

/** "Save changes", once something changed. */
function saveLine(ctx: TagsContext): Entry<Action>[] {
  const lines = pendingLines(ctx);
  return lines.length ? [{
    label: '$(check) Save changes', description: noIcons(lines.join('; ')), value: 'save',
    detail: ctx.snapshots && ctx.snapshotIds.length ? `Also on ${ctx.snapshotIds.join(', ')}` : undefined,
  }] : [];
}

/** Add a tag, and the "Mark as latest" and snapshot toggles. */
function actionLines(ctx: TagsContext): Entry<Action>[] {
  const { groupKey, snapshotIds } = ctx;
  const after = staged(ctx);
  const toggle = (on: boolean) => (on ? '$(pass-filled)' : '$(circle-large-outline)');
  return [
    { heading: 'Actions' },
    { label: '$(add) Add tag…', value: 'add' },
    ...(groupKey && has(after, groupKey) ? [{
      label: `${toggle(ctx.markLatest)} Mark as latest`, value: 'latest' as const,
      description: noIcons(`${latestTag.key}=${latestTag.value} here, removed from the other ${groupKey}=${after[groupKey] ?? ''} images`),
    }] : groupKey ? [{ label: '$(circle-slash) Mark as latest', description: `needs a ${groupKey} tag to know the image's group`, note: true as const }] : []),
    ...(snapshotIds.length ? [{
      label: `${toggle(ctx.snapshots)} Also tag its snapshots`, value: 'snapshots' as const,
      description: `${plural(snapshotIds.length, 'snapshot')}: ${snapshotIds.join(', ')}`,
    }] : []),
  ];
}

/** The list the editor comes back to after each change; "Save changes" ends it. */
const tagList: WizardStep<TagsContext> = {
  hub: true,
  async prompt(ctx, ui) {
    const { image } = ctx;
    const pending = pendingLines(ctx).length;
    const action = await ui.pick({
      title: `${image.name} (${image.id}, ${image.region})`, matchOnDescription: true,
      placeholder: pending ? `${plural(pending, 'pending change')}: pick "Save changes" to apply them` : 'Pick a tag to change or remove it, or add one',
      items: [...saveLine(ctx), ...tagLines(ctx), ...actionLines(ctx)],
    });
    if (action === 'save') {
      return [];
    }
    if (action === 'latest' || action === 'snapshots') {
      ctx.markLatest = action === 'latest' ? !ctx.markLatest : ctx.markLatest;
      ctx.snapshots = action === 'snapshots' ? !ctx.snapshots : ctx.snapshots;
      return [tagList];
    }
    ctx.key = action === 'add' ? undefined : action.tag;
    return action === 'add' ? [newKey, tagValue, tagList] : [tagAction, tagList];
  },
};

const newKey: WizardStep<TagsContext> = escapeGoesBack({
  async prompt(ctx, ui) {
    const after = staged(ctx);
    ctx.key = await ui.input({
      title: 'new tag key', placeholder: 'e.g. Owner',
      validate: (k) => checkTagKey(k) ?? (has(after, k) ? `"${k}" is already a tag here: pick it in the list to change it.` : undefined),
    });
  },
});

const tagValue: WizardStep<TagsContext> = escapeGoesBack({
  async prompt(ctx, ui) {
    const key = ctx.key ?? '';
    const value = await ui.input({ title: `value of ${key}`, value: staged(ctx)[key] ?? '', prompt: 'Up to 256 characters; may be empty.', validate: checkTagValue });
    ctx.set = { ...ctx.set, [key]: value };
    ctx.remove = ctx.remove.filter((k) => k !== key);
  },
});

const tagAction: WizardStep<TagsContext> = escapeGoesBack({
  async prompt(ctx, ui) {
    const key = ctx.key ?? '';
    const removing = ctx.remove.includes(key);
    const choice = await ui.pick({
      title: `${key} = ${staged(ctx)[key] ?? ctx.image.tags[key] ?? ''}`,
      items: removing ? [{ label: 'Keep this tag', value: 'keep' as const }]
        : [{ label: 'Change value…', value: 'change' as const }, { label: 'Remove tag', value: 'remove' as const }],
    });
    if (choice === 'change') {
      return [tagValue];
    }
    ctx.set = choice === 'remove' ? Object.fromEntries(Object.entries(ctx.set).filter(([k]) => k !== key)) : ctx.set;
    ctx.remove = choice === 'keep' ? ctx.remove.filter((k) => k !== key) : has(ctx.image.tags, key) ? [...ctx.remove, key] : ctx.remove;
    return [];
  },
});

/**
 * Asks for tag changes on one list that comes back after each change: the tags as they will be (pick one to change
 * or remove it), "Add tag…", "Mark as latest", the snapshots toggle, and "Save changes" once something changed.
 * Escape in the list drops the pending changes; in a question on the way back to it, only that change.
 */
export function askTagEdit(image: ImageInfo, groupKey: string): Promise<Answers<{ image: ImageInfo; edit: TagEdit }> | undefined> {
  const wizard = new Wizard<TagsContext>('Edit tags', [tagList], {
    image, groupKey, snapshotIds: snapshotsOf([image]), set: {}, remove: [], snapshots: false, markLatest: false,
  });
  return answersOf(wizard, (ctx) => ({ image, edit: { set: ctx.set, remove: [...ctx.remove], snapshots: ctx.snapshots, markLatest: ctx.markLatest } }));
}
