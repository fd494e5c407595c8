import { parseTagList } from '../../shared/tagList';
import { answersOf, Wizard, type Answers, type WizardStep } from '../../shared/wizard/wizard';
import { defaultKeepNewest, parseRetireRequest, type RetireAction, type RetireRequest } from './request';

/** What the cleanup wizard has been told, in the API's words, so the answers pass through the same parser. */
interface RetireContext {
  namePattern?: string;
  tags?: Record<string, string>;
  action?: RetireAction;
  deleteSnapshots?: boolean;
  olderThanDays?: number;
  notLaunchedForDays?: number;
  keepNewest?: number;
  unreferencedOnly?: boolean;
  excludeLatest?: boolean;
}

type Flag = 'unreferencedOnly' | 'excludeLatest';

function wholeDays(v: string, optional: boolean): string | undefined {
  if (optional && !v.trim()) {
    return undefined;
  }
  return /^\d{1,5}$/.test(v.trim()) ? undefined : 'A whole number of days, e.g. 30.';
}

const namePattern: WizardStep<RetireContext> = {
  async prompt(ctx, ui) {
    const text = await ui.input({
      title: 'name', value: ctx.namePattern, placeholder: 'pettracker-api-*',
      prompt: 'Owned images whose name matches, with * and ? wildcards (empty: any name, then give tags)',
      validate: (v) => (v.length > 128 ? 'At most 128 characters.' : undefined),
    });
    ctx.namePattern = text.trim() || undefined;
  },
};

const tags: WizardStep<RetireContext> = {
  async prompt(ctx, ui) {
    const text = await ui.input({
      title: 'tags', placeholder: 'Project=PetTracker, Stage=dev',
      value: ctx.tags ? Object.entries(ctx.tags).map(([k, v]) => `${k}=${v}`).join(', ') : undefined,
      prompt: 'Tags every image must have, as Key=Value, comma-separated (optional when a name is given)',
      validate: (v) => {
        const parsed = parseTagList(v);
        if (typeof parsed === 'string') {
          return parsed;
        }
        return !ctx.namePattern && !Object.keys(parsed).length ? 'Give a name pattern or a tag: a cleanup plan never covers every image.' : undefined;
      },
    });
    ctx.tags = parseTagList(text) as Record<string, string>;
  },
};

const action: WizardStep<RetireContext> = {
  async prompt(ctx, ui) {
    const picked = await ui.pick<{ action: RetireAction; deleteSnapshots: boolean }>({
      title: 'what to do', placeholder: 'What happens to the images the plan picks (you see the plan before anything changes)',
      items: [
        { label: 'Deprecate', description: 'hidden from searches by default; still launchable', value: { action: 'deprecate', deleteSnapshots: false } },
        { label: 'Disable', description: 'cannot be launched; no longer shared or public; can be re-enabled', value: { action: 'disable', deleteSnapshots: false } },
        { label: 'Deregister', description: 'gone (or in the Recycle Bin when a rule keeps it); snapshots kept', value: { action: 'deregister', deleteSnapshots: false } },
        { label: 'Deregister and delete unshared snapshots', description: 'also deletes the snapshots no other image uses', value: { action: 'deregister', deleteSnapshots: true } },
      ],
    });
    ctx.action = picked.action;
    ctx.deleteSnapshots = picked.deleteSnapshots;
  },
};

const olderThan: WizardStep<RetireContext> = {
  async prompt(ctx, ui) {
    const text = await ui.input({
      title: 'older than', value: String(ctx.olderThanDays ?? 30), prompt: 'Only images created more than this many days ago',
      validate: (v) => wholeDays(v, false),
    });
    ctx.olderThanDays = Number(text.trim());
  },
};

const notLaunched: WizardStep<RetireContext> = {
  async prompt(ctx, ui) {
    const text = await ui.input({
      title: 'not launched for', value: ctx.notLaunchedForDays === undefined ? '' : String(ctx.notLaunchedForDays),
      prompt: 'Only images not launched for this many days (never launched counts; an unknown last launch keeps the image). Empty: any',
      validate: (v) => wholeDays(v, true),
    });
    ctx.notLaunchedForDays = text.trim() ? Number(text.trim()) : undefined;
  },
};

const keepNewest: WizardStep<RetireContext> = {
  async prompt(ctx, ui) {
    const text = await ui.input({
      title: 'keep the newest', value: String(ctx.keepNewest ?? defaultKeepNewest),
      prompt: 'How many of the newest images of each group (the group tag, else the name without its version) always stay',
      validate: (v) => (/^\d{1,3}$/.test(v.trim()) ? undefined : 'A whole number from 0 to 999, e.g. 1.'),
    });
    ctx.keepNewest = Number(text.trim());
  },
};

const flags: WizardStep<RetireContext> = {
  async prompt(ctx, ui) {
    const picked = await ui.pickMany<Flag>({
      title: 'also', placeholder: 'Rules that keep images (selected: applied)',
      items: [
        { label: 'Keep images tagged Latest=true', value: 'excludeLatest', picked: ctx.excludeLatest ?? true },
        { label: 'Only images nothing in the account refers to', description: 'instances, launch templates, SSM parameters, Image Builder recipes', value: 'unreferencedOnly', picked: ctx.unreferencedOnly ?? false },
      ],
    });
    ctx.excludeLatest = picked.includes('excludeLatest');
    ctx.unreferencedOnly = picked.includes('unreferencedOnly');
  },
};

/** The plan's rules asked of the person, parsed as the API parses them; undefined when they cancel. */
export function askRetireRequest(): Promise<Answers<RetireRequest> | undefined> {
  const wizard = new Wizard<RetireContext>('Retire images', [namePattern, tags, action, olderThan, notLaunched, keepNewest, flags], {});
  return answersOf(wizard, (ctx) => parseRetireRequest({
    ...(ctx.namePattern ? { namePattern: ctx.namePattern } : {}),
    ...(ctx.tags && Object.keys(ctx.tags).length ? { tags: ctx.tags } : {}),
    action: ctx.action, deleteSnapshots: ctx.deleteSnapshots, olderThanDays: ctx.olderThanDays,
    ...(ctx.notLaunchedForDays === undefined ? {} : { notLaunchedForDays: ctx.notLaunchedForDays }),
    keepNewest: ctx.keepNewest, unreferencedOnly: ctx.unreferencedOnly, excludeLatest: ctx.excludeLatest,
  }));
}
