// How deregistration protection and the Recycle Bin read, in tooltips, details, trees and messages. Pure.
import { plural, utc } from './format';

/** When a protection turned off with its cooldown stops protecting, or undefined for any other value. */
export function cooldownEnd(protection: string | undefined): string | undefined {
  return /^disabled-until[\s:]+(\S+)/.exec(protection ?? '')?.[1];
}

/** Whether DeregisterImage would refuse the image now. Unknown (an old answer without the field) is not protected. */
export function isProtected(protection: string | undefined, now: number = Date.now()): boolean {
  if (!protection || protection === 'disabled') {
    return false;
  }
  const until = cooldownEnd(protection);
  return until === undefined || !(Date.parse(until) <= now);
}

/** "on", "on, 24-hour cooldown when turned off", "off, protected until … (cooldown)", "off"; undefined when unknown. */
export function protectionLabel(protection: string | undefined, now: number = Date.now()): string | undefined {
  if (!protection) {
    return undefined;
  }
  if (protection === 'enabled' || protection === 'enabled-without-cooldown') {
    return 'on';
  }
  if (protection === 'enabled-with-cooldown') {
    return 'on, with a 24-hour cooldown when turned off';
  }
  const until = cooldownEnd(protection);
  if (until !== undefined) {
    return isProtected(protection, now) ? `off, but protected until ${utc(until) ?? until} (cooldown)` : 'off';
  }
  return protection === 'disabled' ? 'off' : protection;
}

/** Why Deregister refuses a protected image, and how to lift the protection. */
export function protectionRefusal(image: { readonly id: string; readonly name: string; readonly deregistrationProtection?: string }): string {
  const until = cooldownEnd(image.deregistrationProtection);
  if (until !== undefined) {
    return `${image.name} (${image.id}) is still protected from deregistration: its protection was turned off with a 24-hour cooldown `
      + `that ends ${utc(until) ?? until}. Deregister it after that.`;
  }
  const cooldown = image.deregistrationProtection === 'enabled-with-cooldown'
    ? ' Its protection has a 24-hour cooldown: once turned off, it can be deregistered 24 hours later.' : '';
  return `${image.name} (${image.id}) is protected from deregistration. Turn the protection off first with `
    + `"Set Deregistration Protection" (amiExplorer.setDeregistrationProtection).${cooldown}`;
}

/** "in 6 days (2026-12-08 10:00 UTC)", "in 5 hours (…)", or "now" once past. */
export function expiryLabel(expiresAt: string | undefined, now: number = Date.now()): string {
  const t = expiresAt ? Date.parse(expiresAt) : Number.NaN;
  if (Number.isNaN(t)) {
    return 'at an unknown time';
  }
  const left = t - now;
  if (left <= 0) {
    return 'now';
  }
  const days = Math.floor(left / 86_400_000);
  const when = days >= 1 ? plural(days, 'day') : plural(Math.max(1, Math.floor(left / 3_600_000)), 'hour');
  return `in ${when} (${utc(expiresAt) ?? ''})`;
}
