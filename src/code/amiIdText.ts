// What the editor says about an AMI id: hover markdown, CodeLens titles and problems. Pure, so the wording is
// unit-tested and the benchmark can time a warm hover without an editor.
import type { ImageInfo } from '../aws/model';
import { isPast, md, noIcons, utc } from '../shared/format';
import { consoleUrl } from '../shared/awsLinks';
import { deprecationLabel, imageTooltipMarkdown } from '../shared/imageMarkdown';
import type { LastLaunched } from '../shared/imageLabels';
import { checkImageId, checkRegion } from '../shared/validation';
import type { RegionProblem, Resolution } from './imageResolver';
import type { ProblemKind, Severity } from '../shared/noiseRules';

export type { Severity } from '../shared/noiseRules';

/** What the code around an id says about it. */
export interface IdContext {
  /** The id as written, when it is not the lower-case id EC2 knows. */
  readonly written?: string;
  /** The region the code means the id for (a map key, `--region`, a sibling `region =`). */
  readonly region?: string;
}

export interface Problem {
  readonly severity: Severity;
  /** Stable code shown in the Problems panel, used by quick fixes and `amiExplorer.code.severity`. */
  readonly code: ProblemKind;
  readonly message: string;
}

/** The only commands hover links may run (`isTrusted.enabledCommands`). */
export const hoverCommands = ['amiExplorer.revealImage', 'amiExplorer.showDetails', 'amiExplorer.showImageUsage', 'amiExplorer.copyImageId', 'amiExplorer.copyImage', 'amiExplorer.launchInstance'] as const;
type HoverCommand = (typeof hoverCommands)[number];


export function visibility(image: ImageInfo, selfAccount: string | undefined): string {
  if (selfAccount && image.ownerId === selfAccount) {
    return 'owned by you';
  }
  if (image.public) {
    return 'public';
  }
  return selfAccount ? 'shared with you' : `owned by ${image.ownerAlias ?? image.ownerId}`;
}

/** A link whose only arguments are the image's id and region; see `linkable`. */
function commandLink(title: string, command: HoverCommand, image: ImageInfo): string {
  const args = encodeURIComponent(JSON.stringify([{ imageId: image.id, region: image.region }]));
  return `[${title}](command:${command}?${args} "${title}")`;
}

function regionList(regions: readonly string[], max = Infinity): string {
  if (regions.length <= max) {
    return regions.join(', ');
  }
  return `${regions.slice(0, max).join(', ')} and ${regions.length - max} more`;
}

/** "(2 denied by policy: eu-west-1, ap-east-1)", or '' when no region was skipped. */
function deniedNote(denied: readonly RegionProblem[] | undefined): string {
  return denied?.length ? ` (${denied.length} denied by policy: ${regionList(denied.map((d) => d.region), 5)})` : '';
}

function regionsSearched(regions: readonly string[], max?: number, denied?: readonly RegionProblem[]): string {
  return regions.length === 1
    ? `in ${regions[0]}, the only region searched${deniedNote(denied)}`
    : `in any of the ${regions.length} regions searched (${regionList(regions, max)})${deniedNote(denied)}`;
}

function label(image: ImageInfo): string {
  return image.name && image.name !== image.id ? `${image.id} (${image.name})` : image.id;
}

/** The images a problem is about: those in the code's region when it names one, else all. */
function relevantImages(images: readonly ImageInfo[], region: string | undefined): readonly ImageInfo[] {
  const inRegion = region ? images.filter((i) => i.region === region) : [];
  return inRegion.length ? inRegion : images;
}

const notLaunchable = new Set(['deregistered', 'failed', 'error', 'invalid', 'transient']);

function stateProblem(image: ImageInfo, now: number): Problem | undefined {
  if (image.state === 'disabled') {
    return { severity: 'error', code: 'disabled', message: `${label(image)} is disabled in ${image.region}: it cannot be launched until its owner re-enables it.` };
  }
  if (notLaunchable.has(image.state)) {
    const reason = image.stateReason ? ` (${image.stateReason})` : '';
    return { severity: 'error', code: 'not-launchable', message: `${label(image)} is ${image.state} in ${image.region}${reason}: it cannot be launched.` };
  }
  if (image.deprecationTime) {
    return isPast(image.deprecationTime, now)
      ? { severity: 'warning', code: 'deprecated', message: `${label(image)} is deprecated since ${utc(image.deprecationTime)} (${image.region}): move to a newer image.` }
      : { severity: 'information', code: 'deprecation-scheduled', message: `${label(image)} will be deprecated on ${utc(image.deprecationTime)} (${image.region}).` };
  }
  return undefined;
}

function imageProblems(image: ImageInfo, now: number): Problem[] {
  const problems = [stateProblem(image, now)];
  // EC2 returns a not-allowed image only in audit mode (enabled, it hides it): launches work until enforcement.
  if (image.imageAllowed === false) {
    problems.push({
      severity: 'warning',
      code: 'not-allowed',
      message: `${label(image)} is not allowed by this account's Allowed AMIs settings in ${image.region}: launches fail once they are enforced. Use an allowed image, or add its provider to the criteria.`,
    });
  }
  return problems.filter((p): p is Problem => p !== undefined);
}

/** Problems for one occurrence of an id. A failed or pending lookup is no problem of the code: nothing is reported. */
export function problemsFor(resolution: Resolution | undefined, context: IdContext, now: number = Date.now()): Problem[] {
  const problems: Problem[] = [];
  if (context.written) {
    const id = context.written.toLowerCase();
    problems.push({ severity: 'warning', code: 'upper-case', message: `${context.written} has upper-case letters: AMI ids are lower case (${id}).` });
  }
  if (resolution?.kind === 'notFound') {
    problems.push({
      // Information by default: a private image of another account is normal, and invisible from here.
      severity: 'information',
      code: 'not-found',
      message: `${resolution.id} is not visible ${regionsSearched(resolution.searched, 5, resolution.denied)}: it may be deregistered, private to another account, hidden by this account's Allowed AMIs settings, or a typo.`,
    });
  } else if (resolution?.kind === 'found') {
    const { images } = resolution;
    if (context.region && !images.some((i) => i.region === context.region)) {
      const where = regionList(images.map((i) => i.region));
      problems.push({
        severity: 'warning',
        code: 'wrong-region',
        message: `${images[0] ? label(images[0]) : resolution.id} is in ${where}, but this code is for ${context.region}: AMI ids belong to one region, so use the image's id in ${context.region} or copy the image there.`,
      });
    }
    for (const image of relevantImages(images, context.region)) {
      problems.push(...imageProblems(image, now));
    }
  }
  return problems;
}

function stateText(image: ImageInfo, now: number): string {
  if (image.deprecationTime && isPast(image.deprecationTime, now)) {
    return `${image.state}, deprecated`;
  }
  return image.state;
}

/** `name · region · state`, or what went wrong, in a few words. CodeLens titles render `$(icon)`: none comes from data. */
export function codeLensTitle(resolution: Resolution, context: IdContext = {}, now: number = Date.now()): string {
  return noIcons(codeLensText(resolution, context, now));
}

function codeLensText(resolution: Resolution, context: IdContext, now: number): string {
  switch (resolution.kind) {
    case 'found': {
      const images = relevantImages(resolution.images, context.region);
      const first = images[0];
      const found = regionList(resolution.images.map((i) => i.region), 3);
      const elsewhere = context.region && !resolution.images.some((i) => i.region === context.region);
      const regions = elsewhere ? `${found} (not ${context.region})` : found;
      const states = [...new Set(images.map((i) => stateText(i, now)))].join(' / ');
      return `${first?.name || (first?.id ?? resolution.id)} · ${regions} · ${states}`;
    }
    case 'notFound': {
      const denied = resolution.denied?.length ? ` (${resolution.denied.length} denied)` : '';
      return `${resolution.id} not found in ${resolution.searched.length} region${resolution.searched.length === 1 ? '' : 's'}${denied}`;
    }
    case 'failed':
      return resolution.searched?.length
        ? `${resolution.id}: lookup incomplete (${resolution.errors.length} region${resolution.errors.length === 1 ? '' : 's'} did not answer; retrying)`
        : `${resolution.id}: lookup failed (${resolution.errors[0]?.message ?? 'unknown error'})`;
  }
}

export interface HoverOptions {
  readonly selfAccount?: string;
  readonly now?: number;
  /** How the regions searched were chosen, e.g. "every region enabled for the account". */
  readonly scope?: string;
  /** When owned images last launched, by `region/id`, as far as it was read for this hover. */
  readonly lastLaunched?: ReadonlyMap<string, LastLaunched>;
}

const severityIcon: Record<Severity, string> = { error: '$(error)', warning: '$(warning)', information: '$(info)', hint: '$(info)' };

function imageSection(image: ImageInfo, options: HoverOptions): string {
  const now = options.now ?? Date.now();
  // Links carry the id and region into commands and URLs: only when both are what they claim to be.
  const linkable = !checkImageId(image.id) && !checkRegion(image.region);
  const links = !linkable ? [] : [
    commandLink('Reveal in Images view', 'amiExplorer.revealImage', image),
    commandLink('Show details', 'amiExplorer.showDetails', image),
    commandLink('Who uses it', 'amiExplorer.showImageUsage', image),
    commandLink('Copy id', 'amiExplorer.copyImageId', image),
    commandLink('Copy to regions', 'amiExplorer.copyImage', image),
    commandLink('Launch', 'amiExplorer.launchInstance', image),
  ];
  const url = linkable ? consoleUrl('image', image.region, image.id) : undefined;
  if (url) {
    links.push(`[Open in AWS console](${url})`);
  }
  const deprecation = deprecationLabel(image, now);
  const summary = [visibility(image, options.selfAccount), image.region, image.state, deprecation].filter(Boolean).join(' · ');
  // Links first: a long hover scrolls, and acting is why people hover.
  return [`$(server) ${md(summary)}`, '', links.join(' · '), '', imageTooltipMarkdown(image, now, options.selfAccount, options.lastLaunched?.get(`${image.region}/${image.id}`))].join('\n');
}

/** The hover for one occurrence of an id: every fact a reader asks about, and links to act on it. */
export function hoverMarkdown(resolution: Resolution, context: IdContext = {}, options: HoverOptions = {}): string {
  const now = options.now ?? Date.now();
  const notices = problemsFor(resolution, context, now)
    .filter((p) => p.code === 'upper-case' || p.code === 'wrong-region')
    .map((p) => `${severityIcon[p.severity]} ${md(p.message)}`);
  const parts: string[] = [];
  switch (resolution.kind) {
    case 'found': {
      if (resolution.images.length > 1) {
        parts.push(`**${md(resolution.id)}** was found in ${resolution.images.length} regions: ${md(resolution.images.map((i) => i.region).join(', '))}.`);
      }
      parts.push(...resolution.images.map((image) => imageSection(image, options)));
      if (resolution.failedRegions.length) {
        parts.push(`$(warning) Not searched because the lookup failed: ${md(resolution.failedRegions.join(', '))}.`);
      }
      break;
    }
    case 'notFound':
      parts.push([
        `$(question) **${md(resolution.id)}** is not visible ${md(regionsSearched(resolution.searched, undefined, resolution.denied))}.`,
        '',
        'It may have been deregistered, be private to another account, be hidden by this account\'s Allowed AMIs settings, or contain a typo.',
        options.scope ? `\n\nSearched ${md(options.scope)} (setting \`amiExplorer.code.regions\`).` : '',
      ].join('\n'));
      break;
    case 'failed':
      parts.push([
        resolution.searched?.length
          ? `$(warning) **${md(resolution.id)}** is not in the ${resolution.searched.length} region${resolution.searched.length === 1 ? '' : 's'} that answered, but these could not be searched, so it may be there (asked again shortly):`
          : `$(error) **${md(resolution.id)}** could not be looked up:`,
        '',
        ...resolution.errors.map((e) => `- ${md(`${e.region === '*' ? '' : `${e.region}: `}${e.message}`)}`),
      ].join('\n'));
      break;
  }
  return [...notices, ...parts].join('\n\n---\n\n');
}
