// How the facts EC2 reports about an image read to a person, in tooltips, hovers and the details page. Pure.
import type { ImageInfo } from '../aws/model';
import { age, utc } from './format';

/** Whether the account's Allowed AMIs criteria allow the image, as the image says; undefined while they are off. */
export function allowedLabel(imageAllowed: boolean | undefined): string | undefined {
  if (imageAllowed === undefined) {
    return undefined;
  }
  return imageAllowed ? 'allowed' : 'not allowed by this account\'s criteria';
}

/** The same, knowing the region's Allowed AMIs state: what it means for launching. */
export function allowedMeaning(imageAllowed: boolean | undefined, state: string): string {
  if (state === 'disabled') {
    return 'Allowed AMIs is disabled in this region: every image can be used';
  }
  if (imageAllowed !== false) {
    return state === 'enabled' ? 'allowed: it meets the criteria (enforced)' : 'allowed: it meets the criteria (audit mode)';
  }
  return state === 'enabled'
    ? 'not allowed: Allowed AMIs is enabled, so this account cannot launch it'
    : 'not allowed: launches still work in audit mode, but fail once Allowed AMIs is enabled';
}

export function imdsLabel(value: string | undefined): string | undefined {
  return value === 'v2.0' ? 'IMDSv2 required (v2.0)' : value;
}

export function freeTierLabel(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : value ? 'eligible' : 'not eligible';
}

/** Where the image came from, in one phrase: a copy's source, or the instance it was made from. */
export function sourceLabels(image: ImageInfo): [string, string][] {
  const rows: [string, string][] = [];
  if (image.sourceImageId) {
    rows.push(['Copied from', `${image.sourceImageId} (${image.sourceImageRegion ?? 'region not reported'})`]);
  }
  if (image.sourceInstanceId) {
    rows.push(['Made from instance', image.sourceInstanceId]);
  }
  return rows;
}

/** When an image last launched an instance, as far as it is known. */
export type LastLaunched =
  | { readonly kind: 'known'; readonly at?: string }
  | { readonly kind: 'unknown'; readonly reason: string };

export function lastLaunchedLabel(last: LastLaunched, now: number = Date.now()): string {
  if (last.kind === 'unknown') {
    return last.reason;
  }
  if (!last.at) {
    return 'never';
  }
  const ago = age(last.at, now);
  return ago ? `${utc(last.at)} (${ago === 'just now' ? ago : `${ago} ago`})` : last.at;
}
