// What the editor says about an SSM parameter naming an AMI: one line per region for CodeLens and hover, and
// problems. Pure, so the wording is unit-tested.
import type { ImageInfo } from '../aws/model';
import { age, isPast, md, noIcons, utc } from '../shared/format';
import type { Resolution } from './imageResolver';
import { isImageId, namesImage, type ParameterResolution } from './parameterResolver';
import type { SsmReference } from './ssmParameterScanner';

/** What one region says about a parameter, and the image it names. */
export interface RegionAnswer {
  readonly region: string;
  /** Undefined while SSM has not answered. */
  readonly parameter?: ParameterResolution;
  /** The named image's resolution, once the parameter is known. */
  readonly image?: Resolution;
}

export interface ParameterProblem {
  readonly code: 'parameter-missing' | 'parameter-not-image' | 'parameter-image-deprecated' | 'parameter-image-not-found';
  readonly message: string;
}

/**
 * Whether the reference is about an AMI at all: a path the code uses as an image id always is; elsewhere only when
 * some region's parameter names an image, or has not answered yet (a public path read into a variable may be text).
 */
export function isImageReference(ref: SsmReference, answers: readonly RegionAnswer[]): boolean {
  if (ref.expectsImage) {
    return true;
  }
  return answers.some((a) => !a.parameter || a.parameter.kind !== 'found' || namesImage(a.parameter));
}

function imageIn(answer: RegionAnswer): ImageInfo | undefined {
  return answer.image?.kind === 'found' ? answer.image.images.find((i) => i.region === answer.region) : undefined;
}

/** "today: al2023-ami-… · ami-… · created 2026-01-01 00:00 UTC (3 days old) · us-east-1", or what went wrong. */
export function regionLine(answer: RegionAnswer, now: number = Date.now()): string {
  const { region, parameter } = answer;
  if (!parameter) {
    return `looking up in ${region}…`;
  }
  switch (parameter.kind) {
    case 'missing':
      return `no such parameter in ${region}`;
    case 'failed':
      return `lookup incomplete in ${region}: ${parameter.message}`;
  }
  if (!namesImage(parameter)) {
    return `not an AMI parameter in ${region} (data type ${parameter.dataType})`;
  }
  const id = parameter.value;
  if (!isImageId(id)) {
    return `today: ${id} · ${region} (not an AMI id)`;
  }
  const image = imageIn(answer);
  if (image) {
    const created = image.creationDate ? ` · created ${utc(image.creationDate)} (${age(image.creationDate, now)} old)` : '';
    const deprecated = image.deprecationTime && isPast(image.deprecationTime, now) ? ' · deprecated' : '';
    return `today: ${image.name || '(no name)'} · ${id}${created} · ${region}${deprecated}`;
  }
  if (!answer.image) {
    return `today: ${id} · ${region}`;
  }
  return answer.image.kind === 'failed' ? `today: ${id} · ${region} (image lookup incomplete)` : `today: ${id} · ${region} (image not visible)`;
}

/** A CodeLens title: plain text, with no `$(icon)` from data. */
export function parameterLensTitle(answer: RegionAnswer, now: number = Date.now()): string {
  return noIcons(regionLine(answer, now));
}

export function parameterHoverMarkdown(ref: SsmReference, answers: readonly RegionAnswer[], now: number = Date.now()): string {
  const lines = [`**SSM parameter** \`${md(ref.path)}\`${ref.selector ? ` version ${md(ref.selector)}` : ''}`];
  if (ref.assumed) {
    lines.push(`The path assumes ${md(ref.assumed)}: the file does not say.`);
  }
  for (const answer of answers) {
    lines.push(`- ${md(regionLine(answer, now))}`);
  }
  return lines.join('\n\n');
}

/** Problems of one reference. A failed or pending lookup is no problem of the code: nothing is reported. */
export function parameterProblems(ref: SsmReference, answers: readonly RegionAnswer[], now: number = Date.now()): ParameterProblem[] {
  const problems: ParameterProblem[] = [];
  for (const answer of answers) {
    const { region, parameter } = answer;
    if (parameter?.kind === 'missing') {
      problems.push({ code: 'parameter-missing', message: `SSM parameter ${ref.path}${ref.selector ? `:${ref.selector}` : ''} does not exist in ${region}.` });
    } else if (parameter?.kind === 'found' && !namesImage(parameter)) {
      if (ref.expectsImage) {
        problems.push({ code: 'parameter-not-image', message: `SSM parameter ${ref.path} in ${region} is not an AMI parameter: its data type is ${parameter.dataType} and its value is not an AMI id.` });
      }
    } else if (parameter?.kind === 'found') {
      const image = imageIn(answer);
      if (image?.deprecationTime && isPast(image.deprecationTime, now)) {
        problems.push({ code: 'parameter-image-deprecated', message: `SSM parameter ${ref.path} in ${region} names ${image.id} (${image.name}), deprecated since ${utc(image.deprecationTime)}.` });
      } else if (answer.image?.kind === 'notFound') {
        problems.push({ code: 'parameter-image-not-found', message: `SSM parameter ${ref.path} in ${region} names ${parameter.value}, which is not visible to this account.` });
      }
    }
  }
  return problems;
}
