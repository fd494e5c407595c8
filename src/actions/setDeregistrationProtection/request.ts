// The deregistration protection action's input object and summary, checked and worded without AWS. Pure.
import type { ImageInfo, ImageTarget } from '../../aws/model';
import { checkWith, isBoolean, optional, readOptions, required, type Schema } from '../../shared/options';
import { isProtected, protectionLabel } from '../../shared/retirementText';
import type { ActionSummary } from '../../shared/summaryText';
import { checkImageId, checkRegion } from '../../shared/validation';

/** On (with or without the 24-hour cooldown once turned off) or off. */
export interface ProtectionChange {
  readonly enabled: boolean;
  readonly cooldown: boolean;
}

const protectionSchema: Schema = {
  imageId: required(checkWith(checkImageId)),
  region: required(checkWith(checkRegion)),
  enabled: required(isBoolean),
  cooldown: optional(isBoolean),
};

/** `{ imageId, region, enabled, cooldown? }`. */
export function parseProtectionRequest(input: unknown): ImageTarget & ProtectionChange {
  const arg = readOptions(input, protectionSchema, 'Set deregistration protection');
  if (arg.enabled === false && arg.cooldown !== undefined) {
    throw new Error('"cooldown" applies only when turning protection on ("enabled": true): turning it off keeps the cooldown it was turned on with.');
  }
  return { imageId: (arg.imageId as string).trim(), region: (arg.region as string).trim(), enabled: arg.enabled === true, cooldown: arg.cooldown === true };
}

/** What the change means for deregistering the image, now and later. */
export function protectionSummary(image: ImageInfo, change: ProtectionChange, now: number = Date.now()): ActionSummary {
  const current = image.deregistrationProtection;
  const lines = [`Now: ${protectionLabel(current, now) ?? 'not reported by EC2'}`];
  if (change.enabled) {
    lines.push(change.cooldown
      ? 'Deregister refuses it until the protection is turned off, and for 24 hours after that (the cooldown)'
      : 'Deregister refuses it until the protection is turned off; then it can be deregistered at once');
  } else if (current === 'enabled-with-cooldown') {
    lines.push('Its 24-hour cooldown starts now: Deregister refuses it until 24 hours from now, then allows it');
  } else {
    lines.push(isProtected(current, now) && current !== 'enabled' && current !== 'enabled-without-cooldown'
      ? 'Its cooldown goes on: it stays protected until the time above'
      : 'Deregister allows it at once');
  }
  return {
    title: change.enabled ? `Protect ${image.name} (${image.id}) from deregistration` : `Turn off the deregistration protection of ${image.name} (${image.id})`,
    accept: change.enabled ? 'Protect' : 'Turn Off Protection',
    regions: [image.region],
    lines,
  };
}
