// The disable and enable actions' input objects and summaries, checked and worded without AWS. Pure.
import type { ImageInfo, ImageTarget, LaunchPermissions } from '../../aws/model';
import { joinAnd, plural } from '../../shared/format';
import { checkWith, optional, readOptions, required, type Schema } from '../../shared/options';
import type { ActionSummary } from '../../shared/summaryText';
import { checkImageId, checkRegion } from '../../shared/validation';

const target = { imageId: required(checkWith(checkImageId)), region: required(checkWith(checkRegion)) };
const disableSchema: Schema = { ...target, confirmed: optional(() => undefined) };
const enableSchema: Schema = target;

const targetOf = (arg: Record<string, unknown>): ImageTarget => ({ imageId: (arg.imageId as string).trim(), region: (arg.region as string).trim() });

/** `{ imageId, region, confirmed? }`; `confirmed` is the API's to check. */
export function parseDisableRequest(input: unknown): ImageTarget {
  return targetOf(readOptions(input, disableSchema, 'Disable image'));
}

/** `{ imageId, region }`. */
export function parseEnableRequest(input: unknown): ImageTarget {
  return targetOf(readOptions(input, enableSchema, 'Enable image'));
}

/** Undefined when EC2 would disable the image, else why not and what to do. */
export function disableProblem(image: Pick<ImageInfo, 'id' | 'name' | 'state'>): string | undefined {
  if (image.state === 'disabled') {
    return `${image.name} (${image.id}) is already disabled: launches from it fail already. To launch from it again, run "Enable Image" (amiExplorer.enableImage).`;
  }
  return image.state === 'available' ? undefined
    : `${image.name} (${image.id}) is ${image.state}: only an available image can be disabled.`;
}

/** Undefined when EC2 would enable the image, else why not. */
export function enableProblem(image: Pick<ImageInfo, 'id' | 'name' | 'state'>): string | undefined {
  return image.state === 'disabled' ? undefined
    : `${image.name} (${image.id}) is not disabled (it is ${image.state}): there is nothing to enable.`;
}

/** Who loses access: "2 accounts (111122223333, 444455556666) and 1 organization", or undefined for no one. */
function sharedWith(permissions: LaunchPermissions): string | undefined {
  const parts = [
    permissions.accounts.length ? `${plural(permissions.accounts.length, 'account')} (${permissions.accounts.join(', ')})` : undefined,
    permissions.organizationArns.length ? plural(permissions.organizationArns.length, 'organization') : undefined,
    permissions.organizationalUnitArns.length ? plural(permissions.organizationalUnitArns.length, 'organizational unit') : undefined,
  ].filter((p): p is string => !!p);
  return parts.length ? joinAnd(parts) : undefined;
}

/** What the summary of a disable says beyond the image: who may launch it, and what uses it in words. */
export interface DisableFacts {
  /** Undefined when EC2 will not say. */
  readonly permissions?: LaunchPermissions;
  /** "used by 1 instance (web-1) and 1 launch template (web)", "no … uses it", or "could not check usage: …". */
  readonly usage: string;
}

/** What disabling does to this image: launches fail, shares and the public listing end (for good), who is affected. */
export function disableSummary(image: ImageInfo, { permissions, usage }: DisableFacts): ActionSummary {
  const lines = [
    'Every new launch from it fails (RunInstances, launch templates, Auto Scaling) until it is enabled again with "Enable Image"; running instances go on',
    `In this account, as EC2 reports it: ${usage}`,
  ];
  if (!permissions) {
    lines.push('It becomes private: every share and its public listing, if any, end, and enabling it again does not restore them');
  } else {
    const others = sharedWith(permissions);
    if (permissions.public) {
      lines.push('It leaves the public listing: it is public now, and a disabled image is private');
    }
    lines.push(others
      ? `Its shares end: ${others} can no longer launch it, and enabling it again does not give the access back`
      : 'It is shared with no other account, organization or organizational unit');
  }
  lines.push('DescribeImages lists it only when asked for disabled images (the view\'s filter: include disabled)');
  return { title: `Disable ${image.name} (${image.id})`, accept: 'Disable', regions: [image.region], lines, destructive: true };
}

export function enableSummary(image: ImageInfo): ActionSummary {
  return {
    title: `Enable ${image.name} (${image.id})`,
    accept: 'Enable',
    regions: [image.region],
    lines: [
      'It can be launched again and is listed again',
      'The shares and public listing it had before it was disabled stay ended: share it again with "Share Image" if they should',
    ],
  };
}
