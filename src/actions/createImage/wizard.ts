import { noIcons } from '../../shared/format';
import type { ImageCreationRequest } from '../../aws/launchModel';
import type { InstanceInfo } from '../../aws/model';
import { checkImageName } from '../../shared/validation';
import { answersOf, Wizard, type Answers, type WizardStep } from '../../shared/wizard/wizard';
import type { ActionDeps } from '../common/actionDeps';
import { regionStep, type RegionContext } from '../common/imageTarget';
import { nameTaken } from './imageNameCheck';
import { parseTagList } from '../../shared/tagList';
import { checkImageDescription, dateVersion, nextVersion, suggestImageName, suggestedTags } from './imageVersion';

/** What the create-image wizard knows and has been told. */
interface CreateContext extends RegionContext {
  readonly deps: ActionDeps;
  instance?: InstanceInfo;
  /** Today's version, the next one free in the instance's region (e.g. 2026.05.01.2). */
  version?: string;
  name?: string;
  description?: string;
  offeredTags?: Readonly<Record<string, string>>;
  moreTags?: Readonly<Record<string, string>>;
  noReboot?: boolean;
}

/** The instance and version the later steps build on, known once the name step is reached. */
function chosen(ctx: CreateContext): { instance: InstanceInfo; version: string } {
  if (!ctx.instance || ctx.version === undefined) {
    throw new Error('Create image: no instance chosen.');
  }
  return { instance: ctx.instance, version: ctx.version };
}

const instanceStep: WizardStep<CreateContext> = {
  async prompt(ctx, ui) {
    const region = ctx.region ?? '';
    ctx.instance = await ui.pick({
      title: `instance in ${region}`, placeholder: 'Running or stopped instances', matchOnDescription: true,
      items: ctx.deps.aws.listImageableInstances(region).then((instances) => instances.length ? instances.map((i) => ({
        label: noIcons(i.name ?? i.id), description: [i.name ? i.id : undefined, i.state, i.type].filter(Boolean).join(' · '),
        detail: i.imageId && `from ${i.imageId}`, value: i,
      })) : [{ label: `No running or stopped instance in ${region}`, note: true as const }]),
    });
  },
};

const nameStep: WizardStep<CreateContext> = {
  async configure(ctx) {
    const today = new Date();
    const region = ctx.instance?.region ?? '';
    ctx.version = nextVersion(today, await ctx.deps.aws.ownedTagValues(region, 'Version', dateVersion(today)));
  },
  async prompt(ctx, ui) {
    const { instance, version } = chosen(ctx);
    ctx.name = await ui.input({
      title: 'name', value: suggestImageName(instance.name ?? instance.id, version), validate: checkImageName,
      prompt: `Unique among your images in ${instance.region}: 3 to 128 letters, digits, spaces and ( ) [ ] . / - ' @ _`,
      check: (name) => nameTaken(ctx.deps, instance.region, name),
    });
  },
};

const descriptionStep: WizardStep<CreateContext> = {
  async prompt(ctx, ui) {
    const { instance, version } = chosen(ctx);
    ctx.description = await ui.input({
      title: 'description', value: `${instance.name ?? instance.id} (${instance.id}), ${version}`,
      prompt: 'Shown with the image in EC2 (optional)', validate: (v) => checkImageDescription(v),
    }) || undefined;
  },
};

const offeredTagsStep: WizardStep<CreateContext> = {
  async prompt(ctx, ui) {
    const { instance, version } = chosen(ctx);
    const picked = await ui.pickMany({
      title: 'tags (on the image and its snapshots)',
      items: Object.entries(suggestedTags(instance.tags, version)).map(([k, v]) => ({
        label: noIcons(`${k}=${v}`), description: k === 'Version' ? 'today\'s version' : 'from the instance', value: [k, v] as const, picked: true,
      })),
    });
    ctx.offeredTags = Object.fromEntries(picked);
  },
};

const moreTagsStep: WizardStep<CreateContext> = {
  async prompt(ctx, ui) {
    const text = await ui.input({
      title: 'more tags', prompt: 'More tags as Key=Value, comma-separated (optional)', placeholder: 'Team=platform, Os=al2023',
      validate: (v) => { const r = parseTagList(v); return typeof r === 'string' ? r : undefined; },
    });
    ctx.moreTags = parseTagList(text) as Record<string, string>;
  },
};

const rebootStep: WizardStep<CreateContext> = {
  shouldPrompt: (ctx) => ctx.instance?.state === 'running',
  async prompt(ctx, ui) {
    const { instance } = chosen(ctx);
    ctx.noReboot = await ui.pick({
      title: `reboot ${instance.name ?? instance.id}?`,
      items: [
        { label: 'Reboot the instance first', description: 'recommended', detail: 'EC2 shuts it down briefly so every file is on disk: a consistent image, a minute of downtime.', value: false },
        { label: 'No reboot', description: '--no-reboot', detail: 'No downtime, but files being written may be captured half-written: the file system\'s consistency is not guaranteed.', value: true },
      ],
    });
  },
};

/**
 * The interactive Create image: from the palette a region and one of its running or stopped instances first; then
 * name (checked free in the region), description, tags (Version of today and the instance's Name / Project
 * offered), more tags, and whether to reboot a running instance; the command's summary follows. Undefined when
 * cancelled.
 */
export async function askImageCreation(deps: ActionDeps, instance?: InstanceInfo): Promise<Answers<{ region: string; request: ImageCreationRequest }> | undefined> {
  const choose = instance ? [] : [regionStep<CreateContext>(() => 'region of the instance'), instanceStep];
  const wizard = new Wizard<CreateContext>('Create image', [...choose, nameStep, descriptionStep, offeredTagsStep, moreTagsStep, rebootStep], {
    deps, aws: deps.aws, instance, shownRegions: instance ? undefined : await deps.aws.regions(),
  });
  return answersOf(wizard, (ctx) => ctx.instance && ctx.name !== undefined ? {
    region: ctx.instance.region,
    request: {
      instanceId: ctx.instance.id, name: ctx.name, description: ctx.description, noReboot: ctx.noReboot ?? false,
      tags: { ...ctx.offeredTags, ...ctx.moreTags },
    },
  } : undefined);
}
